"""Fixtures for the browser tests: the built site, served locally, and Chromium.

The site is built once per site URL and served from 127.0.0.1 as GitHub and GitLab
Pages serve it (see `support.StaticSiteServer`). Material's instant navigation only
works when `site_url` equals the page's origin (port included), so a server first
reserves its port, the site is then built for that URL, and only then is it served.

Chromium is Debian's (`/usr/bin/chromium`, or `$CHROMIUM`): Playwright cannot download
its own browser here. Each test's page records the URLs it requested and the errors its
console reported into `page_log`, so a test can assert that nothing left this machine
and that no script failed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from .support import PageLog, ServedSite, StaticSiteServer

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# The probe of this machine's Chromium: without the networking flags it keeps trying to
# reach Google's hosts, which this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The sub-path the default test site is served under, as on a project Pages site.
DEFAULT_PREFIX = "/cam-ket/"


# --- building -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Return `build(site_url) -> site directory`, building each site URL only once.

    Runs the venv's MkDocs on the repository's mkdocs.yml, which reads its `site_url`
    from the SITE_URL environment variable.
    """
    cache: dict[str, Path] = {}

    def build(site_url: str) -> Path:
        if site_url not in cache:
            site_dir = tmp_path_factory.mktemp("site")
            command = [
                sys.executable, "-m", "mkdocs", "build",
                "-f", str(REPO_ROOT / "mkdocs.yml"), "-d", str(site_dir),
            ]  # fmt: skip
            result = subprocess.run(
                command,
                cwd=REPO_ROOT,
                env={**os.environ, "SITE_URL": site_url},
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                pytest.fail(
                    f"mkdocs build for {site_url} failed ({result.returncode}):\n"
                    f"{result.stdout}{result.stderr}",
                    pytrace=False,
                )
            cache[site_url] = site_dir
        return cache[site_url]

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
    built_site: Callable[[str], Path], site_server: Callable[[str], StaticSiteServer]
) -> Callable[[str], ServedSite]:
    """Return `serve(prefix="/") -> ServedSite`: built for and served at one URL per prefix."""
    cache: dict[str, ServedSite] = {}

    def serve(prefix: str = "/") -> ServedSite:
        if prefix not in cache:
            server = site_server(prefix)
            site_dir = built_site(server.url)
            server.serve(site_dir)
            cache[prefix] = ServedSite(url=server.url, site_dir=site_dir)
        return cache[prefix]

    return serve


@pytest.fixture(scope="session")
def served_site(serve_site: Callable[[str], ServedSite]) -> ServedSite:
    """The site served under the sub-path /cam-ket/, as on a project Pages site."""
    return serve_site(DEFAULT_PREFIX)


@pytest.fixture(scope="session")
def site_url(served_site: ServedSite) -> str:
    """Base URL of `served_site`, e.g. http://127.0.0.1:PORT/cam-ket/."""
    return served_site.url


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
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


@pytest.fixture
def page_log() -> PageLog:
    """The record of the `page` fixture's requests and console errors."""
    return PageLog()


@pytest.fixture
def page(browser: Browser, page_log: PageLog) -> Iterator[Page]:
    """A fresh Vietnamese-locale context and page per test, recorded into `page_log`."""
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page_log.attach(page)
    yield page
    context.close()
