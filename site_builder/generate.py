"""From a loaded dataset to the generated pages, each as Markdown text.

This is the second phase of a build (the first is `load.load_dataset`): it only runs
on data that passed every check. A generated page is a small YAML front matter (its
title and search metadata) followed by one HTML block, so any Markdown-based
generator can build it: the MkDocs plugin serves these texts from memory, and
`site-builder export` writes them to a folder for another generator.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from . import urls
from .compare import build_comparisons, indicators_of, target_comparisons
from .computed import ComputedWard, compute_ward
from .embed import embed_code, ward_embeds
from .history import LastUpdated
from .labels import language
from .load import Dataset
from .pages import (
    build_downloads,
    build_home,
    build_project,
    build_search_shortcuts,
    build_target,
    build_ward,
)
from .render import PageModel, render
from .report import build_report


@dataclass(frozen=True)
class GeneratedPage:
    """A page of the site that exists only in memory."""

    url: str  # site-relative, e.g. "kien-an/chi-tieu/x/"
    title: str
    kind: str  # "ward", "report", "target", "project" or "comparison"
    ward: str  # ward id; "" for a page of the whole site (comparisons)
    body: str  # rendered HTML
    has_chart: bool
    searchable: bool = True  # False: left out of the search index (the report repeats the ward)
    lang: str = "vi"  # "en": the English copy under en/ (#17)
    alternate: str | None = None  # the same page in the other language, when there is one

    @property
    def src_uri(self) -> str:
        """Path of the Markdown source the page pretends to have."""
        return urls.source_file(self.url)

    def meta(self) -> dict[str, object]:
        """The page's metadata: what its front matter reads back as."""
        meta: dict[str, object] = {
            "title": self.title,
            "kind": self.kind,
            "ward": self.ward,
            # The ward's changes feed, for the theme's <link rel="alternate">.
            "feed": urls.ward_feed(self.ward) if self.ward else urls.SITE_FEED,
        }
        if not self.searchable:
            meta["search_exclude"] = True
        if self.lang != "vi":
            meta["lang"] = self.lang
        if self.alternate is not None:
            meta["alternate"] = self.alternate
        return meta

    def front_matter(self) -> str:
        """The page's metadata as YAML front matter.

        JSON strings are valid YAML, so titles need no quoting rules.
        """
        front = "\n".join(
            f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in self.meta().items()
        )
        return f"---\n{front}\n---\n"

    def markdown(self) -> str:
        """Front matter and body, as a Markdown file for another generator (`write_pages`)."""
        return f"{self.front_matter()}\n{self.body}\n"


def _page(model: PageModel, kind: str, ward_id: str, searchable: bool = True) -> GeneratedPage:
    body = render(model)
    return GeneratedPage(
        model.url, model.title, kind, ward_id, body, "data-chart=" in body, searchable
    )


def ward_pages(computed: ComputedWard, site_url: str = "") -> Iterator[GeneratedPage]:
    """A ward's pages: its overview and report, then one per target and one per project.

    `site_url` (may be empty) makes the iframe code on target pages absolute.
    """
    ward = computed.ward.ward
    yield _page(build_ward(computed), "ward", ward.id)
    yield _page(build_report(computed), "report", ward.id, searchable=False)
    for target in computed.ward.targets:
        model = build_target(computed, target)
        has_chart = model.body.chart_json is not None or any(
            c.chart_json for c in model.body.children
        )
        code = embed_code(ward.full_name, ward.id, target, site_url, has_chart)
        compared = target_comparisons(computed, target, model.url)
        yield _page(replace(model, embed=code, comparisons=compared), "target", ward.id)
    for project in computed.ward.projects:
        yield _page(build_project(computed, project), "project", ward.id)


def english_copy(pages: Iterable[GeneratedPage]) -> Iterator[GeneratedPage]:
    """Pages rendered under `english()` as the English copy: under `en/`, out of the index.

    Each copy links to its Vietnamese page (`alternate`); the copy is left out of the
    search index, so results never list a page twice (docs/maintainers/i18n.md).
    """
    for page in pages:
        yield replace(
            page,
            url=urls.english(page.url),
            searchable=False,
            lang="en",
            alternate=page.url,
        )


@contextmanager
def english() -> Iterator[None]:
    """Render English labels and sentences, with links between the English copy's pages."""
    with language("en"), urls.under(urls.ENGLISH):
        yield


def english_ward_pages(computed: ComputedWard, site_url: str = "") -> list[GeneratedPage]:
    """The English copy of a ward's pages: English labels and computed sentences.

    Data text stays as printed (Vietnamese), marked lang="vi" by the templates. The
    statuses are assessed again in English: their sentences are made when assessed.
    """
    with english():
        again = compute_ward(computed.ward, computed.as_of, computed.updated)
        return list(english_copy(ward_pages(again, site_url)))


def with_alternates(pages: Iterable[GeneratedPage]) -> list[GeneratedPage]:
    """Vietnamese pages linked to their English copy (when the English copy is built)."""
    return [replace(p, alternate=urls.english(p.url)) if p.lang == "vi" else p for p in pages]


def bilingual_ward_pages(computed: ComputedWard, site_url: str = "") -> list[GeneratedPage]:
    """A ward's Vietnamese pages, each linked to its English copy, then the copy."""
    return with_alternates(ward_pages(computed, site_url)) + english_ward_pages(computed, site_url)


def site_pages(wards: list[ComputedWard], bilingual: bool = False) -> list[GeneratedPage]:
    """Pages of the whole site from every ward: the comparisons of shared indicators.

    None when no target of these wards carries an indicator code. `bilingual` adds
    their English copy.
    """
    if not indicators_of(wards):
        return []
    pages = [_page(model, "comparison", "") for model in build_comparisons(wards)]
    if not bilingual:
        return pages
    with english():
        again = [compute_ward(w.ward, w.as_of, w.updated) for w in wards]
        copy = list(
            english_copy(_page(model, "comparison", "") for model in build_comparisons(again))
        )
    return with_alternates(pages) + copy


def ward_static_files(computed: ComputedWard) -> dict[str, str]:
    """A ward's finished files beside its pages (site path -> text): the embed pages."""
    return dict(ward_embeds(computed))


def compute(
    dataset: Dataset, as_of: date, dates: Mapping[Path, LastUpdated] | None = None
) -> list[ComputedWard]:
    """Statuses and series of every ward, as of one date; `dates` from `history.file_dates`."""
    dates = dates or {}
    return [
        compute_ward(ward, as_of, {p.name: dates[p] for p in ward.files if p in dates})
        for ward in dataset.wards
    ]


def generate_pages(wards: list[ComputedWard], site_url: str = "") -> list[GeneratedPage]:
    """Every generated page, in a stable order (wards, then their targets and projects)."""
    pages = [page for computed in wards for page in ward_pages(computed, site_url)]
    return pages + site_pages(wards)


def home_section(wards: list[ComputedWard], as_of: date) -> str:
    """The wards block appended to the hand-written home page."""
    return render(build_home(wards, as_of))


def search_section(wards: list[ComputedWard]) -> str:
    """The ward shortcuts appended to the hand-written search page."""
    return render(build_search_shortcuts(wards))


def downloads_section(wards: list[ComputedWard], sizes: Mapping[str, int | str]) -> str:
    """The list of downloads (site path -> bytes) appended to the hand-written downloads page."""
    return render(build_downloads(wards, sizes))
