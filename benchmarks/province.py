"""Time a province-sized build: N copies of the fixture ward through the real MkDocs build.

Each size runs `python -m mkdocs build` in a fresh child process on a synthetic data
folder (the fictional fixture ward `thu-nghiem` copied N times as `phuong-0001`, ...),
with the repository's mkdocs.yml, content/ and overrides/. One line per size on stdout:

    pages=12004 seconds=73.0 peak_rss_mb=663 site_mb=166.8

`pages` counts the `index.html` files written, `seconds` is the wall time of the child
(interpreter start-up and imports included, best of `--repeat` runs), `peak_rss_mb` the
largest peak resident memory of those runs (from `os.wait4`, so it is that child's own
figure, not a running maximum over all children), `site_mb` the size of the built site.
Progress and errors go to stderr.

`--phases [PAGES]` instead builds one size in-process with light timers around the main
steps (CPU and wall seconds per step, garbage collector included). `--profile [PAGES]`
builds one size in-process under cProfile and prints the time by build phase, by
package (self time), and the top cumulative entries. `--repo DIR` measures another
source tree (a `git archive` of a commit, a prototype) with this script.

Usage (from the repository root; `make bench ARGS='...'` passes ARGS through):

    .venv/bin/python benchmarks/province.py                    # 1k, 2k, 5k, 10k, 12k pages
    .venv/bin/python benchmarks/province.py --sizes 1000,2000 --repeat 2
    .venv/bin/python benchmarks/province.py --keep             # keep sites in benchmarks/out/
    .venv/bin/python benchmarks/province.py --phases           # 5,000 pages, step timers
    .venv/bin/python benchmarks/province.py --phases --warm-phases   # ... of the warm rebuild
    .venv/bin/python benchmarks/province.py --profile          # 5,000 pages under cProfile
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import logging
import math
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
OUT_DIR = HERE / "benchmarks" / "out"
# The source tree under test: this repository, or another checkout given by --repo
# (e.g. `git archive HEAD | tar -x -C /tmp/head` to measure the last commit while the
# working tree is being edited). Its site_builder is put first on the child's PYTHONPATH.
REPO_ROOT = HERE
DEFAULT_SIZES = (1_000, 2_000, 5_000, 10_000, 12_000)
# Build the Pagefind index (the plugin's `search_index`); `--no-search` measures the build
# without it (Pagefind is a separate program: ≈ 1.5 ms per page, and the largest process).
SEARCH = True
PROFILE_SIZE = 5_000
AS_OF = "2026-06-30"  # fixed, so every run computes the same figures

# Theme pages written by one copy of the fixture ward (its page, its report, 10 targets,
# 4 projects), and the hand-written pages of content/ (home, methodology, downloads,
# search). Each target also has an embed page (`.../nhung/index.html`, #17): a finished
# file copied as it is, not a theme page, so it is counted apart (`embeds=`).
PAGES_PER_WARD = 16
CONTENT_PAGES = 4
EMBED_FOLDER = "nhung"


# --- Synthetic province ------------------------------------------------------------------

# ward.yaml lines that make a copy a different ward. Each must match exactly once, so a
# change to the fixture breaks the benchmark loudly instead of building the wrong thing.
_WARD_EDITS: tuple[tuple[str, str], ...] = (
    (r"(?m)^  id: thu-nghiem$", "  id: {id}"),
    (r'(?m)^  name: "Thử Nghiệm"$', '  name: "Thử Nghiệm {n}"'),
    (
        r'(?m)^  full_name: "Phường Thử Nghiệm \(hư cấu\)"$',
        '  full_name: "Phường Thử Nghiệm {n} (hư cấu)"',
    ),
)


def ward_id(index: int) -> str:
    return f"phuong-{index:04d}"


def languages() -> int:
    """1, or 2 when mkdocs.yml builds the English copy (`english: true`, #17): every
    theme page, hand-written ones included, is then written twice."""
    text = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return 2 if re.search(r"(?m)^\s+english:\s*true\s*$", text) else 1


def wards_for(pages: int) -> int:
    """Fewest fixture copies whose build writes at least `pages` pages."""
    copies = languages()
    return max(1, math.ceil((pages - CONTENT_PAGES * copies) / (PAGES_PER_WARD * copies)))


def fixture_ward() -> Path:
    return REPO_ROOT / "tests" / "fixtures" / "data" / "wards" / "thu-nghiem"


def vendor_dir() -> Path:
    own = REPO_ROOT / "node_modules"
    return own if own.is_dir() else HERE / "node_modules"


def make_province(data_dir: Path, wards: int) -> None:
    """Write `wards` renamed copies of the fixture ward under `data_dir/wards/`."""
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(fixture_ward().glob("*.yaml"))}
    ward_yaml = files.pop("ward.yaml")
    for pattern, _ in _WARD_EDITS:
        found = len(re.findall(pattern, ward_yaml))
        if found != 1:
            raise SystemExit(
                f"benchmark: {pattern!r} matches {found} lines of the fixture "
                f"ward.yaml (expected 1); update _WARD_EDITS"
            )
    for i in range(1, wards + 1):
        folder = data_dir / "wards" / ward_id(i)
        folder.mkdir(parents=True)
        text = ward_yaml
        for pattern, replacement in _WARD_EDITS:
            text = re.sub(pattern, replacement.format(id=ward_id(i), n=f"{i:04d}"), text)
        (folder / "ward.yaml").write_text(text, encoding="utf-8")
        for name, content in files.items():
            (folder / name).write_text(content, encoding="utf-8")


def check_province(data_dir: Path) -> None:
    """Load the first two copies with the real loader, so bad copies fail before a build."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from site_builder.errors import DataErrors
    from site_builder.load import load_dataset

    try:
        dataset = load_dataset(data_dir, [ward_id(1), ward_id(2)])
    except DataErrors as exc:
        raise SystemExit(f"benchmark: the synthetic wards do not load:\n{exc.report()}") from None
    pages = sum(1 + len(w.targets) + len(w.projects) for w in dataset.wards)
    if pages + len(dataset.wards) > PAGES_PER_WARD * len(dataset.wards):
        # Nested targets have no page of their own; more pages than expected means the
        # fixture grew: the sizes would be off, not the measurement.
        print(
            f"benchmark: note: the fixture ward now has more than {PAGES_PER_WARD} "
            f"pages; sizes will be larger than asked",
            file=sys.stderr,
        )


def write_config(work: Path, data_dir: Path) -> Path:
    """The repository's mkdocs.yml, with absolute folders and the synthetic data."""
    text = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    edits = {
        "docs_dir: content": f"docs_dir: {REPO_ROOT / 'content'}",
        "custom_dir: overrides": f"custom_dir: {REPO_ROOT / 'overrides'}",
        "data_dir: data": (
            f"data_dir: {data_dir}\n      vendor_dir: {vendor_dir()}"
            + ("" if SEARCH else "\n      search_index: false")
        ),
        # Replaced, not added: a second `data_as_of` key would win over ours.
        "data_as_of: !ENV [DATA_AS_OF, null]": f"data_as_of: '{AS_OF}'",
    }
    for old, new in edits.items():
        if text.count(old) != 1:
            raise SystemExit(f"benchmark: mkdocs.yml no longer has exactly one {old!r}")
        text = text.replace(old, new)
    config = work / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def prepare(work: Path, pages: int) -> Path:
    """Synthetic data and config for about `pages` pages; returns the config file."""
    data_dir = work / "data"
    make_province(data_dir, wards_for(pages))
    check_province(data_dir)
    return write_config(work, data_dir)


# --- Timed builds ---------------------------------------------------------------------------


def timed_build(
    config: Path, site: Path, log_file: Path, *, into_last_site: bool = False
) -> tuple[float, float, float]:
    """Build in a child process; wall seconds, CPU seconds and the child's peak RSS in MB.

    The site folder is removed first, unless `into_last_site` (a rebuild as staff run
    it: `mkdocs build` again into the same folder, which the plugin partly reuses).
    """
    if site.exists() and not into_last_site:
        shutil.rmtree(site)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    python_path = [str(REPO_ROOT), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, python_path))}
    with log_file.open("wb") as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT, env=env
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # already reaped by wait4
    if child.returncode != 0:
        sys.stderr.write(log_file.read_text(encoding="utf-8", errors="replace")[-4000:])
        raise SystemExit(f"benchmark: mkdocs build failed (exit {child.returncode})")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024  # Linux reports KiB


