"""Fixtures for the browser tests: the built sites, served locally, and Chromium.

Two data sets are built: the repository's `data/` (`REAL`) and the fictional fixture
ward (`FIXTURE`, the only one with measurements, hence charts). Each is built once per
site URL and served from 127.0.0.1 as GitHub and GitLab Pages serve it (see
`support.StaticSiteServer`), under the sub-path /cam-ket/ and at the root of a host.
Material's instant navigation only works when `site_url` equals the page's origin (port
included), so a server first reserves its port, the site is then built for that URL,
and only then is it served.

Chromium is Debian's (`/usr/bin/chromium`, or `$CHROMIUM`): Playwright cannot download
its own browser here. Each test's page records the requests it made and the errors its
console reported into `page_log`, so a test can assert that nothing left this machine
and that no script failed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, ViewportSize, sync_playwright

from .support import (
    CHROMIUM,
    DESKTOP,
    FIXTURE,
    PAGE_TYPES,
    REAL,
    PageLog,
    PageType,
    ServedSite,
    StaticSiteServer,
    build_site,
    launch_chromium,
    new_page,
    page_type,
)

# The sub-path the default test site is served under, as on a project Pages site.
DEFAULT_PREFIX = "/cam-ket/"
# Where the sites are served in the tests that run at both: a project site and a host root.
PREFIXES = (DEFAULT_PREFIX, "/")


# --- building -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Return `build(site_url, data=REAL) -> site directory`, building each pair once.

    Builds the repository's mkdocs.yml with MkDocs in this process; `data=FIXTURE` points
    the `commitments` plugin at the fixture ward (see `support.build_site`).
    """
    cache: dict[tuple[str, str], Path | str] = {}

    def build(site_url: str, data: str = REAL) -> Path:
        if (site_url, data) not in cache:
            site_dir = tmp_path_factory.mktemp(f"site-{data}")
            try:
                cache[(site_url, data)] = build_site(site_dir, site_url, data)
            except (Exception, SystemExit) as exc:  # MkDocs' Abort is a SystemExit
                # Remembered, so the tests needing this site fail at once, not rebuild.
                cache[(site_url, data)] = f"mkdocs build of {data} data for {site_url}: {exc!r}"
        built = cache[(site_url, data)]
        if isinstance(built, str):
            pytest.fail(built, pytrace=False)
        return built

    return build


# --- serving --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site_server() -> Iterator[Callable[[str], StaticSiteServer]]:
    """Return `start(prefix="/") -> StaticSiteServer`; every server stops at session end."""
    servers: list[StaticSiteServer] = []

    def start(prefix: str = "/") -> StaticSiteServer:
        server = StaticSiteServer(prefix)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def serve_site(
    built_site: Callable[..., Path], site_server: Callable[[str], StaticSiteServer]
) -> Callable[..., ServedSite]:
    """Return `serve(prefix="/", data=REAL) -> ServedSite`, one server per pair."""
    cache: dict[tuple[str, str], ServedSite | StaticSiteServer] = {}

    def serve(prefix: str = "/", data: str = REAL) -> ServedSite:
        # A server whose build failed stays in the cache: the next test needing it fails
        # at once with the same message instead of building again.
        if (prefix, data) not in cache:
            cache[(prefix, data)] = site_server(prefix)
        entry = cache[(prefix, data)]
        if isinstance(entry, StaticSiteServer):
            site_dir = built_site(entry.url, data)
            entry.serve(site_dir)
            cache[(prefix, data)] = ServedSite(url=entry.url, site_dir=site_dir, data=data)
        served = cache[(prefix, data)]
        assert isinstance(served, ServedSite)
        return served

    return serve


@pytest.fixture(scope="session")
def served_site(serve_site: Callable[..., ServedSite]) -> ServedSite:
    """The real site served under the sub-path /cam-ket/, as on a project Pages site."""
    return serve_site(DEFAULT_PREFIX)


@pytest.fixture(scope="session")
def served_fixture_site(serve_site: Callable[..., ServedSite]) -> ServedSite:
    """The fixture ward's site (charts, every block) served under /cam-ket/."""
    return serve_site(DEFAULT_PREFIX, FIXTURE)


@pytest.fixture(scope="session")
def site_url(served_site: ServedSite) -> str:
    """Base URL of `served_site`, e.g. http://127.0.0.1:PORT/cam-ket/."""
    return served_site.url


@pytest.fixture(scope="session")
def page_type_url(serve_site: Callable[..., ServedSite]) -> Callable[..., tuple[PageType, str]]:
    """Return `locate(type_id, prefix=DEFAULT_PREFIX) -> (PageType, absolute URL)`."""

    def locate(type_id: str, prefix: str = DEFAULT_PREFIX) -> tuple[PageType, str]:
        kind = page_type(type_id)
        site = serve_site(prefix, kind.data)
        return kind, site.url_for(kind.path_in(site.site_dir))

    return locate


@pytest.fixture(scope="session")
def all_built_sites(serve_site: Callable[..., ServedSite]) -> list[ServedSite]:
    """Every data set, built and served under /cam-ket/."""
    return [serve_site(DEFAULT_PREFIX, data) for data in sorted({t.data for t in PAGE_TYPES})]


# --- browsing -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's headless Chromium, shared by the whole session."""
    if not os.access(CHROMIUM, os.X_OK):
        hint = shutil.which("chromium") or "none on PATH"
        pytest.fail(
            f"Chromium not found at {CHROMIUM} (chromium on PATH: {hint}); "
            "run scripts/ensure-chromium.sh or set CHROMIUM",
            pytrace=False,
        )
    browser = launch_chromium(playwright)
    yield browser
    browser.close()


@pytest.fixture
def page_log() -> PageLog:
    """The record of the `page` fixture's requests and console errors."""
    return PageLog()


@pytest.fixture
def open_page(browser: Browser, page_log: PageLog) -> Iterator[Callable[..., Page]]:
    """Return `open(viewport=DESKTOP) -> Page`: a fresh Vietnamese-locale context and page,
    recorded into `page_log`. Every context closes at the end of the test."""
    pages: list[Page] = []

    def open_(viewport: ViewportSize | dict[str, int] = DESKTOP) -> Page:
        pages.append(new_page(browser, dict(viewport), page_log))
        return pages[-1]

    yield open_
    for page in pages:
        page.context.close()


@pytest.fixture
def page(open_page: Callable[..., Page]) -> Page:
    """A fresh desktop-sized page, recorded into `page_log`."""
    return open_page()
