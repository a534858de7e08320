"""Helpers for the browser tests: a Pages-like static server and a page recorder.

`StaticSiteServer` serves a built site the way GitHub and GitLab Pages do: under a URL
prefix, `index.html` for directory URLs (redirecting `/dir` to `/dir/`) and the site's
own `404.html` with status 404 for anything else, including paths outside the prefix.
It binds its port when created, so the site can be built for its URL before it serves.

`PageLog` records every URL a page requested and every error its console reported.
"""

from __future__ import annotations

import mimetypes
import posixpath
import sys
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import ConsoleMessage, Page

LOCAL_HOST = "127.0.0.1"
# MkDocs writes every text file as UTF-8; say so, as Pages hosts do.
_UTF8_TYPES = ("text/", "application/javascript", "application/json", "application/xml")


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
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type.startswith(_UTF8_TYPES):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
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


@dataclass(frozen=True)
class ServedSite:
    """The project's site, built for `url` and served there."""

    url: str
    """Base URL, ending with '/', e.g. http://127.0.0.1:PORT/cam-ket/."""
    site_dir: Path
    """The built site on disk."""

    def url_for(self, path: str) -> str:
        """Absolute URL of a site-relative path such as 'muc-tieu/' or '404.html'."""
        return self.url + path.lstrip("/")


# --- recording ------------------------------------------------------------------------


@dataclass
class PageLog:
    """What one page did: every URL it requested and every error its console reported."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))

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