def site_figures(site: Path) -> tuple[int, float]:
    """Number of theme pages (index.html outside embed folders) and total size in MB."""
    pages, _, size = _count(site)
    return pages, size / 1e6


def _count(site: Path) -> tuple[int, int, int]:
    """Theme pages, embed pages and bytes of a built site."""
    pages = embeds = size = 0
    for folder, _, names in os.walk(site):
        for name in names:
            size += os.stat(os.path.join(folder, name)).st_size
            if name == "index.html":
                if os.path.basename(folder) == EMBED_FOLDER:
                    embeds += 1
                else:
                    pages += 1
    return pages, embeds, size


# --- Baseline: bare MkDocs + Material on plain pages ---------------------------------------

# A plain page of about the size of the prose a reader sees on a target page.
_PLAIN_PAGE = """# Trang {n}

Đoạn văn thứ nhất của trang {n}: một câu bình thường, có **chữ đậm** và một
[liên kết](../index.md) về trang chủ.

- mục một
- mục hai
- mục ba

| cột | giá trị |
|-----|--------:|
| a   | {n} |
| b   | 2 |

Đoạn văn cuối của trang {n}.
"""


def prepare_baseline(work: Path, pages: int) -> Path:
    """`pages` plain Markdown pages and a minimal mkdocs.yml with theme material.

    The pages are out of the navigation (`not_in_nav`), as the generated pages are: in
    Material's navigation, thousands of pages make the build quadratic. No plugin (the
    real site uses Pagefind, not Material's search), the real site's theme language
    and `font: false`.
    """
    docs = work / "baseline-docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Trang chủ\n\nTrang đầu.\n", encoding="utf-8")
    for n in range(1, pages):
        (docs / "p" / f"{n:05d}.md").write_text(_PLAIN_PAGE.format(n=n), encoding="utf-8")
    config = work / "baseline.yml"
    config.write_text(
        "site_name: Baseline\n"
        f"docs_dir: {docs}\n"
        "use_directory_urls: true\n"
        "theme:\n  name: material\n  language: vi\n  font: false\n"
        "markdown_extensions:\n  - attr_list\n  - tables\n  - toc\n"
        "nav:\n  - index.md\n"
        "not_in_nav: |\n  /p/\n"
        "plugins: []\n",
        encoding="utf-8",
    )
    return config


