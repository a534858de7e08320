"""Helpers for the browser tests and `scripts/weight.py`.

- `build_site` builds the repository's mkdocs.yml for one `site_url`, on the real data or
  on the fictional fixture ward (the only data with measurements, hence charts).
- `StaticSiteServer` serves a built site the way GitHub and GitLab Pages do: under a URL
  prefix, `index.html` for directory URLs (redirecting `/dir` to `/dir/`) and the site's
  own `404.html` with status 404 for anything else, including paths outside the prefix.
  It binds its port when created, so the site can be built for its URL before it serves.
  Files carry an ETag and `Cache-Control: no-cache`, so a repeated request is revalidated
  (304, no body) and still shows up in a page's request log.
- `PageLog` records every request a page made (URL, resource type, status) and every
  error its console reported.
- `PAGE_TYPES` names one page of each kind the site has, and where to find it.
- `launch_chromium`, `new_page`, `run_axe`, `scroll_through`, `wait_for_charts` and
  `click_link_to` drive a page the same way in the tests and in the weight report.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import posixpath
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, Response

LOCAL_HOST = "127.0.0.1"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
"""Debian's Chromium (Playwright cannot download its own browser here)."""
# The probe of this machine's Chromium: without the networking flags it keeps trying to
# reach Google's hosts, which this machine's closed network refuses.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DATA = REPO_ROOT / "tests" / "fixtures" / "data"
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The WCAG 2.1 A and AA rules of axe-core (issue #10); best-practice rules are not gated.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# MkDocs writes every text file as UTF-8; say so, as Pages hosts do.
_UTF8_TYPES = ("text/", "application/javascript", "application/json", "application/xml")


# --- building -------------------------------------------------------------------------

REAL = "real"
"""The repository's `data/`."""
FIXTURE = "fixture"
"""The fictional fixture ward `tests/fixtures/data/` (it has measurements, so charts)."""
FIXTURE_AS_OF = "2026-06-30"
"""The date the fixture ward's figures are stated at, as in tests/conftest.py."""


def build_site(site_dir: Path, site_url: str, data: str = REAL, **plugin_options: object) -> Path:
    """Build the repository's mkdocs.yml into `site_dir` for `site_url`.

    `data` is `REAL` or `FIXTURE`; `plugin_options` set further `commitments` options (a
    copy of the data as `data_dir`, say). Only that plugin's options change, so every
    other setting (theme, features, further plugins) is the one the real site uses.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"), site_dir=str(site_dir), site_url=site_url
    )
    if data == FIXTURE:
        options = config.plugins["commitments"].config
        options["data_dir"] = str(FIXTURE_DATA)
        options["data_as_of"] = FIXTURE_AS_OF
    elif data != REAL:
        raise ValueError(f"unknown data set {data!r}")
    for name, value in plugin_options.items():
        config.plugins["commitments"].config[name] = value
    # MkDocs logs every page at INFO through the "mkdocs" logger; keep the output readable.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(config)
    return site_dir


# --- serving --------------------------------------------------------------------------


class _PagesHandler(BaseHTTPRequestHandler):
    """Serve `server.site_dir` under `server.prefix` as a static Pages host does."""

    server: StaticSiteServer

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: one line per request would bury the test output."""

    def _respond(self, *, send_body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        target = self.server.resolve(url_path)
        if isinstance(target, str):  # a directory URL without its slash
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if target is None:
            status = HTTPStatus.NOT_FOUND
            target = self.server.site_dir / "404.html"
        body = target.read_bytes() if target.is_file() else b"404 Not Found\n"
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == HTTPStatus.OK and self.headers.get("If-None-Match") == etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type.startswith(_UTF8_TYPES):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if status == HTTPStatus.OK:
            self.send_header("ETag", etag)
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class StaticSiteServer(ThreadingHTTPServer):
    """A static server on 127.0.0.1 that owns its port from creation on.

    Create it, read `url` to build the site for it, then `serve(site_dir)`.
    """

    daemon_threads = True

    def __init__(self, prefix: str = "/") -> None:
        if not (prefix.startswith("/") and prefix.endswith("/")):
            raise ValueError(f"prefix must start and end with '/': {prefix!r}")
        super().__init__((LOCAL_HOST, 0), _PagesHandler)
        self.prefix = prefix
        self.site_dir = Path()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL of the served site, ending with '/'."""
        return f"http://{LOCAL_HOST}:{self.server_address[1]}{self.prefix}"

    def serve(self, site_dir: Path) -> None:
        """Start answering requests from `site_dir` in a background thread."""
        self.site_dir = site_dir.resolve()
        self._thread = threading.Thread(
            target=self.serve_forever, name=f"site-server{self.prefix}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
        self.server_close()

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore clients that hang up mid-response (Chromium does when it navigates away)."""
        if not isinstance(sys.exception(), ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    def resolve(self, url_path: str) -> Path | str | None:
        """Map a URL path to a file, a redirect location (str), or None for 404."""
        if url_path + "/" == self.prefix:
            return self.prefix
        if not url_path.startswith(self.prefix):
            return None
        relative = posixpath.normpath(url_path[len(self.prefix) :] or ".")
        if relative.startswith(("..", "/")):
            return None
        candidate = self.site_dir / relative
        if candidate.is_dir():
            if not url_path.endswith("/"):
                return url_path + "/"
            candidate = candidate / "index.html"
        if not candidate.is_file() or not candidate.resolve().is_relative_to(self.site_dir):
            return None
        return candidate

    def file_for(self, url: str) -> Path | None:
        """The file this server answers `url` with (its 404.html for a missing page)."""
        parts = urlsplit(url)
        if parts.hostname != LOCAL_HOST or parts.port != self.server_address[1]:
            return None
        target = self.resolve(unquote(parts.path))
        if isinstance(target, str):
            return None
        return target if target is not None else self.site_dir / "404.html"


@dataclass(frozen=True)
class ServedSite:
    """The project's site, built for `url` and served there."""

    url: str
    """Base URL, ending with '/', e.g. http://127.0.0.1:PORT/cam-ket/."""
    site_dir: Path
    """The built site on disk."""
    data: str = REAL
    """Which data it was built from: `REAL` or `FIXTURE`."""

    def url_for(self, path: str) -> str:
        """Absolute URL of a site-relative path such as 'muc-tieu/' or '404.html'."""
        return self.url + path.lstrip("/")


# --- page types -----------------------------------------------------------------------

MISSING_PATH = "khong-co/trang-nay/"
"""A page that does not exist, two folders deep (the 404 page must still find its assets)."""


def _first_link(site_dir: Path, page: str, selector: str) -> str:
    """Site-relative path of the first link matching `selector` on the built `page`."""
    from bs4 import BeautifulSoup

    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    link = BeautifulSoup(html, "html.parser").select_one(selector)
    if link is None or not link.get("href"):
        raise LookupError(f"no link matches {selector!r} on {page}")
    return posixpath.normpath(posixpath.join(page, str(link["href"]))) + "/"


@dataclass(frozen=True)
class PageType:
    """One kind of page of the site, and where a representative one is."""

    id: str
    data: str
    """Which site holds it: `REAL` or `FIXTURE`."""
    path: str | Callable[[Path], str]
    """Site-relative path, or a function finding it in the built site."""
    description: str
    status: int = 200

    def path_in(self, site_dir: Path) -> str:
        """The site-relative path of this page type in the built site `site_dir`."""
        return self.path if isinstance(self.path, str) else self.path(site_dir)


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", REAL, "", "home page: introduction and the list of wards"),
    PageType("ward", REAL, "kien-an/", "ward overview (Kiến An)"),
    PageType("report", REAL, "kien-an/bao-cao/", "ward report for printing (Kiến An)"),
    PageType(
        "comparison",
        REAL,
        "so-sanh/ty-le-bhyt/",
        "comparison of one shared indicator across the wards (health insurance)",
    ),
    PageType("comparison-index", REAL, "so-sanh/", "index of the shared indicators"),
    PageType(
        "target",
        REAL,
        lambda site: _first_link(site, "kien-an/", ".sb-targets a"),
        "target page of the real data (first target of Kiến An)",
    ),
    PageType(
        "target-chart",
        FIXTURE,
        "thu-nghiem/chi-tieu/ho-ngheo/",
        "target page with a chart and its table (fixture ward)",
    ),
    PageType(
        "embed",
        REAL,
        lambda site: _first_link(site, "kien-an/", ".sb-targets a") + "nhung/",
        "embed of a target without data, no site chrome (first target of Kiến An)",
    ),
    PageType(
        "embed-chart",
        FIXTURE,
        "thu-nghiem/chi-tieu/ho-ngheo/nhung/",
        "embed of a target with a chart, no site chrome (fixture ward)",
    ),
    PageType(
        "project",
        REAL,
        lambda site: _first_link(site, "kien-an/", ".sb-projects a"),
        "project page of the real data (first project of Kiến An)",
    ),
    PageType(
        "project-timeline",
        FIXTURE,
        "thu-nghiem/du-an/duong-mau-so-1/",
        "project page with rows and a timeline (fixture ward)",
    ),
    PageType("ward-fixture", FIXTURE, "thu-nghiem/", "ward overview with every block (fixture)"),
    PageType(
        "ward-results",
        REAL,
        "viet-hung/",
        "ward overview whose published results have charts (Việt Hưng)",
    ),
    PageType(
        "target-baseline",
        REAL,
        "viet-hung/chi-tieu/giao-vien-dat-chuan/",
        "target page showing a previous-term result as its baseline (Việt Hưng)",
    ),
    PageType("methodology", REAL, "phuong-phap/", "methodology (hand-written)"),
    PageType("downloads", REAL, "du-lieu/", "open data downloads (hand-written)"),
    PageType("search", REAL, "tim-kiem/", "search page"),
    PageType("404", REAL, MISSING_PATH, "missing page: the site's 404.html", status=404),
)
PAGE_TYPE_IDS = tuple(page_type.id for page_type in PAGE_TYPES)


def start_page_for(kind: PageType) -> str:
    """Where a reader comes from before a next navigation to `kind`: the home page, or
    the methodology page for the home page itself."""
    return "phuong-phap/" if kind.id == "home" else ""


def page_type(type_id: str) -> PageType:
    """The page type called `type_id`."""
    return next(page_type for page_type in PAGE_TYPES if page_type.id == type_id)


# --- recording ------------------------------------------------------------------------


@dataclass
class Resource:
    """One request a page made and what became of it."""

    url: str
    resource_type: str
    status: int | None = None
    failure: str | None = None

    @property
    def is_plotly(self) -> bool:
        return "plotly" in urlsplit(self.url).path.rsplit("/", 1)[-1]


@dataclass
class PageLog:
    """What one page did: every request it made and every error its console reported."""

    requests: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    _by_request: dict[Request, Resource] = field(default_factory=dict, repr=False)

    def attach(self, page: Page) -> None:
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_failed)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        resource = Resource(request.url, request.resource_type)
        self.resources.append(resource)
        self._by_request[request] = resource

    def _on_response(self, response: Response) -> None:
        resource = self._by_request.get(response.request)
        if resource is not None:
            resource.status = response.status

    def _on_failed(self, request: Request) -> None:
        resource = self._by_request.get(request)
        if resource is not None:
            resource.failure = request.failure or "failed"

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location
            self.console_errors.append(
                f"console: {message.text} ({location.get('url')}:{location.get('lineNumber')})"
            )

    def non_local_requests(self) -> list[str]:
        """Requests that went anywhere but 127.0.0.1 (data: and blob: URLs stay local)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about")
            and urlsplit(url).hostname != LOCAL_HOST
        ]

    def errors_except_missing(self, missing_url: str) -> list[str]:
        """Console errors, leaving out Chromium's report of `missing_url`'s 404 status."""
        return [
            error
            for error in self.console_errors
            if not ("status of 404" in error and f"({missing_url}:" in error)
        ]


# --- driving a page -------------------------------------------------------------------


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's headless Chromium with this machine's flags."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS), headless=True
    )


def new_page(browser: Browser, viewport: dict[str, int], log: PageLog | None = None) -> Page:
    """A page in a fresh Vietnamese-locale context (empty cache), recorded into `log`."""
    context = browser.new_context(
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": viewport["width"], "height": viewport["height"]},
    )
    page = context.new_page()
    if log is not None:
        log.attach(page)
    return page


def scroll_through(page: Page) -> None:
    """Scroll to the bottom a screen at a time, so that every lazy chart comes into view."""
    page.evaluate(
        """async () => {
            const step = Math.max(200, window.innerHeight - 100);
            for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
                window.scrollTo(0, y);
                await new Promise((resolve) => requestAnimationFrame(() => resolve()));
            }
            window.scrollTo(0, document.documentElement.scrollHeight);
        }"""
    )


def wait_for_charts(page: Page, timeout: float = 20_000) -> int:
    """Scroll through the page and wait until every chart is drawn; return their number."""
    scroll_through(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-chart]')].every(e => e.dataset.drawn)",
        timeout=timeout,
    )
    return int(page.locator("[data-chart]").count())


def mark_page(page: Page) -> None:
    """Mark the current page's content, so that `wait_for_page` can tell it was replaced."""
    page.evaluate(
        """() => (document.querySelector(".md-content") || document.body)
            .setAttribute("data-sb-old", "")"""
    )


