"""Search recall and cost on a built site: what a query finds with and without diacritics,
the size of the Pagefind index, and what the browser downloads for a first query.

    python benchmarks/search.py site/            # a site built by `make site`
    python benchmarks/search.py --json site/     # the same figures as JSON

The site is served from 127.0.0.1 at the root of a host and opened in Debian's Chromium
(`/usr/bin/chromium`, or `$CHROMIUM`). For each query pair it prints:

- `pagefind`: Pagefind's own search of the query as typed (what Pagefind's default UI,
  used before issue 16, ran);
- `site`: the results page's own search (`window.sbSearch.find`, search.js: every word
  starting with d or đ searched both ways), when the site has it;

each as `accented/plain/both`: pages the query with diacritics finds, pages the query
without finds, and pages both find; recall of the plain query is both/accented.

Transfer: every request under `/pagefind/` while the results page answers a query, in
bytes as sent by a host compressing text with gzip level 6 (Pagefind's index, fragment
and WebAssembly files are already compressed and counted as they are).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from playwright.sync_api import Page, sync_playwright

PAIRS = [
    ("đất", "dat"),
    ("đồng", "dong"),
    ("đô thị", "do thi"),
    ("đường", "duong"),
    ("đảng viên", "dang vien"),
    ("đầu tư công", "dau tu cong"),
    ("điện", "dien"),
    ("đạt", "dat"),
    ("địa bàn", "dia ban"),
    ("đào tạo", "dao tao"),
    ("Đảng ủy", "dang uy"),
    ("đất đai", "dat dai"),
    ("hộ nghèo", "ho ngheo"),
    ("giải phóng mặt bằng", "giai phong mat bang"),
    ("ngân sách", "ngan sach"),
    ("Thủy Nguyên", "thuy nguyen"),
]
FIRST_QUERIES = ["ho ngheo", "dau tu cong"]
# Pagefind's own files are compressed when written; everything else is sent gzipped.
PRECOMPRESSED = (".pf_index", ".pf_fragment", ".pf_meta", ".pf_filter", ".pagefind")

PAGEFIND_ALONE = """async (queries) => {
    const script = document.querySelector("script[src*='javascripts/search.js']");
    const pagefind = await import(new URL("../../pagefind/pagefind.js", script.src).href);
    await pagefind.init();
    const found = {};
    for (const q of queries) found[q] = (await pagefind.search(q)).results.map((r) => r.id);
    return found;
}"""
SITE_SEARCH = """async (queries) => {
    if (!window.sbSearch) return null;
    const found = {};
    for (const q of queries) found[q] = await window.sbSearch.find(q);
    return found;
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """One line per request would bury the figures."""


def serve(site: Path) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def sent_size(site: Path, url: str) -> int:
    path = site / urlsplit(url).path.lstrip("/")
    body = path.read_bytes()
    return len(body) if path.name.endswith(PRECOMPRESSED) else len(gzip.compress(body, 6))


def wait_for_results(page: Page) -> None:
    """Either results page: this project's (search.js) or Pagefind's default UI (before)."""
    page.wait_for_selector("#sb-search[data-state=done], .pagefind-ui__result-link", timeout=30_000)


def recall(page: Page, script: str) -> list[dict[str, Any]] | None:
    queries = sorted({q for pair in PAIRS for q in pair})
    found = page.evaluate(script, queries)
    if found is None:
        return None
    rows = []
    for accented, plain in PAIRS:
        a, p = set(found[accented]), set(found[plain])
        rows.append(
            {
                "accented": accented,
                "plain": plain,
                "n_accented": len(a),
                "n_plain": len(p),
                "both": len(a & p),
            }
        )
    return rows


def transfer(browser: Any, url: str, site: Path, query: str) -> dict[str, int]:
    page = browser.new_page()
    sizes: list[int] = []
    page.on(
        "requestfinished",
        lambda r: sizes.append(sent_size(site, r.url)) if "/pagefind/" in r.url else None,
    )
    page.goto(url + "tim-kiem/?q=" + quote(query))
    wait_for_results(page)
    page.wait_for_load_state("networkidle")
    page.close()
    return {"requests": len(sizes), "bytes": sum(sizes)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    site: Path = args.site.resolve()
    index = site / "pagefind"
    files = [p for p in index.rglob("*") if p.is_file()]
    figures: dict[str, Any] = {
        "index_files": len(files),
        "index_bytes": sum(p.stat().st_size for p in files),
        "fragment_bytes": sum(p.stat().st_size for p in (index / "fragment").iterdir()),
        "word_index_bytes": sum(p.stat().st_size for p in (index / "index").iterdir()),
    }
    url = serve(site)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium")
        )
        page = browser.new_page()
        page.goto(url + "tim-kiem/")
        page.wait_for_load_state("networkidle")
        figures["pagefind"] = recall(page, PAGEFIND_ALONE)
        figures["site"] = recall(page, SITE_SEARCH)
        page.close()
        figures["first_query"] = {q: transfer(browser, url, site, q) for q in FIRST_QUERIES}
        browser.close()
    if args.json:
        json.dump(figures, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    print(
        f"index: {figures['index_files']} files, {figures['index_bytes']:,} bytes "
        f"(words {figures['word_index_bytes']:,}, fragments {figures['fragment_bytes']:,})"
    )
    for q, t in figures["first_query"].items():
        print(f"first query {q!r}: {t['requests']} requests, {t['bytes']:,} bytes")
    for mode in ("pagefind", "site"):
        rows = figures[mode]
        if rows is None:
            print(f"{mode}: not on this site")
            continue
        for row in rows:
            print(
                f"{mode:8} {row['accented']!r:24} {row['plain']!r:22} "
                f"{row['n_accented']:4}/{row['n_plain']:4}/{row['both']:4}  "
                f"recall {row['both'] / row['n_accented']:.0%}"
                if row["n_accented"]
                else f"{mode:8} {row['accented']!r:24} nothing found"
            )


if __name__ == "__main__":
    main()