def edit_one_ward(data_dir: Path) -> None:
    """Change one field of the first ward's ward.yaml, as a staff edit would."""
    path = data_dir / "wards" / ward_id(1) / "ward.yaml"
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(r'(?m)^(  name: "Thử Nghiệm \d+)"$', r'\1 (sửa)"', text)
    if count != 1:
        raise SystemExit("benchmark: cannot find the name line of the first ward to edit")
    path.write_text(edited, encoding="utf-8")


class Run:
    """One timed build: wall and CPU seconds, peak RSS, pages."""

    def __init__(self, seconds: float, cpu: float, rss: float, pages: int) -> None:
        self.seconds, self.cpu, self.rss, self.pages = seconds, cpu, rss, pages

    def ms(self) -> float:
        return 1000 * self.seconds / max(1, self.pages)

    def cpu_ms(self) -> float:
        return 1000 * self.cpu / max(1, self.pages)


def _search_line(label: str, size: int, log: Path) -> None:
    """The plugin's line about the search index (time, parts, parts from the cache)."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    for line in text.splitlines():
        if "search index built" in line:
            print(f"[{size} pages] {label}: {line.split('site_builder: ', 1)[-1]}", file=sys.stderr)


def _best(
    label: str, size: int, repeat: int, build: Callable[[], tuple[float, float, float]], site: Path
) -> Run:
    best, best_cpu, peak = float("inf"), float("inf"), 0.0
    for run in range(1, repeat + 1):
        seconds, cpu, rss = build()
        busy = " (wall well above CPU: the machine was busy)" if seconds > 1.25 * cpu else ""
        print(
            f"[{size} pages] {label} run {run}/{repeat}: {seconds:.1f} s wall, "
            f"{cpu:.1f} s CPU, {rss:.0f} MB peak RSS{busy}",
            file=sys.stderr,
        )
        best, best_cpu, peak = min(best, seconds), min(best_cpu, cpu), max(peak, rss)
    pages, _ = site_figures(site)
    return Run(best, best_cpu, peak, pages)


def _cold_build(cache: Path, config: Path, site: Path, log: Path) -> tuple[float, float, float]:
    shutil.rmtree(cache, ignore_errors=True)  # cold: nothing cached
    return timed_build(config, site, log)


def run_sizes(
    sizes: Iterable[int], repeat: int, keep: bool, warm: bool = True, baseline: bool = True
) -> None:
    """Per size: cold build, warm rebuild after one ward's edit, and the bare baseline."""
    rows: list[tuple[Run, Run | None, Run | None]] = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="province-") as tmp:
            work = Path(tmp)
            print(f"[{size} pages] generating {wards_for(size)} wards...", file=sys.stderr)
            config = prepare(work, size)
            site = (OUT_DIR / f"site-{size}") if keep else work / "site"
            cache = work / ".cache"  # the plugin's cache_dir, beside the config

            cold_build = partial(_cold_build, cache, config, site, work / "build.log")
            cold = _best("cold", size, repeat, cold_build, site)
            _search_line("cold", size, work / "build.log")
            _, embeds, site_bytes = _count(site)
            site_mb = site_bytes / 1e6
            warm_run: Run | None = None
            if warm:
                edit_one_ward(work / "data")
                # One edit, then `repeat` rebuilds: the first is the one after the edit
                # (one ward rendered), the others find every ward cached.
                warm_run = _best(
                    "warm (one ward edited)",
                    size,
                    1,
                    partial(timed_build, config, site, work / "warm.log", into_last_site=True),
                    site,
                )
                _search_line("warm", size, work / "warm.log")
            base_run: Run | None = None
            if baseline:
                base_config = prepare_baseline(work, cold.pages)
                base_site = work / "baseline-site"
                base_run = _best(
                    "baseline (bare MkDocs + Material)",
                    size,
                    repeat,
                    partial(timed_build, base_config, base_site, work / "baseline.log"),
                    base_site,
                )
            if keep:
                shutil.copytree(work / "data", OUT_DIR / f"data-{size}", dirs_exist_ok=True)
                shutil.copy(config, OUT_DIR / f"mkdocs-{size}.yml")
        line = (
            f"pages={cold.pages} seconds={cold.seconds:.1f} cpu_seconds={cold.cpu:.1f} "
            f"peak_rss_mb={cold.rss:.0f} site_mb={site_mb:.1f} embeds={embeds}"
        )
        if warm_run:
            line += f" warm_seconds={warm_run.seconds:.1f} warm_cpu_seconds={warm_run.cpu:.1f}"
        if base_run:
            line += (
                f" baseline_pages={base_run.pages} baseline_seconds={base_run.seconds:.1f}"
                f" baseline_cpu_seconds={base_run.cpu:.1f}"
                f" ratio={cold.seconds / base_run.seconds:.2f}"
            )
        print(line, flush=True)
        rows.append((cold, warm_run, base_run))
    print_table(rows)