def wait_for_page(page: Page, url: str) -> None:
    """Wait until the page at `url` replaced the content marked by `mark_page`.

    Instant navigation changes the address before it swaps the content in, so waiting
    for the URL alone can read the previous page.
    """
    page.wait_for_url(url)
    page.locator("[data-sb-old]").wait_for(state="detached")


def click_link_to(page: Page, url: str) -> None:
    """Click a link to `url` added to the page, as a reader would click one of its links.

    Material's instant navigation handles it like any link of the page: a page listed in
    sitemap.xml is fetched and swapped in; anything else is a full page load.
    """
    page.evaluate(
        """(url) => {
            const link = document.createElement("a");
            link.href = url;
            link.id = "sb-test-link";
            link.textContent = "→";
            (document.querySelector(".md-content") || document.body).appendChild(link);
        }""",
        url,
    )
    page.locator("#sb-test-link").click()
    # The link goes with the page it was added to: the next page has replaced it.
    page.locator("#sb-test-link").wait_for(state="detached")


def run_axe(page: Page) -> dict[str, Any]:
    """Run axe-core's WCAG 2.1 A/AA rules on the page; return axe's results object."""
    # From the top: Material's sticky header would hide what lies under it after a scroll,
    # and axe reports the contrast of hidden text as "incomplete" instead of checking it.
    page.evaluate("() => window.scrollTo(0, 0)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate(
        """(tags) => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations", "incomplete"],
        })""",
        list(AXE_TAGS),
    )
    return result


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """One line per violated rule and failing element, for an assertion message."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " | ".join(node.get("failureSummary", "").splitlines())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)
