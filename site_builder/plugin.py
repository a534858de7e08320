"""The MkDocs plugin: a thin adapter from MkDocs events to the core.

Sequence of a build:

- `on_config`: load and check `data/` (the core raises one `DataErrors`, turned here
  into one `PluginError`: MkDocs stops before it empties `site_dir`, with no
  traceback), date every data file from the git history, render every generated page,
  write the open-data downloads to a temporary folder, and watch `data/` for
  `mkdocs serve`; read the data commits for the changes feeds.
- `on_files`: add the generated pages, out of the navigation (thousands of pages in
  Material's nav make the build quadratic), the Atom feeds and embed pages (finished
  files, not theme pages), the pinned plotly.js bundle, and the downloads and JSON
  Schemas (copied from the temporary folder, never in `content/`).
- `on_nav`: make the generated pages' Page objects (metadata from the core, no
  front matter or Markdown to process).
- `on_env`: give theme templates the label table (`sb_t`); render Material's page once
  per shape of generated page with placeholders (shell.py) and give those pages a
  one-line template that fills the shell, and write the other generated pages of
  each shape filled into it (`_direct_pages`).
- `on_page_markdown`: escape generated titles (Material prints `page.title` raw in
  `<title>` and the header: MkDocs renders theme templates without autoescaping);
  a generated page has no Markdown to convert (its body is finished HTML, which
  Python-Markdown would only scan twice with `html.parser` and return unchanged: 39 %
  of a province build), so it gets its body back in `on_page_content`. Append the
  generated parts of the home, downloads and search pages.
- `on_post_build`: index the built site with Pagefind (static search with diacritic
  folding), whose bundle lands in `<site>/pagefind/`, in parts of bounded memory
  (search_index.py); remove the temporary folder.
"""

from __future__ import annotations

import gc
import gzip
import html
import os
import tempfile
import time
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, Protocol, cast
from urllib.parse import urljoin, urlsplit

from jinja2 import (
    ChoiceLoader,
    DictLoader,
    Environment,
    FileSystemBytecodeCache,
    Template,
    pass_context,
)
from jinja2.runtime import Context
from mkdocs.commands.build import get_context
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_timestamp, get_relative_url, normalize_url, write_file
from mkdocs.utils.templates import TemplateContext

from . import urls
from .cache import LoadCache, PageStore, WardCache, link_or_copy, ward_key
from .computed import ComputedWard
from .downloads import schema_files, site_archive_paths, write_site_archive
from .errors import DataErrors
from .feeds import feed_files
from .forking import Background, for_each
from .generate import (
    GeneratedPage,
    compute,
    downloads_section,
    english,
    home_section,
    search_section,
    site_pages,
)
from .history import DataChange, LastUpdated, data_changes, file_dates
from .labels import t
from .lastsite import empty, move_aside, put_back, same_bytes, write_new
from .load import load_dataset
from .pages import file_size
from .parallel import default_processes, render_wards
from .report import css_string
from .search_index import PART_PAGES, SearchIndexError, build_search_index, describe
from .shell import Shell, fillable, make_shell

log = get_plugin_logger(__name__)

# Most pages in one part of the search index under `mkdocs serve` (`_part_pages`).
SERVE_PART_PAGES = 200

# Where `npm ci` puts the pinned plotly.js bundle (see package.json).
_PLOTLY_PACKAGE = "plotly.js-basic-dist-min"
_PLOTLY_FILE = "plotly-basic.min.js"


class CommitmentsConfig(Config):
    """Options of the `commitments` plugin in mkdocs.yml."""

    data_dir = c.Type(str, default="data")
    """Folder holding `wards/<id>/*.yaml`, relative to mkdocs.yml."""

    data_wards = c.ListOfItems(c.Type(str), default=[])
    """Ward ids to build (a fast preview of one ward); empty builds every ward."""

    data_as_of = c.Optional(c.Type((str, date)))
    """Date computed figures are stated at (`2026-06-30`); default: the build date.

    YAML reads an unquoted `2026-06-30` (and `!ENV [DATA_AS_OF, null]`) as a date."""

    vendor_dir = c.Type(str, default="node_modules")
    """Folder where npm installed the pinned third-party assets, relative to mkdocs.yml."""

    search_index = c.Type(bool, default=True)
    """Build the Pagefind search index after the site (off for quick previews)."""

    search_part_pages = c.Type(int, default=PART_PAGES)
    """Most pages in one part of the search index (Pagefind needs ≈ 170 kB per page)."""

    processes = c.Type(int, default=0)
    """Worker processes rendering wards in `mkdocs build`; 0: one per core."""

    cache_dir = c.Type(str, default=".cache/commitments")
    """Per-ward cache of rendered pages and downloads (cache.py), relative to mkdocs.yml;
    empty: no cache, every ward rendered on every build."""

    english = c.Type(bool, default=False)
    """Build the English copy of the site under `en/` (docs/maintainers/i18n.md): every
    generated page again with English labels, and `content/en/` (left out when off)."""

    english_site_name = c.Optional(c.Type(str))
    """`site_name` on English pages (header, `<title>`); default: `site_name`."""

    english_site_description = c.Optional(c.Type(str))
    """`site_description` on English pages; default: `site_description`."""

    english_copyright = c.Optional(c.Type(str))
    """`copyright` (footer) on English pages; default: `copyright`."""
    page_shell = c.Type(bool, default=True)
    """Fill generated pages into the theme's page rendered once per shape (shell.py)
    instead of rendering the theme's template for each; off: the normal pipeline."""