def print_table(rows: list[tuple[Run, Run | None, Run | None]]) -> None:
    """The sizes side by side: seconds, ms per page, and the ratio to the baseline."""

    def cell(run: Run | None, value: Callable[[Run], float], fmt: str) -> str:
        return format(value(run), fmt) if run else "-"

    print(
        "\n   pages |  cold s  ms/pg  CPU ms/pg  MB | warm s | bare s  ms/pg  CPU ms/pg  MB "
        "| ratio (wall, CPU)"
    )
    for cold, warm, base in rows:
        ratio = f"{cold.seconds / base.seconds:5.2f}, {cold.cpu / base.cpu:5.2f}" if base else "-"
        print(
            f"  {cold.pages:6d} | {cold.seconds:7.1f} {cold.ms():6.2f} {cold.cpu_ms():10.2f}"
            f" {cold.rss:4.0f} | {cell(warm, lambda r: r.seconds, '6.1f')} |"
            f" {cell(base, lambda r: r.seconds, '6.1f')} {cell(base, Run.ms, '6.2f')}"
            f" {cell(base, Run.cpu_ms, '10.2f')} {cell(base, lambda r: r.rss, '4.0f')} | {ratio}"
        )
    if len(rows) > 1:
        first, last = rows[0][0], rows[-1][0]
        print(
            f"Linear check: CPU ms/page {first.cpu_ms():.2f} at {first.pages} pages, "
            f"{last.cpu_ms():.2f} at {last.pages} (x{last.cpu_ms() / first.cpu_ms():.2f}; "
            "1.00 is linear)"
        )


# --- Profile --------------------------------------------------------------------------------

Func = tuple[str, int, str]  # pstats key: (file, line, function name)


