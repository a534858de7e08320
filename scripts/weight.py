#!/usr/bin/env python3
"""Page-weight report: every request of a first load and of a next navigation, per page type.

Usage (from the repository root, with the venv's Python; `make weight` does this):

    .venv/bin/python scripts/weight.py [--prefix /cam-ket/] [--screenshots] [--out reports]

The site is built for and served from a local Pages-like server (the browser tests'
`StaticSiteServer`): the real data for most page types, the fictional fixture ward for
the pages that need measurements (a chart). Debian's Chromium then loads each page type
(`PAGE_TYPES` in tests/browser/support.py) twice:

- first load: a fresh browser profile (empty cache) opens the page, waits until the
  network is idle, scrolls to the end so that every lazy chart loads, and waits again;
- next navigation: a fresh profile opens the home page (the methodology page for the
  home page itself), then follows a link to the page, which Material's instant
  navigation fetches and swaps in; only the requests after the click are counted.

Every request is listed with its status and the size of the file the server sent: raw,
and as sent by a host that compresses text with gzip (level 6; images as they are; a
304 revalidation sends no body). The server says `Cache-Control: no-cache` with an ETag,
so a repeat request shows as a 304: the counts are an upper bound on requests and exact
on bytes. axe-core's WCAG 2.1 A/AA results are recorded for each page type at desktop
and phone widths.

Writes `weight.md` and `weight.json` into --out (default reports/, gitignored) and prints
the Markdown; with --screenshots also `screenshots/<page type>-{phone,desktop}.png`.
This is a report, not a test: nothing here is timed and nothing fails on size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from tests.browser.support import (  # noqa: E402
    DESKTOP,
    FIXTURE,
    PAGE_TYPES,
    PHONE,
    REAL,
    PageLog,
    PageType,
    Resource,
    ServedSite,
    StaticSiteServer,
    build_site,
    click_link_to,
    launch_chromium,
    new_page,
    run_axe,
    start_page_for,
    wait_for_charts,
)

GZIP_LEVEL = 6
# What hosts compress: text. Images are sent as they are (gzip would not shrink them).
COMPRESSED_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


@dataclass
class Row:
    """One request of a phase, with the bytes it cost."""

    path: str
    resource_type: str
    status: int | None
    raw: int
    gzip: int
    plotly: bool


@dataclass
class Phase:
    """All the requests of a first load or of a next navigation."""

    rows: list[Row] = field(default_factory=list)

    @property
    def raw(self) -> int:
        """Bytes of every body, as stored."""
        return sum(row.raw for row in self.rows)

    @property
    def gzip(self) -> int:
        """Bytes of every body as a host sends it (text compressed)."""
        return sum(row.gzip for row in self.rows)

    @property
    def plotly_gzip(self) -> int:
        """Bytes of plotly.js as sent (zero on a page without a chart)."""
        return sum(row.gzip for row in self.rows if row.plotly)


@dataclass
class Report:
    """Everything measured for one page type."""

    id: str
    description: str
    path: str
    data: str
    status: int | None = None
    first_load: Phase = field(default_factory=Phase)
    next_navigation: Phase = field(default_factory=Phase)
    instant: bool = False
    axe: dict[str, dict[str, Any]] = field(default_factory=dict)


class Sizes:
    """Sizes of the files a server answers with, raw and gzip, computed once each."""

    def __init__(self, servers: dict[str, StaticSiteServer]) -> None:
        self.servers = servers
        self.cache: dict[Path, tuple[int, int]] = {}

    def of(self, url: str) -> tuple[int, int]:
        """(raw, as sent) bytes of the file a local server answers `url` with."""
        for server in self.servers.values():
            path = server.file_for(url)
            if path is not None and path.is_file():
                if path not in self.cache:
                    body = path.read_bytes()
                    sent = len(body)
                    if path.suffix in COMPRESSED_SUFFIXES:
                        sent = min(sent, len(gzip.compress(body, GZIP_LEVEL)))
                    self.cache[path] = (len(body), sent)
                return self.cache[path]
        return (0, 0)


def phase_of(resources: list[Resource], site: ServedSite, sizes: Sizes) -> Phase:
    """The rows of `resources`, with paths relative to the site and their sizes."""
    phase = Phase()
    base = urlsplit(site.url)
    for resource in resources:
        parts = urlsplit(resource.url)
        if parts.scheme not in ("http", "https"):
            continue
        # A 304 revalidation, a redirect or a failed request sends no file.
        raw, packed = sizes.of(resource.url) if resource.status in (200, 404) else (0, 0)
        if parts.netloc == base.netloc and parts.path.startswith(base.path):
            path = parts.path[len(base.path) :] or "./"
        else:
            path = resource.url  # another host: the tests forbid it; shown if it happens
        phase.rows.append(
            Row(path, resource.resource_type, resource.status, raw, packed, resource.is_plotly)
        )
    return phase


def settle(page: Page) -> None:
    """Wait for the network, scroll through the page so every chart draws, wait again."""
    page.wait_for_load_state("networkidle")
    wait_for_charts(page)
    page.wait_for_load_state("networkidle")


def shoot(page: Page, path: Path) -> None:
    """A full-page screenshot taken from the top (sticky header and sidebar in place)."""
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)


def axe_summary(page: Page) -> dict[str, Any]:
    """axe-core's WCAG 2.1 A/AA results: violations, number of passing rules, incomplete."""
    result = run_axe(page)
    return {
        "violations": [
            {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
            for v in result["violations"]
        ],
        "passes": len(result["passes"]),
        "incomplete": [v["id"] for v in result["incomplete"]],
    }


def measure(
    browser: Browser,
    kind: PageType,
    sites: dict[str, ServedSite],
    sizes: Sizes,
    screenshots: Path | None,
) -> Report:
    """Load one page type first with an empty cache, then by a link; run axe; screenshot."""
    site = sites[kind.data]
    path = kind.path_in(site.site_dir)
    url = site.url_for(path)
    report = Report(kind.id, kind.description, path, kind.data)

    # First load, desktop: requests, axe, screenshot.
    log = PageLog()
    page = new_page(browser, DESKTOP, log)
    response = page.goto(url)
    settle(page)
    report.status = response.status if response else None
    report.first_load = phase_of(log.resources, site, sizes)
    report.axe["desktop"] = axe_summary(page)
    if screenshots:
        shoot(page, screenshots / f"{kind.id}-desktop.png")
    page.context.close()

    # Phone: axe and screenshot (its requests are those of the first load).
    page = new_page(browser, PHONE)
    page.goto(url)
    settle(page)
    report.axe["phone"] = axe_summary(page)
    if screenshots:
        shoot(page, screenshots / f"{kind.id}-phone.png")
    page.context.close()

    # Next navigation: from the start page, follow a link to the page.
    log = PageLog()
    page = new_page(browser, DESKTOP, log)
    page.goto(site.url_for(start_page_for(kind)))
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.__sbProbe = 1; }")
    before = len(log.resources)
    click_link_to(page, url)
    page.wait_for_url(url)
    settle(page)
    report.instant = page.evaluate("() => window.__sbProbe === 1")
    report.next_navigation = phase_of(log.resources[before:], site, sizes)
    page.context.close()
    return report


