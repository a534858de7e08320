"""What the first search query costs in Chromium: requests and bytes of /pagefind/ files.

Serves a built site folder from 127.0.0.1 (as Pages hosts do, see
tests/browser/support.py), opens a results page with a query in a fresh browser context
(empty cache), waits for the first result, and prints one line on stdout:

    query='ho ngheo' requests=14 raw_kb=412.3 gzip_kb=251.0 first_result_ms=840 bundles=1

- `requests`, `raw_kb`, `gzip_kb`: the responses whose path has a `/pagefind/` folder
  (Pagefind's UI, its scripts, WebAssembly, index chunks, filters, fragments), as
  stored and as sent by a host compressing text with gzip level 6 (Pagefind's own index
  files are already compressed and count as stored).
- `first_result_ms`: from the navigation's start to the first result link on screen
  (page load, UI script, index, first fragments); the machine's load counts in it.
- `bundles`: how many Pagefind indexes answered (their `.pf_meta` files): the parts of
  a large site's index, and every province's on a national page.

Usage (from the repository root):

    .venv/bin/python benchmarks/search_transfer.py SITE_DIR
    .venv/bin/python benchmarks/search_transfer.py SITE_DIR --page tim-kiem/ --query 'ho ngheo'
    .venv/bin/python benchmarks/search_transfer.py NATIONAL_DIR --page '' --query 'ho ngheo'
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.support import (  # noqa: E402
    DESKTOP,
    PageLog,
    StaticSiteServer,
    launch_chromium,
    new_page,
)

GZIP_LEVEL = 6
COMPRESSED_SUFFIXES = {".html", ".css", ".js", ".json"}
# A result link: the province results page's (search.js) or the national page's.
RESULT = ".sb-result__link, .nat-result__link"


def sent_bytes(path: Path) -> tuple[int, int]:
    """(stored, as sent) bytes of a file a host serves."""
    body = path.read_bytes()
    if path.suffix in COMPRESSED_SUFFIXES:
        return len(body), min(len(body), len(gzip.compress(body, GZIP_LEVEL)))
    return len(body), len(body)


def measure(site_dir: Path, page_path: str, query: str, detail: bool = False) -> dict[str, object]:
    """Serve `site_dir` at a host root, run one query on `page_path`; the figures."""
    server = StaticSiteServer("/")
    server.serve(site_dir)
    log = PageLog()
    try:
        with sync_playwright() as driver:
            browser = launch_chromium(driver)
            page = new_page(browser, DESKTOP, log)
            start = time.perf_counter()
            page.goto(f"{server.url}{page_path}?q={quote(query)}")
            page.wait_for_selector(RESULT, timeout=60_000)
            first_ms = (time.perf_counter() - start) * 1000
            page.wait_for_load_state("networkidle")
            results = page.locator(RESULT).count()
            browser.close()
    finally:
        server.stop()
    raw = packed = requests = 0
    bundles: set[str] = set()
    for resource in log.resources:
        parts = urlsplit(resource.url)
        if "/pagefind/" not in parts.path or resource.status != 200:
            continue
        path = server.file_for(resource.url)
        if path is None or not path.is_file():
            continue
        stored, sent = sent_bytes(path)
        if detail:
            print(f"  {sent / 1000:7.1f} kB  {parts.path}", file=sys.stderr)
        raw, packed, requests = raw + stored, packed + sent, requests + 1
        if parts.path.endswith(".pf_meta"):
            bundles.add(parts.path)
    if log.non_local_requests():
        raise SystemExit(f"requests left this machine: {log.non_local_requests()}")
    return {
        "query": query,
        "requests": requests,
        "raw_kb": round(raw / 1000, 1),
        "gzip_kb": round(packed / 1000, 1),
        "first_result_ms": round(first_ms),
        "results": results,
        "bundles": len(bundles),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder (or a national folder)")
    parser.add_argument("--page", default="tim-kiem/", help="results page (default %(default)s)")
    parser.add_argument("--query", action="append", help="query (repeatable; default ho ngheo)")
    parser.add_argument("--detail", action="store_true", help="list each file on stderr")
    args = parser.parse_args(argv)
    for query in args.query or ["ho ngheo"]:
        figures = measure(args.site.resolve(), args.page, query, args.detail)
        print(" ".join(f"{k}={v!r}" if k == "query" else f"{k}={v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
