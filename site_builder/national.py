"""The national entry page: one search across the provinces' own sites.

Each province is its own site, built by its own CI job and published under
`/<province>/` of one host (docs/maintainers/scale.md). The national page, at the
folder above the provinces, lists them and searches all of them in the browser.
Nothing is indexed again for the nation: the page loads Pagefind's JavaScript API from
the first province's bundle (`<province>/pagefind/`) and merges every other province's
bundle, and each further part of every index (`pagefind/parts.json`, search_index.py),
with `mergeIndex`; each index gets a `Tỉnh` filter naming its province (Pagefind's
`mergeFilter`), so a reader can narrow the results to one province.

Queries run as on the provinces' own results pages: the page loads the provinces'
search script `assets/javascripts/search-core.js` (overrides/, the one copy of the code)
from the first province's site, which searches every word starting with d or đ both
ways ("duong" finds "đường") and ranks the merged results.

The page is our own static markup (`templates/national.html`, labels from labels.py),
with its script and style sheet beside it; it requests nothing from another host.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from .labels import t
from .render import environment
from .search_index import BUNDLE

PAGE = "index.html"
ASSETS = ("national.js", "national.css")
CORE_SCRIPT = "assets/javascripts/search-core.js"
"""The search code shared with the provinces' sites, in every province's site."""
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class NationalError(Exception):
    """The list of provinces cannot make a national page; the message says why."""


@dataclass(frozen=True)
class Province:
    """One province's site, as the national page links and searches it."""

    id: str
    """URL segment of the province's site (`ha-noi`): lower case, digits, hyphens."""
    name: str
    """Name shown in the list and in the search filter (`Thành phố Hà Nội`)."""

    @property
    def path(self) -> str:
        """The province's site, relative to the national page."""
        return f"{self.id}/"

    @property
    def bundle(self) -> str:
        """The province's Pagefind bundle, relative to the national page."""
        return f"{self.id}/{BUNDLE}/"


@dataclass(frozen=True)
class NationalPage:
    """View model of the national page (`templates/national.html`)."""

    title: str
    """The page's title and heading."""
    provinces: tuple[Province, ...]
    """Every province, in the order listed; the first one's bundle holds the search UI."""
    filter_name: str
    """Name of the search filter holding the province's name."""
    core_script: str = CORE_SCRIPT
    """The shared search script, relative to a province's site."""


def check_provinces(provinces: Sequence[Province]) -> None:
    """Raise `NationalError` unless the ids are unique URL segments and names are given."""
    problems = []
    if not provinces:
        problems.append("no province given")
    seen: set[str] = set()
    for number, province in enumerate(provinces, start=1):
        if not _SLUG.fullmatch(province.id):
            problems.append(
                f"province {number}: id {province.id!r} is not lower-case letters, "
                "digits and hyphens"
            )
        if province.id in seen:
            problems.append(f"province {number}: id {province.id!r} is used twice")
        seen.add(province.id)
        if not province.name.strip():
            problems.append(f"province {number} ({province.id}): no name")
    if problems:
        raise NationalError("; ".join(problems))


def national_page(provinces: Sequence[Province], title: str | None = None) -> str:
    """HTML of the national page."""
    check_provinces(provinces)
    page = NationalPage(
        title=title or t("national.title"),
        provinces=tuple(provinces),
        filter_name=t("national.filter"),
    )
    return environment().get_template("national.html").render(page=page)


def write_national_site(
    out_dir: Path, provinces: Sequence[Province], title: str | None = None
) -> list[Path]:
    """Write the national page and its assets into `out_dir`, above the provinces' sites.

    Every province's site must already be in `out_dir/<id>/` with its search bundle: a
    missing one would break the search for all (mergeIndex stops at the first failure).
    The first province's site must hold the shared search script (`CORE_SCRIPT`).
    """
    html = national_page(provinces, title)
    missing = [
        province.id
        for province in provinces
        if not (out_dir / province.bundle / "pagefind-entry.json").is_file()
    ]
    if missing:
        raise NationalError(
            f"no search bundle (<province>/{BUNDLE}/pagefind-entry.json) in {out_dir} for: "
            + ", ".join(missing)
        )
    core = out_dir / provinces[0].path / CORE_SCRIPT
    if not core.is_file():
        raise NationalError(
            f"no search script in the first province's site: {core} (build it with this "
            "version of the theme, overrides/)"
        )
    written = [out_dir / PAGE]
    written[0].write_text(html, encoding="utf-8")
    assets = files("site_builder") / "assets"
    for name in ASSETS:
        with (assets / name).open("rb") as source, (out_dir / name).open("wb") as target:
            shutil.copyfileobj(source, target)
        written.append(out_dir / name)
    return written