def _where(path: str) -> str:
    """Short, readable location of a profiled function's file."""
    if path.startswith("~") or path.startswith("<"):
        return path
    for marker in ("site-packages/", str(REPO_ROOT) + "/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return re.sub(r"^.*/lib/python3\.\d+/", "", path)  # the standard library


def _category(func: Func) -> str:
    """Which part of the stack a function's own time belongs to."""
    path, _, name = func
    if path == "~":
        if re.search(
            r"\b(write|open|mkdir|makedirs|stat|lstat|unlink|rmdir|scandir|"
            r"copyfile|sendfile|close|read|listdir|utime|chmod|exists)\b",
            name,
        ):
            return "file I/O (open, write, mkdir, copy)"
        return ""  # other built-ins: charged to their caller
    path = path.replace("\\", "/")
    if "/material/" in path and path.endswith(".html"):
        return "Material theme templates (Jinja, compiled)"
    if path.endswith(".html") and "site_builder/templates" in path:
        return "site_builder templates (Jinja, compiled)"
    if path.endswith(".html") and str(REPO_ROOT / "overrides") in path:
        return "Material theme templates (Jinja, compiled)"
    if "/site_builder/" in path:
        return "site_builder Python (load, pages, render glue)"
    for package, label in (
        ("/jinja2/", "Jinja2 runtime"),
        ("/markupsafe/", "Jinja2 runtime"),
        ("/markdown/", "Python-Markdown"),
        ("/pymdownx/", "Python-Markdown"),
        ("/material/", "Material Python (plugins, extensions)"),
        ("/mkdocs/", "MkDocs"),
        ("/yaml/", "PyYAML"),
        ("/pydantic", "pydantic"),
        ("/babel/", "Babel"),
        ("/xml/etree/", "Python-Markdown (ElementTree)"),
        ("/html/parser.py", "html.parser (raw-HTML scans of Markdown and MkDocs)"),
        ("/html/", "other Python (stdlib, other packages)"),
        ("/re/", "regex"),
        ("/openpyxl/", "openpyxl (XLSX downloads)"),
        ("/et_xmlfile/", "openpyxl (XLSX downloads)"),
        ("/zipfile", "zipfile + zlib (ZIP, XLSX)"),
        ("/json/", "json"),
        ("/csv.py", "csv"),
        ("/logging/", "logging"),
    ):
        if package in path:
            return label
    return "other Python (stdlib, other packages)"


def _self_time_by_category(stats: dict[Func, tuple]) -> dict[str, float]:
    """Self time per category; generic built-ins (regex, str) go to their callers."""
    totals: dict[str, float] = defaultdict(float)
    for func, (_, _, tt, _, callers) in stats.items():
        label = _category(func)
        if label:
            totals[label] += tt
            continue
        charged = 0.0
        for caller, edge in callers.items():
            caller_label = _category(caller) or "other built-ins"
            totals[caller_label] += edge[2]
            charged += edge[2]
        totals["other built-ins"] += max(0.0, tt - charged)
    return totals


def _inclusive(
    stats: dict[Func, tuple],
    match: Callable[[Func], bool],
    caller: Callable[[Func], bool] | None = None,
) -> float:
    """Cumulative time of matching functions, optionally only when called by `caller`."""
    total = 0.0
    for func, (_, _, _, ct, callers) in stats.items():
        if not match(func):
            continue
        if caller is None:
            total += ct
        else:
            total += sum(edge[3] for who, edge in callers.items() if caller(who))
    return total


def _fn(file_end: str, name: str) -> Callable[[Func], bool]:
    return lambda f: f[0].replace("\\", "/").endswith(file_end) and f[2] == name


def _phases(stats: dict[Func, tuple]) -> list[tuple[str, float]]:
    build_py = "mkdocs/commands/build.py"
    pages_py = "mkdocs/structure/pages.py"
    ours = "site_builder/"
    return [
        (
            "on_config: load_dataset (YAML, pydantic, checks)",
            _inclusive(stats, _fn(ours + "load.py", "load_dataset")),
        ),
        (
            "on_config: file_dates (git history)",
            _inclusive(stats, _fn(ours + "history.py", "file_dates")),
        ),
        (
            "on_config: compute (statuses, projections)",
            _inclusive(stats, _fn(ours + "generate.py", "compute")),
        ),
        (
            "on_config: generate_pages (view models + our Jinja)",
            _inclusive(stats, _fn(ours + "generate.py", "generate_pages")),
        ),
        (
            "on_config: render_wards (pages and each ward's downloads, in workers)",
            _inclusive(stats, _fn(ours + "parallel.py", "render_wards")),
        ),
        (
            "on_config: write_site_archive (schemas, site JSON and ZIP)",
            _inclusive(stats, _fn(ours + "downloads.py", "write_site_archive")),
        ),
        (
            "on_files: File.generated for every page and download",
            _inclusive(stats, _fn(ours + "plugin.py", "on_files")),
        ),
        (
            "per page: read_source (front matter YAML)",
            _inclusive(stats, _fn(pages_py, "read_source")),
        ),
        (
            "per page: on_page_markdown (all plugins)",
            _inclusive(stats, _fn("mkdocs/plugins.py", "on_page_markdown")),
        ),
        (
            "per page: Markdown() set-up (extensions)",
            _inclusive(stats, _fn("markdown/core.py", "__init__"), _fn(pages_py, "render")),
        ),
        (
            "per page: Markdown.convert of the page",
            _inclusive(stats, _fn("markdown/core.py", "convert"), _fn(pages_py, "render")),
        ),
        (
            "per page: get_context (MkDocs)",
            _inclusive(stats, _fn(build_py, "get_context"), _fn(build_py, "_build_page")),
        ),
        (
            "per page: theme template render (Material Jinja)",
            _inclusive(
                stats,
                lambda f: f[2] == "render" and "jinja2/environment.py" in f[0],
                _fn(build_py, "_build_page"),
            ),
        ),
        (
            "per page: write_file (encode excluded)",
            _inclusive(
                stats, _fn("mkdocs/utils/__init__.py", "write_file"), _fn(build_py, "_build_page")
            ),
        ),
        (
            "copy static files (theme assets, plotly.js, generated non-page files)",
            _inclusive(stats, _fn("mkdocs/structure/files.py", "copy_static_files")),
        ),
        ("validate_anchor_links", _inclusive(stats, _fn(pages_py, "validate_anchor_links"))),
        ("clean site_dir", _inclusive(stats, _fn("mkdocs/utils/__init__.py", "clean_directory"))),
    ]


class _PhaseTimers:
    """CPU and wall time spent in chosen functions of a build, without a profiler.

    Each function is wrapped with two clock reads, so the figures are the build's own
    (cProfile slows call-heavy code such as html.parser and Jinja much more than the
    rest). CPU time is the steadier figure on a busy machine (other processes do not
    count), but it leaves out worker processes: compare wall times for those.
    Garbage-collector pauses are timed too, through `gc.callbacks`.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        self.gc_seconds: dict[int, float] = defaultdict(float)
        self._undo: list[tuple[object, str, object]] = []
        self._gc_start = 0.0

    def wrap(self, owner: object, name: str, label: str) -> None:
        original = getattr(owner, name, None)
        if original is None:
            return  # not in this version of site_builder
        seconds, wall = self.seconds, self.wall
        clock, wall_clock = time.process_time, time.perf_counter

        def timed(*args: object, **kwargs: object) -> object:
            start, wall_start = clock(), wall_clock()
            try:
                return original(*args, **kwargs)
            finally:
                seconds[label] += clock() - start
                wall[label] += wall_clock() - wall_start

        self._undo.append((owner, name, original))
        setattr(owner, name, timed)

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.process_time()
        else:
            self.gc_seconds[info["generation"]] += time.process_time() - self._gc_start

    def __enter__(self) -> _PhaseTimers:
        gc.callbacks.append(self._gc)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._gc)
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)


# Functions the plugin calls from its events, by the names it imported (those missing from
# the site_builder version under test are skipped).
_ON_CONFIG_STEPS = (
    "load_dataset",
    "file_dates",
    "compute",
    "generate_pages",
    "site_files",
    "render_wards",
    "write_site_archive",
)
# Steps inside on_config, timed where they are looked up (the name their caller imported).
_INSIDE_ON_CONFIG = (
    ("site_builder.load", "read_yaml", "load_dataset: read_yaml (YAML compose + convert)"),
    ("site_builder.pages", "note_html", "generate_pages: note_html (Markdown + nh3 per note)"),
    ("site_builder.generate", "render", "generate_pages: render (site_builder's Jinja)"),
)


def phases(size: int, keep: bool, warm: bool = False) -> None:
    """One in-process build with light timers around the main steps.

    With `warm`, a cold build (a child process, untimed) fills the cache first and one
    ward is edited: the timed build is the warm rebuild.
    """
    import mkdocs.commands.build as mk_build
    import mkdocs.utils as mk_utils
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    with tempfile.TemporaryDirectory(prefix="province-phases-") as tmp:
        work = Path(tmp)
        print(f"[phases] generating {wards_for(size)} wards...", file=sys.stderr)
        config_file = prepare(work, size)
        site = (OUT_DIR / f"phases-site-{size}") if keep else work / "site"
        if warm:
            print("[phases] cold build to fill the cache...", file=sys.stderr)
            timed_build(config_file, site, work / "cold.log")
            edit_one_ward(work / "data")
        logging.basicConfig(level=logging.WARNING)
        config = load_config(config_file=str(config_file), site_dir=str(site))
        plugin = sys.modules["site_builder.plugin"]  # imported by load_config
        build_page = "per page: Material template (_build_page minus write_file)"
        write = "per page: write_file (encode not included)"
        with _PhaseTimers() as timers:
            for name in _ON_CONFIG_STEPS:
                timers.wrap(plugin, name, f"on_config: {name}")
            timers.wrap(plugin, "home_section", "on_page_markdown: home_section")
            owner = getattr(plugin, "CommitmentsPlugin", None)
            for name, label in (
                ("_make_shells", "on_env: _make_shells"),
                ("_write_direct", "on_env: _write_direct (pages written aside)"),
                ("_write_sitemap", "on_post_build: _write_sitemap"),
            ):
                timers.wrap(owner, name, label)
            timers.wrap(plugin, "build_search_index", "on_post_build: build_search_index")
            # MkDocs holds bound plugin methods: time the events through the collection.
            timers.wrap(PluginCollection, "on_config", "on_config (whole event)")
            timers.wrap(PluginCollection, "on_files", "on_files: File.generated")
            timers.wrap(PluginCollection, "on_env", "on_env: shells, pages written aside")
            timers.wrap(PluginCollection, "on_post_build", "on_post_build: sitemap, search index")
            for module, name, label in _INSIDE_ON_CONFIG:
                if module in sys.modules:
                    timers.wrap(sys.modules[module], name, label)
            timers.wrap(Page, "read_source", "per page: read_source (front matter)")
            timers.wrap(Page, "render", "per page: Markdown -> HTML (Page.render)")
            timers.wrap(mk_build, "_build_page", build_page)
            timers.wrap(mk_utils, "write_file", write)
            timers.wrap(
                Files, "copy_static_files", "copy static files (and generated non-page files)"
            )
            start = time.perf_counter()
            cpu_start = time.process_time()
            mk_build.build(config)
            wall = time.perf_counter() - start
            cpu = time.process_time() - cpu_start
        pages, site_mb = site_figures(site)

    got, walls = dict(timers.seconds), dict(timers.wall)
    for table in (got, walls):  # write_file runs inside _build_page
        table[build_page] = table.get(build_page, 0.0) - table.get(write, 0.0)
    nested = [
        "on_config: load_dataset",
        _INSIDE_ON_CONFIG[0][2],
        "on_config: file_dates",
        "on_config: compute",
        "on_config: generate_pages",
        *(label for _, _, label in _INSIDE_ON_CONFIG[1:]),
        "on_config: site_files",
        "on_config: render_wards",
        "on_config: write_site_archive",
    ]
    nested += [
        "on_env: _make_shells",
        "on_env: _write_direct (pages written aside)",
        "on_post_build: _write_sitemap",
        "on_post_build: build_search_index",
    ]
    inside = {label: got.pop(label) for label in nested if label in got}
    measured = sum(got.values())
    print(f"pages={pages} seconds={wall:.1f} cpu_seconds={cpu:.1f} site_mb={site_mb:.1f}")
    print("\nWhere the time goes (timers, no profiler; % of the build's CPU time):")
    print(f"  {'CPU s':>7} {'share':>6} {'wall s':>7}  step")
    for label, seconds in sorted(got.items(), key=lambda kv: -kv[1]):
        print(f"  {seconds:7.2f} {100 * seconds / cpu:5.1f}% {walls[label]:7.2f}  {label}")
    print(f"  {cpu - measured:7.2f} {100 * (cpu - measured) / cpu:5.1f}%  {'':7}  everything else")
    print("Inside on_config, on_env and on_post_build (already counted above):")
    for label, seconds in inside.items():
        print(f"  {seconds:7.2f} {100 * seconds / cpu:5.1f}% {walls[label]:7.2f}  {label}")
    gc_total = sum(timers.gc_seconds.values())
    by_generation = ", ".join(f"gen {g}: {s:.2f} s" for g, s in sorted(timers.gc_seconds.items()))
    print(
        f"Garbage collector, inside the steps above: {gc_total:.2f} s "
        f"({100 * gc_total / cpu:.1f}%; {by_generation})"
    )


def profile(size: int, top: int, keep: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory(prefix="province-profile-") as tmp:
        work = Path(tmp)
        print(f"[profile] generating {wards_for(size)} wards...", file=sys.stderr)
        config_file = prepare(work, size)
        site = (OUT_DIR / f"profile-site-{size}") if keep else work / "site"
        logging.basicConfig(level=logging.WARNING)
        config = load_config(config_file=str(config_file), site_dir=str(site))
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        build(config)
        profiler.disable()
        wall = time.perf_counter() - start
        pages, site_mb = site_figures(site)
        if keep:
            profiler.dump_stats(OUT_DIR / f"profile-{size}.prof")

    stats_obj = pstats.Stats(profiler)
    stats: dict[Func, tuple] = stats_obj.stats  # type: ignore[attr-defined]
    total = _inclusive(stats, _fn("mkdocs/commands/build.py", "build")) or wall
    print(f"pages={pages} seconds={wall:.1f} (under cProfile; inflated) site_mb={site_mb:.1f}")

    print("\nBy phase (inclusive time; phases overlap only where noted):")
    for label, seconds in _phases(stats):
        if seconds == 0:
            continue  # a step this version of site_builder does not have
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f}%  {label}")

    print("\nBy package (self time; generic built-ins charged to their caller):")
    by_category = sorted(_self_time_by_category(stats).items(), key=lambda kv: -kv[1])
    for label, seconds in by_category:
        if seconds >= 0.005 * total:
            print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f}%  {label}")

    print(f"\nTop {top} by cumulative time:")
    print(f"  {'cumul s':>8} {'self s':>7} {'calls':>9}  function")
    rows = sorted(stats.items(), key=lambda kv: -kv[1][3])
    shown = 0
    for (path, line, name), (_, calls, tt, ct, _) in rows:
        if path == "~" and name.startswith("<method 'enable'"):
            continue
        where = name if path == "~" else f"{_where(path)}:{line} {name}"
        print(f"  {ct:8.2f} {tt:7.2f} {calls:9d}  {where[:110]}")
        shown += 1
        if shown == top:
            break


# --- Command line -----------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected page counts like 1000,2000: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive page counts")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="approximate page counts, comma-separated (default: %(default)s)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="builds per size; seconds is the best, memory the largest",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help=f"keep sites, data and configs in {OUT_DIR.relative_to(HERE)}/",
    )
    parser.add_argument(
        "--profile",
        nargs="?",
        type=int,
        const=PROFILE_SIZE,
        metavar="PAGES",
        help=f"profile one in-process build (default {PROFILE_SIZE} pages)",
    )
    parser.add_argument(
        "--phases",
        nargs="?",
        type=int,
        const=PROFILE_SIZE,
        metavar="PAGES",
        help=f"time the main steps of one in-process build, no profiler (default {PROFILE_SIZE})",
    )
    parser.add_argument(
        "--warm-phases",
        action="store_true",
        help="with --phases: time the warm rebuild after one ward's edit instead",
    )
    parser.add_argument("--top", type=int, default=25, help="entries in the profile listing")
    parser.add_argument(
        "--no-warm",
        action="store_true",
        help="skip the warm rebuild after one ward's edit",
    )
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="skip the bare MkDocs + Material build of as many plain pages",
    )
    parser.add_argument(
        "--no-search",
        action="store_true",
        help="build without the Pagefind index (the plugin's search_index: false)",
    )
    parser.add_argument(
        "--repo",
        type=Path,
        default=HERE,
        help="source tree to measure (site_builder, mkdocs.yml, content/, "
        "overrides/, fixture); default: this repository",
    )
    args = parser.parse_args(argv)
    global REPO_ROOT, SEARCH
    REPO_ROOT = args.repo.resolve()
    SEARCH = not args.no_search
    if not (REPO_ROOT / "site_builder" / "plugin.py").is_file():
        parser.error(f"--repo {args.repo}: no site_builder/plugin.py there")
    if args.keep:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
    if args.phases is not None:
        phases(args.phases, args.keep, warm=args.warm_phases)
    elif args.profile is not None:
        profile(args.profile, args.top, args.keep)
    else:
        run_sizes(
            args.sizes,
            max(1, args.repeat),
            args.keep,
            warm=not args.no_warm,
            baseline=not args.no_baseline,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