# --- output ---------------------------------------------------------------------------


def kb(size: int) -> str:
    """Bytes as kB with one decimal."""
    return f"{size / 1000:,.1f}"


def axe_cell(result: dict[str, Any]) -> str:
    """One table cell for axe's results at one width."""
    violations = result["violations"]
    if not violations:
        return f"0 ({result['passes']} rules pass)"
    return ", ".join(f"{v['id']}×{v['nodes']}" for v in violations)


def markdown(reports: list[Report], prefix: str) -> str:
    """The report: a summary table, then every request of each page type."""
    lines = [
        "# Page weight and accessibility per page type",
        "",
        f"Served under `{prefix}` from 127.0.0.1; sizes are bodies in kB (1 kB = 1000 "
        f"bytes); *gzip* = as sent by a host compressing text with gzip level {GZIP_LEVEL} "
        "(images as they are). First load: empty cache, scrolled to the end. "
        "Next navigation: a link followed from the home page (from the methodology page "
        "for the home page itself); *instant* = Material swapped the page in without "
        "reloading the document.",
        "",
        "| Page type | Path | Status | First load: requests | raw kB | gzip kB "
        "| Next navigation: requests | gzip kB | instant | plotly.js gzip kB (first / next) "
        "| axe desktop | axe phone |",
        "|---|---|---|---:|---:|---:|---:|---:|---|---:|---|---|",
    ]
    for r in reports:
        lines.append(
            f"| {r.id} | `{r.path or './'}` | {r.status} | {len(r.first_load.rows)} "
            f"| {kb(r.first_load.raw)} | {kb(r.first_load.gzip)} "
            f"| {len(r.next_navigation.rows)} | {kb(r.next_navigation.gzip)} "
            f"| {'yes' if r.instant else 'no'} "
            f"| {kb(r.first_load.plotly_gzip)} / {kb(r.next_navigation.plotly_gzip)} "
            f"| {axe_cell(r.axe['desktop'])} | {axe_cell(r.axe['phone'])} |"
        )
    incomplete = sorted(
        {rule for r in reports for result in r.axe.values() for rule in result["incomplete"]}
    )
    lines += [
        "",
        'axe rules needing a human check somewhere ("incomplete", not failures): '
        + (", ".join(incomplete) if incomplete else "none")
        + ".",
    ]
    for r in reports:
        lines += [
            "",
            f"## {r.id}: {r.description}",
            "",
            f"Path `{r.path or './'}` ({r.data} data).",
        ]
        for title, phase in (("First load", r.first_load), ("Next navigation", r.next_navigation)):
            lines += [
                "",
                f"{title}: {len(phase.rows)} requests, {kb(phase.raw)} kB raw, "
                f"{kb(phase.gzip)} kB gzip.",
                "",
                "| Request | Type | Status | raw bytes | gzip bytes |",
                "|---|---|---|---:|---:|",
            ]
            lines += [
                f"| `{row.path}` | {row.resource_type} | {row.status} | {row.raw:,} "
                f"| {row.gzip:,} |"
                for row in phase.rows
            ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build, serve, measure every page type and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default="/cam-ket/", help="URL sub-path to serve under")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "reports", help="output folder")
    parser.add_argument(
        "--screenshots", action="store_true", help="also write phone and desktop screenshots"
    )
    parser.add_argument(
        "--only", action="append", default=[], help="page type id to measure (repeatable)"
    )
    args = parser.parse_args(argv)

    kinds = [kind for kind in PAGE_TYPES if not args.only or kind.id in args.only]
    args.out.mkdir(parents=True, exist_ok=True)
    screenshots = args.out / "screenshots" if args.screenshots else None
    if screenshots:
        screenshots.mkdir(exist_ok=True)

    servers = {data: StaticSiteServer(args.prefix) for data in (REAL, FIXTURE)}
    try:
        with tempfile.TemporaryDirectory(prefix="weight-") as tmp:
            sites = {}
            for data, server in servers.items():
                site_dir = build_site(Path(tmp) / data, server.url, data)
                server.serve(site_dir)
                sites[data] = ServedSite(server.url, site_dir, data)
            sizes = Sizes(servers)
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                reports = []
                for kind in kinds:
                    print(f"weight: {kind.id}", file=sys.stderr)
                    reports.append(measure(browser, kind, sites, sizes, screenshots))
                browser.close()
    finally:
        for server in servers.values():
            server.stop()

    text = markdown(reports, args.prefix)
    (args.out / "weight.md").write_text(text, encoding="utf-8")
    data = [
        {
            **asdict(r),
            "first_load_total": {"raw": r.first_load.raw, "gzip": r.first_load.gzip},
            "next_navigation_total": {"raw": r.next_navigation.raw, "gzip": r.next_navigation.gzip},
        }
        for r in reports
    ]
    (args.out / "weight.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(text)
    written = [args.out / "weight.md", args.out / "weight.json"]
    if screenshots:
        written.append(screenshots)
    print(
        "wrote "
        + ", ".join(
            str(p.relative_to(REPO_ROOT)) if p.is_relative_to(REPO_ROOT) else str(p)
            for p in written
        ),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