class CommitmentsPlugin(BasePlugin[CommitmentsConfig]):
    """Generates every ward, target and project page from `data/`."""

    # Tests set it to convert the generated sections through Markdown, to compare.
    inline_sections: ClassVar[bool] = False

    def __init__(self) -> None:
        self.wards: list[ComputedWard] = []
        self.pages: list[GeneratedPage] = []
        self.bodies: dict[str, str] = {}  # generated page's src_uri -> its HTML body
        self.download_sizes: dict[str, int] = {}  # open data: site path -> bytes
        self.download_files: dict[str, Path] = {}  # a ward's downloads: site path -> file
        # The site ZIP and the files describing it, written aside (`_render`): their
        # paths, and the step writing them until `on_env` collects their sizes.
        self.archive_paths: list[str] = []
        self.archive: Background[dict[str, int]] | None = None
        self.static_files: dict[str, str] = {}  # feeds and embed pages: site path -> text
        self.changes: list[DataChange] = []  # data commits, newest first (for the feeds)
        self.staging: tempfile.TemporaryDirectory[str] | None = None
        self.as_of: date = date.today()
        self.serving = False
        self.dirty = False
        # Hand-written pages' generated sections, put in after Markdown (`on_page_content`).
        self.sections: dict[str, str] = {}
        self.old_site: Background[None] | None = None  # removing what was not put back
        self.last_site: Path | None = None  # the last build's site, moved aside
        self.ward_dates: dict[str, date | None] = {}
        self.page_wards: dict[str, str] = {}  # generated page's src_uri -> its ward id
        self.data_date: date | None = None
        self.content_dates: dict[str, date | None] = {}
        self.english_nav: Navigation | None = None
        self.alternates: dict[str, str] = {}  # hand-written page src_uri -> other language's URL
        self.nav: Navigation | None = None
        self.shells: dict[str, Shell] = {}  # generated page's src_uri -> its theme shell
        self.site_url: str | None = None
        # Generated pages the plugin writes itself, filled into the shell of the first page
        # of their shape (`representatives`: shape -> that page's src_uri), which MkDocs
        # builds as usual; see `_direct_pages`.
        self.direct: dict[tuple[object, ...], list[_DirectPage]] = {}
        self.representatives: dict[tuple[object, ...], str] = {}
        self.built: tuple[Environment, Files, Navigation] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether `mkdocs serve` runs us (it has threads: no forked workers)."""
        self.serving = command == "serve"
        self.dirty = dirty

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Move the last build's site aside, to put its unchanged files back (lastsite.py).

        MkDocs empties `site_dir` next, one file at a time: 50,000 files and folders in a
        province, and the build would make nearly all of them again. Renamed into
        `<cache_dir>/.trash/` (one call), the folders holding the plugin's own files come
        back in `on_env` (`_put_back`) and the rest is removed by a forked process while
        the build goes on; what a stopped build left there goes too. Not with `--dirty`,
        under `mkdocs serve`, without a cache folder, or when the site folder is a link,
        a mount point, holds the cache or is on another file system: MkDocs then empties
        it as usual.
        """
        self.old_site, self.last_site = None, None
        if self.dirty or self.serving or not self.config.cache_dir:
            return
        site = Path(config.site_dir)
        cache = self._path(config, self.config.cache_dir)
        if site.is_symlink() or not site.is_dir() or os.path.ismount(site):
            return
        if cache.resolve().is_relative_to(site.resolve()):
            return
        self.last_site = move_aside(site, self._trash(config))

    def _trash(self, config: MkDocsConfig) -> Path:
        """Where last sites wait to be removed (`on_pre_build`, `_put_back`)."""
        return self._path(config, self.config.cache_dir) / ".trash"

    def _processes(self) -> int:
        """Forked workers to use: 1 under `mkdocs serve`, whose threads forbid forking."""
        return 1 if self.serving else (self.config.processes or default_processes())

    def _path(self, config: MkDocsConfig, option: str) -> Path:
        return (Path(config.config_file_path).parent / option).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the data; render the pages; watch the data folder."""
        data_dir = self._path(config, self.config.data_dir)
        as_of = self.config.data_as_of
        try:
            if isinstance(as_of, date):
                self.as_of = as_of
            else:
                self.as_of = date.fromisoformat(str(as_of)) if as_of else date.today()
        except ValueError as exc:
            raise PluginError(f"commitments: data_as_of must be YYYY-MM-DD: {exc}") from None
        loaded = (
            LoadCache(self._path(config, self.config.cache_dir) / ".loaded")
            if self.config.cache_dir
            else None
        )
        try:
            dataset = load_dataset(
                data_dir, self.config.data_wards or None, loaded, self._processes()
            )
        except DataErrors as exc:
            raise PluginError(exc.report()) from None
        # One pass over the git history dates every data file (history.py).
        dates = file_dates(path for ward in dataset.wards for path in ward.files)
        self.changes = data_changes({p.parent for ward in dataset.wards for p in ward.files})
        self.wards = compute(dataset, self.as_of, dates)
        self._date_pages(config, dates)
        self._render(config, data_dir)
        unknown = sum(1 for d in dates.values() if d.basis in ("unknown", "mtime"))
        if unknown:
            log.info(
                "%d data files have no date from git history (shallow clone or no "
                "repository): pages say so; deploy from a full clone",
                unknown,
            )
        log.info("%d pages generated from %s", len(self.pages), data_dir)
        if not config.site_url and not self.serving:
            log.info(
                "site_url is not set (SITE_URL): no absolute URL is written (no canonical "
                "links, an empty sitemap, relative links in downloads); set SITE_URL to the "
                "published address for a public build"
            )
        config.watch.append(str(data_dir))
        return config

    def _date_pages(self, config: MkDocsConfig, dates: Mapping[Path, LastUpdated]) -> None:
        """When each page's content last changed, for the sitemap's `lastmod`.

        A ward's pages change with any of its files; a hand-written page with its own
        file and, where it lists every ward (home, downloads, search), with the data.
        """
        self.ward_dates = {w.ward.ward.id: w.updated_of().date for w in self.wards}
        known = [d for d in self.ward_dates.values() if d is not None]
        self.data_date = max(known) if known else None
        content = Path(config.docs_dir).resolve()
        self.content_dates = {
            path.relative_to(content).as_posix(): updated.date
            for path, updated in file_dates(sorted(content.rglob("*.md"))).items()
        }

    def _render(self, config: MkDocsConfig, data_dir: Path) -> None:
        """Every ward's pages, and the open-data files in a temporary folder."""
        self._end_build()
        self.staging = tempfile.TemporaryDirectory(prefix="commitments-")
        staging = Path(self.staging.name)
        site_url = config.site_url or ""
        if not self.serving:
            # The loaded data lives to the end of the build: keep the garbage collector
            # from scanning it again and again (7 % of a province build's CPU time), and
            # forked workers from copying the pages the collector would touch.
            gc.freeze()
        processes = self._processes()
        cache: WardCache | None = None
        keys: list[str] | None = None
        if self.config.cache_dir:
            cache = WardCache(self._path(config, self.config.cache_dir))
            keys = [ward_key(w, site_url, english=self.config.english) for w in self.wards]
            hits = sum(
                1 for w, k in zip(self.wards, keys, strict=True) if cache.has(w.ward.ward.id, k)
            )
            log.info("ward cache: %d of %d wards unchanged (%s)", hits, len(keys), cache.folder)
        outputs = render_wards(
            self.wards,
            staging,
            site_url,
            processes,
            cache=cache,
            keys=keys,
            bilingual=self.config.english,
        )
        self.pages = [page for output in outputs for page in output.pages]
        self.pages += site_pages(self.wards, bilingual=self.config.english)
        self.bodies = {page.src_uri: page.body for page in self.pages}
        self.page_wards = {page.src_uri: page.ward for page in self.pages}
        self.download_sizes = {k: v for o in outputs for k, v in o.download_sizes.items()}
        # Where each download is: the staging folder, or the cache entry it came from.
        self.download_files = {
            path: Path(o.files_dir or staging) / path for o in outputs for path in o.download_sizes
        }
        self.static_files = {k: v for o in outputs for k, v in o.static_files.items()}
        self.static_files.update(feed_files(self.wards, self.changes, site_url, config.site_name))
        ward_ids = [c.ward.ward.id for c in self.wards]
        schemas = schema_files(data_dir)
        ward_paths = list(self.download_sizes)
        described = {k: v for o in outputs for k, v in o.download_digests.items()}
        sources = self.download_files

        def archive() -> dict[str, int]:
            return write_site_archive(
                ward_ids,
                schemas,
                staging,
                self.as_of,
                site_url,
                ward_paths=ward_paths,
                described=described,
                sources=sources,
            )

        # The site ZIP and its metadata (≈ 1.6 s at 12,000 pages, every build) are written
        # by a forked process while MkDocs goes on with one core; `on_env` waits for it.
        self.archive_paths = site_archive_paths(schemas)
        self.archive = Background(archive, enabled=processes > 1)
        if not self.archive.pending:  # written here (one process)
            self.download_sizes.update(self.archive.result())
            self.archive = None

    def _shown_sizes(self) -> dict[str, int | str]:
        """The downloads' sizes, a placeholder for each file still being written.

        The downloads page is converted before the site ZIP is done; its placeholders
        are replaced by the sizes in `on_post_page`. The text passes Jinja's escaping and
        Markdown untouched (the page's list is raw HTML).
        """
        shown: dict[str, int | str] = dict(self.download_sizes)
        if self.archive is not None:  # still being written (`_render`)
            for path in self.archive_paths:
                shown.setdefault(path, _late_size(path))
        return shown

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Put the sizes of the files written aside into the downloads page (either language)."""
        if _LATE_SIZE not in output:
            return output
        with english() if page.file.src_uri.startswith(urls.ENGLISH) else nullcontext():
            for path in self.archive_paths:
                output = output.replace(_late_size(path), file_size(self.download_sizes[path]))
        return output

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages (out of the nav) and the plotly.js bundle.

        The hand-written English pages (`content/en/`) stay out of MkDocs' navigation
        (they get their own, `on_nav`), or out of the site when `english` is off.
        """
        for file in list(files):
            if not file.src_uri.startswith(urls.ENGLISH):
                continue
            if self.config.english:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            else:
                files.remove(file)
        self.alternates = {}
        if self.config.english:
            for file in files.documentation_pages():
                src = file.src_uri
                other = (
                    src[len(urls.ENGLISH) :] if src.startswith(urls.ENGLISH) else urls.ENGLISH + src
                )
                if files.get_file_from_path(other) is not None:
                    self.alternates[src] = urls.page_of_source(other)
        direct = self._direct_pages(config, files)
        for page in self.pages:
            if page.src_uri in direct:
                continue
            files.append(
                File.generated(
                    config,
                    page.src_uri,
                    content=page.front_matter(),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
        if any(page.has_chart for page in self.pages):
            files.append(self._plotly_file(config))
        assert self.staging is not None  # made in on_config
        # The site's own files; the wards' downloads are put in the site in `on_env`.
        for path in self.archive_paths:
            staged = Path(self.staging.name) / path
            files.append(_StagedFile.generated(config, path, abs_src_path=str(staged)))
        return files

    def _direct_pages(self, config: MkDocsConfig, files: Files) -> set[str]:
        """Choose the generated pages written by the plugin instead of by MkDocs.

        With theme shells, a generated page differs from the first page of its shape
        only by the shell's values; MkDocs' work per page (a Page, its events, the
        template context, the file) is then 60 % of a province build's main process.
        So the first page of each shape stays a MkDocs page (its shell is made from it
        in `on_env`) and the others are kept aside, filled into that shell and written
        in `on_env`, and listed in `sitemap.xml` in `on_post_build`: the same files, the
        same bytes. Not done with `page_shell: false`, without directory URLs, or when
        another plugin handles page events (it would miss them).
        """
        self.direct, self.representatives = {}, {}
        if not self.config.page_shell or not config.use_directory_urls:
            return set()
        if _other_page_handlers(config, self):
            log.info("another plugin handles page events: every page goes through MkDocs")
            return set()
        others = {_top(f.url) for f in files} | {_top(urls.PLOTLY_JS)}
        kept: set[str] = set()
        for page in self.pages:
            date = self._page_date(page.src_uri)
            candidate = _DirectPage.of(page, config.site_url, date, config.site_dir)
            if not _fits_shell(candidate, config.site_url):
                continue
            shape = _shape(candidate, others)
            if shape not in self.representatives:
                self.representatives[shape] = page.src_uri
                continue
            self.direct.setdefault(shape, []).append(candidate)
            kept.add(page.src_uri)
        return kept

    def _plotly_file(self, config: MkDocsConfig) -> File:
        bundle = self._path(config, self.config.vendor_dir) / _PLOTLY_PACKAGE / _PLOTLY_FILE
        if not bundle.is_file():
            raise PluginError(
                f"commitments: {bundle} is missing; run `make vendor` (npm ci) first."
            )
        return File.generated(config, urls.PLOTLY_JS, abs_src_path=str(bundle))

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Escape generated titles; append the generated parts of hand-written pages.

        A hand-written English page (`content/en/`) gets the English copy's metadata
        and its generated part in English.
        """
        src = page.file.src_uri
        if src in self.bodies:
            page.meta["title"] = html.escape(str(page.meta["title"]), quote=False)
            return ""
        if not src.startswith(urls.ENGLISH):
            section = self._section(src)
        else:
            page.meta["lang"] = "en"
            page.meta["search_exclude"] = True
            with english():
                section = self._section(src[len(urls.ENGLISH) :])
        if not section:
            return markdown
        if self.inline_sections:
            return f"{markdown}\n\n{section}\n"
        # The section is one raw HTML block, which Python-Markdown passes through as it
        # is: it goes in after the conversion (`on_page_content`) instead of through it
        # (0.6 s at 12,000 pages: the home and downloads pages list every ward).
        self.sections[src] = section
        return f"{markdown}\n\n{_SECTION_MARK}\n"

    def _section(self, src: str) -> str | None:
        """The generated part of the hand-written page `src` (of either language)."""
        if src == "index.md":
            return home_section(self.wards, self.as_of)
        if src == urls.DOWNLOADS.rstrip("/") + ".md":
            return downloads_section(self.wards, self._shown_sizes())
        if src == urls.SEARCH.rstrip("/") + ".md":
            return search_section(self.wards)
        return None

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """English pages: English site name, Material's English strings, English nav.

        The theme reads the language of its own strings (and `<html lang>`) from
        `config.theme.language`; an English page sees a view of the config that says
        "en". `sb_lang` and `sb_alternate` feed the language switch (overrides/main.html).
        """
        lang = page.meta.get("lang", "vi")
        # The context is a TypedDict of MkDocs' own keys; theme templates read any key.
        extra = cast(dict[str, object], context)
        extra["sb_lang"] = lang
        # A hand-written page's other language is not put in its meta: Material prints
        # a few blank lines for any page with a meta, which would change the page.
        alternate = page.meta.get("alternate", self.alternates.get(page.file.src_uri))
        extra["sb_alternate"] = alternate
        # The links to the other language and to the page's feed, made here rather than
        # in the template so that a theme shell can take them as values (`_shell_values`).
        links = page.meta.get(_SHELL_LINKS) or _links(page, config.site_url, alternate)
        extra["sb_feed_href"] = links.get("feed_href")
        extra["sb_alternate_href"] = links.get("alternate_href")
        extra["sb_hreflang"] = (
            [
                (lang, links["hreflang_here"]),
                ("vi" if lang == "en" else "en", links["hreflang_other"]),
            ]
            if "hreflang_here" in links
            else []
        )
        if lang == "en":
            extra["config"] = _EnglishConfig(config, self.config)
            if self.english_nav is not None:
                context["nav"] = self.english_nav
        return context

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's body, rendered by the core, skipped the Markdown step.

        A hand-written page's generated section replaces its mark (`on_page_markdown`).
        """
        src = page.file.src_uri
        section = self.sections.pop(src, None)
        if section is not None:
            if html.count(_SECTION_MARK) != 1:
                raise PluginError(f"commitments: {src}: the generated section's mark was changed")
            return html.replace(_SECTION_MARK, section.rstrip("\n"))
        return self.bodies.get(src, html)

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """Date the page for the sitemap from the data's history, not the build's clock.

        MkDocs renders sitemap.xml before any page, from each page's `update_date`, so
        the date is set here, when the page is first made.
        """
        page.update_date = self._page_date(page.file.src_uri)
        return page

    def _page_date(self, src: str) -> str:
        """The page's last change as `YYYY-MM-DD`, or "" when unknown."""
        ward = self.page_wards.get(src)
        if ward == "":  # a page of every ward (comparisons): the data's last change
            when = self.data_date
        elif ward is not None:
            when = self.ward_dates.get(ward)
        else:
            own = self.content_dates.get(src)
            lists_data = src in _DATA_LISTING_PAGES
            candidates = [d for d in (own, self.data_date if lists_data else None) if d]
            when = max(candidates) if candidates else None
        # An unknown date is left out rather than guessed (MkDocs skips an empty lastmod).
        return when.isoformat() if when else ""

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Give theme templates the UI labels (`sb_t`) and a memo of shared parts.

        The labels come from the same table as the page templates'; the memo
        (`sb_memo`) holds theme parts that are the same on many pages.
        """
        env.globals["sb_t"] = _theme_label
        env.globals["sb_site_feed"] = urls.SITE_FEED
        env.globals["sb_css"] = css_string
        env.globals["sb_memo"] = _Memo()
        if self.config.cache_dir and env.bytecode_cache is None:
            # The theme's templates compiled once, not on every build (≈ 0.3 s each,
            # every rebuild of `mkdocs serve` included); Jinja checks their source.
            folder = self._path(config, self.config.cache_dir) / ".jinja"
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        self.shells = {}
        self.site_url = config.site_url
        if self.config.page_shell and self.nav is not None:
            env.globals["sb_shell"] = self._fill
            env.loader = ChoiceLoader(
                [DictLoader({SHELL_TEMPLATE: "{{ sb_shell(page) }}"}), env.loader]
                if env.loader
                else [DictLoader({SHELL_TEMPLATE: "{{ sb_shell(page) }}"})]
            )
            self._make_shells(env, config, files, self.nav)
        filled, unshelled = self._shelled()
        self._put_back(config, filled)
        if self.config.page_shell and self.nav is not None:
            self._write_direct(env, config, files, self.nav, filled, unshelled)
        self._write_files_aside(Path(config.site_dir))
        if self.archive is not None:
            # MkDocs copies the site's files next: the site ZIP must be complete.
            self.download_sizes.update(self.archive.result())
            self.archive = None
        return env

    def _write_files_aside(self, site_dir: Path) -> None:
        """Put the wards' downloads, embed pages and feeds into the site, by forked workers.

        Not MkDocs files: 24,000 downloads and 4,000 embeds in a province, each a `File`
        made, listed and copied by MkDocs in one process (2 s of every rebuild, most of it
        making folders and files), and no page's Markdown links to them (generated pages
        are HTML). A download is a hard link to the file written for it. The site's own
        files (ZIP, schemas, metadata) stay MkDocs files.
        """
        links = list(self.download_files.items())
        texts = list(self.static_files.items())

        def write(index: int) -> None:
            if index < len(links):
                path, source = links[index]
                link_or_copy(source, site_dir / path)  # kept if it is that link already
            else:
                path, text = texts[index - len(links)]
                content, target = text.encode("utf-8"), os.path.join(site_dir, path)
                if not same_bytes(content, target):
                    write_new(content, target)

        for_each(len(links) + len(texts), write, self._processes())

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Make the generated pages' Page objects; remember the navigation (for the shells).

        MkDocs has made a plain Page for each file outside the navigation
        (`get_navigation`); a generated file gets ours instead (it replaces `file.page`),
        which reads no front matter and converts no Markdown.
        """
        self.nav = nav
        metas = {page.src_uri: page.meta() for page in self.pages}
        for file in files.documentation_pages():
            if file.src_uri in metas and (file.page is None or type(file.page) is Page):
                _GeneratedPage(file, config, metas[file.src_uri])
        self.english_nav = self._english_nav(nav, files) if self.config.english else None
        return nav

    def _english_nav(self, nav: Navigation, files: Files) -> Navigation:
        """The English copy's navigation: the English pages of the nav's pages, in order."""
        pages: list[Page] = []
        for page in nav.pages:
            file = files.get_file_from_path(urls.ENGLISH + page.file.src_uri)
            if file is not None and isinstance(file.page, Page):
                pages.append(file.page)
        for before, after in zip(pages, pages[1:], strict=False):
            before.next_page, after.previous_page = after, before
        english = Navigation(list(pages), pages)
        home = files.get_file_from_path(urls.ENGLISH + "index.md")
        english.homepage = home.page if home is not None else None
        return english

    def _make_shells(
        self, env: Environment, config: MkDocsConfig, files: Files, nav: Navigation
    ) -> None:
        """Give every generated page that fits one a theme shell (shell.py).

        Generated pages are grouped by what the theme sees differ between them apart
        from their title, body and address (`_shape`); each group's shell is made from
        its first page and checked against that page's normal rendering. A page whose
        group has no exact shell, or whose body has no `<h1>` (Material would add one),
        keeps the normal pipeline. A page with a shell gets the one-line template
        `SHELL_TEMPLATE`, which prints the filled shell: MkDocs still writes the file,
        lists it in sitemap.xml with its date, and runs `on_post_page`.
        """
        doc_files = files.documentation_pages()
        template = env.get_template("main.html")
        others = {
            _top(f.url)
            for f in files
            if f.src_uri not in self.bodies and f.src_uri not in self.archive_paths
        }
        groups: dict[tuple[object, ...], list[Page]] = {}
        for file in doc_files:
            page = file.page
            if file.src_uri not in self.bodies or page is None or "template" in page.meta:
                continue
            values = _shell_values(page, config.site_url)
            if "<h1" not in (page.content or "") or not fillable(values):
                continue
            groups.setdefault(_shape(page, others), []).append(page)
        for group in groups.values():
            first = group[0]

            def render(values: Mapping[str, str], page: Page = first) -> str:
                return _render_page(template, page, values, doc_files, config, nav)

            real = _shell_values(first, config.site_url)
            shell = make_shell(render, tuple(real))
            if shell is None or shell.fill(real) != render(real):
                log.info("no theme shell for pages like %s: normal pipeline", first.file.src_uri)
                continue
            for page in group:
                page.meta["template"] = SHELL_TEMPLATE
                self.shells[page.file.src_uri] = shell
        log.debug("%d generated pages from %d theme shells", len(self.shells), len(groups))

    def _shelled(self) -> tuple[list[tuple[_DirectPage, Shell]], list[list[_DirectPage]]]:
        """The pages kept aside in `on_files`, filled into their shape's shell or not.

        The second list holds the groups whose shape's shell was refused: they are
        rendered as MkDocs would (`_render_aside`). Each filled page's shell is recorded
        in `shells`, as the representatives' are.
        """
        filled: list[tuple[_DirectPage, Shell]] = []
        unshelled: list[list[_DirectPage]] = []
        for shape, pages in self.direct.items():
            shell = self.shells.get(self.representatives[shape])
            if shell is None:
                unshelled.append(pages)
                continue
            for page in pages:
                self.shells[page.src_uri] = shell
                filled.append((page, shell))
        return filled, unshelled

    def _put_back(self, config: MkDocsConfig, filled: Sequence[tuple[_DirectPage, Shell]]) -> None:
        """Put the last build's files that the plugin writes again back into the site.

        Those are the files the plugin writes itself from here on: the pages filled into
        a shell, the wards' downloads, embed pages and feeds; each writer keeps one that
        holds its bytes already (lastsite.py). Everything else of the last site (pages
        and files MkDocs writes, the search index, whatever is gone) is removed by a
        forked process meanwhile.
        """
        if self.last_site is None:
            return
        keep = {urls.page_file(page.url) for page, _ in filled}
        keep.update(self.download_files)
        keep.update(self.static_files)
        kept = put_back(self.last_site, Path(config.site_dir), keep)
        log.debug("%d files of the last build's site put back", kept)
        self.last_site = None
        trash = self._trash(config)
        self.old_site = Background(partial(empty, trash), enabled=self._processes() > 1)

    def _write_direct(
        self,
        env: Environment,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
        filled: Sequence[tuple[_DirectPage, Shell]],
        unshelled: Sequence[Sequence[_DirectPage]],
    ) -> None:
        """Write the pages kept aside in `on_files`, each filled into its shape's shell.

        A shape whose shell was refused has its pages made and rendered the way MkDocs
        would (`_render_aside`).
        """
        self.built = (env, files, nav)
        for pages in unshelled:
            self._render_aside(pages, env, config, files, nav)
        site_url = config.site_url
        store = (
            PageStore(self._path(config, self.config.cache_dir) / ".pages")
            if self.config.cache_dir
            else None
        )

        def write(index: int) -> None:
            page, shell = filled[index]
            output = shell.fill(_shell_values(page, site_url))
            content = output.encode("utf-8", errors="xmlcharrefreplace")
            if store is not None:
                store.place(content, page.dest)  # a link to the same page of the last build
            else:
                write_new(content, page.dest)

        # Writing 10,000 files is most of this: the workers share it (forked, see
        # parallel.for_each; not under `mkdocs serve`, whose threads forbid forking).
        for_each(len(filled), write, self._processes())
        if store is not None and not self.config.data_wards:
            store.prune()  # a preview of some wards keeps the others' pages

    def _render_aside(
        self,
        pages: Sequence[_DirectPage],
        env: Environment,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
    ) -> None:
        """Pages kept aside whose shape has no shell: MkDocs' steps for each, in order.

        The events and steps of MkDocs' `_populate_page` and `_build_page`, so the file
        is the one MkDocs would write.
        """
        template = env.get_template("main.html")
        doc_files = files.documentation_pages()
        bodies = {page.src_uri: page for page in self.pages}
        for aside in pages:
            source = bodies[aside.src_uri]
            file = File.generated(
                config,
                aside.src_uri,
                content=source.front_matter(),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            page: Page = _GeneratedPage(file, config, source.meta())
            config._current_page = page
            try:
                page = config.plugins.on_pre_page(page, config=config, files=files)
                page.read_source(config)
                markdown = config.plugins.on_page_markdown(
                    page.markdown or "", page=page, config=config, files=files
                )
                page.markdown = markdown
                page.render(config, files)
                page.content = config.plugins.on_page_content(
                    page.content or "", page=page, config=config, files=files
                )
            finally:
                config._current_page = None
            output = _render_page(
                template, page, _shell_values(page, config.site_url), doc_files, config, nav
            )
            output = config.plugins.on_post_page(output, page=page, config=config)
            write_new(output.encode("utf-8", errors="xmlcharrefreplace"), aside.dest)

    def _fill(self, page: Page) -> str:
        """`sb_shell(page)` in SHELL_TEMPLATE: the page's shell with its values."""
        return self.shells[page.file.src_uri].fill(_shell_values(page, self.site_url))

    def on_post_build(self, config: MkDocsConfig) -> None:
        """List the pages written aside in sitemap.xml; index the site with Pagefind.

        A failure of the index stops the build.
        """
        self._end_build()
        if self.old_site is not None:
            self.old_site.result()  # the last build's site, removed meanwhile (long done)
            self.old_site = None
        if self.direct and self.built is not None:
            self._write_sitemap(config, *self.built)
        self.built = None
        if not self.config.search_index:
            return
        started = time.perf_counter()
        # Threads driving Pagefind processes: safe under `mkdocs serve` too (no fork).
        processes = self.config.processes or default_processes()
        try:
            parts = build_search_index(
                Path(config.site_dir),
                part_pages=self._part_pages(),
                processes=processes,
                wards={urls.ward(w.ward.ward.id).strip("/") for w in self.wards},
                cache_dir=self._path(config, self.config.cache_dir)
                if self.config.cache_dir
                else None,
            )
        except SearchIndexError as exc:
            raise PluginError(f"commitments: {exc}") from None
        log.info("search index built in %.1f s: %s", time.perf_counter() - started, describe(parts))

    def _part_pages(self) -> int:
        """Most pages in one part of the search index; fewer under `mkdocs serve`.

        A ward's edit re-indexes its part (and the site-wide one): small parts keep that
        short in a preview, where the number of parts the browser merges is no matter.
        """
        if self.serving:
            return min(self.config.search_part_pages, SERVE_PART_PAGES)
        return self.config.search_part_pages

    def _write_sitemap(
        self, config: MkDocsConfig, env: Environment, files: Files, nav: Navigation
    ) -> None:
        """sitemap.xml (and .gz) again, with the pages written aside in `on_env`.

        As MkDocs writes it (`_build_theme_template`): the theme's template, its events,
        every documentation page in the order of the files (hand-written pages, then the
        generated ones in the plugin's order), the gzip stamped with the latest date.
        """
        aside = {page.src_uri: page for pages in self.direct.values() for page in pages}
        # Files, and pages written aside: both have the `page` the template reads.
        listed: list[Any] = [f for f in files.documentation_pages() if f.src_uri not in self.bodies]
        for page in self.pages:
            kept = aside.get(page.src_uri)
            listed.append(kept if kept is not None else files.get_file_from_path(page.src_uri))
        name = "sitemap.xml"
        if name not in config.theme.static_templates:
            return
        template = env.get_template(name)
        template = config.plugins.on_pre_template(template, template_name=name, config=config)
        context = get_context(
            nav, cast(Sequence[File], listed), config, base_url=get_relative_url(".", name)
        )
        context = config.plugins.on_template_context(context, template_name=name, config=config)
        output = template.render(context)
        output = config.plugins.on_post_template(output, template_name=name, config=config)
        if not output.strip():
            return
        path = os.path.join(config.site_dir, name)
        write_file(output.encode("utf-8"), path)
        stamp = get_build_timestamp(
            pages=cast(Sequence[Page], [entry.page for entry in listed if entry.page is not None])
        )
        with open(f"{path}.gz", "wb") as raw:
            with gzip.GzipFile(fileobj=raw, filename=f"{path}.gz", mode="wb", mtime=stamp) as gz:
                gz.write(output.encode("utf-8"))

    def on_build_error(self, error: Exception) -> None:
        """Leave no temporary folder behind when the build fails."""
        self._end_build()

    def _end_build(self) -> None:
        """Remove the temporary folder; let the garbage collector see the data again."""
        if self.archive is not None:
            self.archive.cancel()  # a failed build: the ZIP is not needed
            self.archive = None
        if self.staging is not None:
            self.staging.cleanup()
            self.staging = None
        gc.unfreeze()


class _GeneratedPage(Page):
    """A generated page: metadata from the core, no Markdown to read or convert.

    The result is what MkDocs' own `read_source` and `render` give for its front matter
    (`GeneratedPage.front_matter`) once `on_page_markdown` has emptied the Markdown:
    the same metadata, an empty body (`on_page_content` puts the real one in), no table
    of contents, no anchors; the events run as for any page. It saves reading the
    front matter with PyYAML and setting up Python-Markdown for every page.
    """

    def __init__(self, file: File, config: MkDocsConfig, meta: dict[str, object]) -> None:
        super().__init__(None, file, config)
        self._sb_meta = meta

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", dict(self._sb_meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


# The template of a generated page filled into its theme shell (`_make_shells`).
SHELL_TEMPLATE = "commitments/shell.html"


class _Shaped(Protocol):
    """What `_shape` and `_shell_values` read of a page: MkDocs' Page or a `_DirectPage`."""

    @property
    def url(self) -> str: ...

    @property
    def meta(self) -> MutableMapping[str, Any]: ...

    @property
    def content(self) -> str | None: ...

    @property
    def canonical_url(self) -> str | None: ...


@dataclass
class _DirectPage:
    """A generated page written by the plugin into its shape's shell (`_direct_pages`).

    It carries what the shell, the sitemap template and the file need, with MkDocs'
    values: the directory URL, the canonical address and `abs_url` as `Page` sets them
    from `site_url`, the title escaped as `on_page_markdown` escapes it.
    """

    src_uri: str
    url: str
    meta: dict[str, object]
    content: str
    canonical_url: str | None
    abs_url: str | None
    update_date: str
    dest: str
    is_link: bool = False

    @classmethod
    def of(
        cls, page: GeneratedPage, site_url: str | None, update_date: str, site_dir: str
    ) -> _DirectPage:
        meta = page.meta()
        meta["title"] = html.escape(str(meta["title"]), quote=False)
        canonical = abs_url = None
        if site_url:
            base = site_url if site_url.endswith("/") else site_url + "/"
            canonical = urljoin(base, page.url)
            abs_url = urlsplit(canonical).path
        dest = os.path.join(site_dir, urls.page_file(page.url))
        return cls(page.src_uri, page.url, meta, page.body, canonical, abs_url, update_date, dest)

    @property
    def page(self) -> _DirectPage:
        return self


def _fits_shell(page: _Shaped, site_url: str | None) -> bool:
    """Whether a generated page can be filled into a shell (`_make_shells`' rules)."""
    if "template" in page.meta or "<h1" not in (page.content or ""):
        return False  # its own template; or Material would add an <h1>
    return fillable(_shell_values(page, site_url))


# Page events: a plugin handling one would miss the pages the plugin writes aside.
_PAGE_EVENTS = (
    "pre_page",
    "page_read_source",
    "page_markdown",
    "page_content",
    "page_context",
    "post_page",
)


def _other_page_handlers(config: MkDocsConfig, plugin: object) -> bool:
    """Whether a plugin other than `plugin` handles a page event in this build."""
    for event in _PAGE_EVENTS:
        for handler in config.plugins.events.get(event, []):
            if getattr(handler, "__self__", None) is not plugin:
                return True
    return False


class _StagedFile(File):
    """One of the site's own files (ZIP, schemas, metadata): linked into the site.

    It is in the plugin's temporary folder and never written in place (cache.py); where
    that folder is on another file system, it is copied.
    """

    def copy_file(self, dirty: bool = False) -> None:
        assert self.abs_src_path is not None
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        link_or_copy(Path(self.abs_src_path), Path(self.abs_dest_path))


def _shell_values(page: _Shaped, site_url: str | None) -> dict[str, str]:
    """What differs between generated pages of one shape: title, body, address, links.

    The links are those to the page in the other language (#17).
    """
    values = {"title": str(page.meta["title"]), "content": page.content or ""}
    if page.canonical_url:
        values["canonical"] = page.canonical_url
    values.update(_links(page, site_url))
    return values


# A page's meta key for its links while its shell is made (`_render_page`).
_SHELL_LINKS = "_sb_links"
_LINK_FIELDS = ("feed_href", "alternate_href", "hreflang_here", "hreflang_other")


def _links(page: _Shaped, site_url: str | None, alternate: object = None) -> dict[str, str]:
    """The page's feed link and its language links (`_language_links`), those it has.

    The feed link is relative, as the theme's `url` filter would make it. `alternate`:
    the page in the other language, when not in its metadata (hand-written pages).
    """
    links: dict[str, str] = {}
    feed = page.meta.get("feed")
    if feed:
        links["feed_href"] = normalize_url(str(feed), cast(Page, page))
    alternate = page.meta.get("alternate", alternate)
    if alternate is not None:
        links.update(_language_links(page, str(alternate), site_url))
    return links


def _language_links(page: _Shaped, alternate: str, site_url: str | None) -> dict[str, str]:
    """The language switch's href and both hreflang addresses, as the theme would write them.

    The hreflang ones are absolute when the site's address is known, as search engines ask.
    """

    def address(url: str) -> str:
        return f"{site_url}{url}" if site_url else normalize_url(url, cast(Page, page))

    return {
        "alternate_href": normalize_url(alternate, cast(Page, page)),
        "hreflang_here": address(page.url),
        "hreflang_other": address(alternate),
    }


# Where a hand-written page's generated section goes: a raw HTML block for Markdown.
_SECTION_MARK = '<div class="sb-section-mark"></div>'


# Stands for a download's size on the downloads page until the file is written.
_LATE_SIZE = "sb-late-size:"


def _late_size(path: str) -> str:
    return f"{_LATE_SIZE}{path}:"


def _top(url: str) -> str:
    return url.split("/", 1)[0]


def _shape(page: _Shaped, others: set[str]) -> tuple[object, ...]:
    """What the theme sees of a generated page besides `_shell_values`.

    Its depth (every relative link), whether it has a feed, its metadata keys and flags, and
    whether it has a canonical address. Links made relative to the page are shorter
    when they share its first folder, so that folder is part of the shape when another
    file (a hand-written page, a theme asset) lives under it.
    """
    meta = page.meta
    feed = meta.get("feed")
    return (
        get_relative_url(".", page.url),
        bool(feed),
        tuple(sorted(meta)),
        bool(meta.get("kind")),
        bool(meta.get("search_exclude")),
        page.canonical_url is None,
        _top(page.url) if _top(page.url) in others else None,
    )


def _render_page(
    template: Template,
    page: Page,
    values: Mapping[str, str],
    doc_files: Sequence[File],
    config: MkDocsConfig,
    nav: Navigation,
) -> str:
    """The theme's page for `page` with these values in place of its own.

    As MkDocs renders it in `_build_page`: the same context, the same `on_page_context`
    events, the page marked active.
    """
    saved = (page.meta, page.content, page.canonical_url)
    page.meta = {**page.meta, "title": values["title"]}
    if any(k in values for k in _LINK_FIELDS):
        page.meta[_SHELL_LINKS] = {k: values[k] for k in _LINK_FIELDS if k in values}
    page.content = values["content"]
    if "canonical" in values:
        page.canonical_url = values["canonical"]
    page.active = True
    config._current_page = page
    try:
        context = get_context(nav, doc_files, config, page)
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        return template.render(context)
    finally:
        page.meta, page.content, page.canonical_url = saved
        page.active = False
        config._current_page = None


# Hand-written pages whose generated part lists every ward: they change with the data.
_DATA_LISTING_PAGES = {
    prefix + page
    for prefix in ("", urls.ENGLISH)
    for page in ("index.md", urls.DOWNLOADS.rstrip("/") + ".md", urls.SEARCH.rstrip("/") + ".md")
}


@pass_context
def _theme_label(context: Context, key: str) -> str:
    """`sb_t` in theme templates: the label in the page's language (`sb_lang`)."""
    return t(key, context.get("sb_lang") or "vi")


class _EnglishTheme:
    """The theme as English pages see it: `language` is "en", the rest is the theme's."""

    def __init__(self, theme: object) -> None:
        self._theme = theme

    def __getattr__(self, name: str) -> object:
        return "en" if name == "language" else getattr(self._theme, name)

    def __getitem__(self, name: str) -> object:
        return "en" if name == "language" else self._theme[name]  # type: ignore[index]

    def __contains__(self, name: object) -> bool:
        return name in self._theme  # type: ignore[operator]


class _EnglishConfig:
    """MkDocs' config as English pages' templates see it (read only).

    Only what the theme prints in words changes: the site's name, description and
    copyright (the plugin's `english_*` options) and the theme's language.
    """

    def __init__(self, config: MkDocsConfig, options: CommitmentsConfig) -> None:
        self._config = config
        self._own: dict[str, object] = {"theme": _EnglishTheme(config.theme)}
        for name, value in (
            ("site_name", options.english_site_name),
            ("site_description", options.english_site_description),
            ("copyright", options.english_copyright),
        ):
            if value is not None:
                self._own[name] = value

    def __getattr__(self, name: str) -> object:
        if name in self._own:
            return self._own[name]
        return getattr(self._config, name)

    def __getitem__(self, name: str) -> object:
        if name in self._own:
            return self._own[name]
        return self._config[name]

    def __contains__(self, name: object) -> bool:
        return name in self._config


class _Memo:
    """Theme blocks rendered once per key for the whole build (`overrides/main.html`).

    Material renders its navigation sidebar and its `__config` script for every page,
    ≈ 40 % of its template time. For a generated page (outside the navigation, with no
    table of contents) both depend only on the page's depth, which `base_url` gives, so
    `{{ sb_memo("nav " ~ base_url, super) }}` renders the block the first time and
    returns the same HTML after. A new memo is made for every build (`on_env`).
    """

    def __init__(self) -> None:
        self.done: dict[str, str] = {}

    def __call__(self, key: str, render: Callable[[], str]) -> str:
        if key not in self.done:
            self.done[key] = render()
        return self.done[key]
