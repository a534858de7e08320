"""The MkDocs plugin: a thin adapter from MkDocs events to the core.

Sequence of a build:

- `on_config`: load and check `data/` (the core raises one `DataErrors`, turned here
  into one `PluginError`: MkDocs stops before it empties `site_dir`, with no
  traceback), date every data file from the git history, render every generated page
  and every open-data download, and watch `data/` for `mkdocs serve`.
- `on_files`: add the generated pages, out of the navigation (thousands of pages in
  Material's nav make the build quadratic), the pinned plotly.js bundle, and the
  downloads and JSON Schemas (in memory, never in `content/`).
- `on_env`: give theme templates the label table (`sb_t`).
- `on_page_markdown`: escape generated titles (Material prints `page.title` raw in
  `<title>` and the header: MkDocs renders theme templates without autoescaping),
  append the wards block to the hand-written home page and the list of downloads to
  `du-lieu.md`.
- `on_post_build`: index the built site with Pagefind (static search with diacritic
  folding), whose bundle lands in `<site>/pagefind/`.
"""

from __future__ import annotations

import html
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import urls
from .computed import ComputedWard
from .downloads import schema_files, site_files
from .errors import DataErrors
from .generate import (
    GeneratedPage,
    compute,
    downloads_section,
    generate_pages,
    home_section,
    search_section,
)
from .history import file_dates
from .labels import t
from .load import load_dataset

log = get_plugin_logger(__name__)

# Where `npm ci` puts the pinned plotly.js bundle (see package.json).
_PLOTLY_PACKAGE = "plotly.js-basic-dist-min"
_PLOTLY_FILE = "plotly-basic.min.js"


class CommitmentsConfig(Config):
    """Options of the `commitments` plugin in mkdocs.yml."""

    data_dir = c.Type(str, default="data")
    """Folder holding `wards/<id>/*.yaml`, relative to mkdocs.yml."""

    data_wards = c.ListOfItems(c.Type(str), default=[])
    """Ward ids to build (a fast preview of one ward); empty builds every ward."""

    data_as_of = c.Optional(c.Type(str))
    """Date computed figures are stated at (`2026-06-30`); default: the build date."""

    vendor_dir = c.Type(str, default="node_modules")
    """Folder where npm installed the pinned third-party assets, relative to mkdocs.yml."""

    search_index = c.Type(bool, default=True)
    """Build the Pagefind search index after the site (off for quick previews)."""


class CommitmentsPlugin(BasePlugin[CommitmentsConfig]):
    """Generates every ward, target and project page from `data/`."""

    def __init__(self) -> None:
        self.wards: list[ComputedWard] = []
        self.pages: list[GeneratedPage] = []
        self.generated_uris: set[str] = set()
        self.downloads: dict[str, bytes] = {}  # open data: site path -> content
        self.as_of: date = date.today()

    def _path(self, config: MkDocsConfig, option: str) -> Path:
        return (Path(config.config_file_path).parent / option).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the data; render the pages; watch the data folder."""
        data_dir = self._path(config, self.config.data_dir)
        try:
            self.as_of = (
                date.fromisoformat(self.config.data_as_of)
                if self.config.data_as_of
                else date.today()
            )
        except ValueError as exc:
            raise PluginError(f"commitments: data_as_of must be YYYY-MM-DD: {exc}") from None
        try:
            dataset = load_dataset(data_dir, self.config.data_wards or None)
        except DataErrors as exc:
            raise PluginError(exc.report()) from None
        # One pass over the git history dates every data file (history.py).
        dates = file_dates(path for ward in dataset.wards for path in ward.files)
        self.wards = compute(dataset, self.as_of, dates)
        self.pages = generate_pages(self.wards)
        self.downloads = site_files(self.wards, schema_files(data_dir), config.site_url or "")
        unknown = sum(1 for d in dates.values() if d.basis in ("unknown", "mtime"))
        if unknown:
            log.info(
                "%d data files have no date from git history (shallow clone or no "
                "repository): pages say so; deploy from a full clone",
                unknown,
            )
        self.generated_uris = {page.src_uri for page in self.pages}
        log.info("%d pages generated from %s", len(self.pages), data_dir)
        config.watch.append(str(data_dir))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages (out of the nav) and the plotly.js bundle."""
        for page in self.pages:
            files.append(
                File.generated(
                    config,
                    page.src_uri,
                    content=page.markdown(),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
        if any(page.has_chart for page in self.pages):
            files.append(self._plotly_file(config))
        for path, content in self.downloads.items():
            files.append(File.generated(config, path, content=content))
        return files

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
        """Escape generated titles; append the generated parts of hand-written pages."""
        if page.file.src_uri in self.generated_uris:
            page.meta["title"] = html.escape(str(page.meta["title"]), quote=False)
        if page.file.src_uri == "index.md":
            return f"{markdown}\n\n{home_section(self.wards, self.as_of)}\n"
        if page.file.src_uri == urls.DOWNLOADS.rstrip("/") + ".md":
            return f"{markdown}\n\n{downloads_section(self.wards, self.downloads)}\n"
        if page.file.src_uri == urls.SEARCH.rstrip("/") + ".md":
            return f"{markdown}\n\n{search_section(self.wards)}\n"
        return markdown

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Theme templates take UI labels from the same table as the page templates."""
        env.globals["sb_t"] = t
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Index the built site with Pagefind; a failure stops the build."""
        if not self.config.search_index:
            return
        started = time.perf_counter()
        command = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PluginError(f"commitments: Pagefind failed:\n{result.stderr}{result.stdout}")
        log.info("search index built in %.1f s", time.perf_counter() - started)
