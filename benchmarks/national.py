"""Simulate the national site: N synthetic provinces built in parallel jobs, one search.

Each province is a separate site, as on CI where every province is its own job
(docs/maintainers/scale.md): its own data folder (the benchmark's synthetic wards,
benchmarks/province.py, renamed per province), its own `mkdocs build` in a child
process with `SITE_URL` set to its sub-path, its own Pagefind bundle. At most `--jobs`
builds run at a time. The national page (site_builder/national.py) is then written
above them, and merges the provinces' bundles in the browser.

Output folder (`benchmarks/out/national/` by default), laid out as on the host:

    index.html, national.js, national.css    the national page
    tinh-01/ ... tinh-NN/                     one province's site each

One line per province on stdout, then the total:

    province=tinh-01 wards=2 pages=34 seconds=6.1 cpu_seconds=5.2 peak_rss_mb=160
    provinces=3 pages=102 seconds=13.0 jobs=2

`--measure` then opens the national page in Chromium and prints the first merged query's
requests, bytes and time to the first result (benchmarks/search_transfer.py).

Usage (from the repository root; `make national-sim ARGS='...'` passes ARGS through):

    .venv/bin/python benchmarks/national.py                      # 3 provinces x 2 wards
    .venv/bin/python benchmarks/national.py --provinces 4 --wards 40 --jobs 2 --measure
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO_ROOT))

import province as synthetic  # noqa: E402  (benchmarks/province.py)

from site_builder.national import Province, write_national_site  # noqa: E402

OUT_DIR = REPO_ROOT / "benchmarks" / "out" / "national"
SITE_NAME = "site_name: Cam kết phường 2025-2030"


@dataclass(frozen=True)
class ProvinceBuild:
    """One province's build, as measured."""

    province: Province
    wards: int
    pages: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float


# Made-up province names (one with "Đ", which only the folded field finds as "d").
NAMES = ("Bắc Mẫu", "Đông Mẫu", "Nam Mẫu", "Tây Mẫu", "Trung Mẫu")


def province_list(count: int) -> list[Province]:
    """`count` made-up provinces: `tinh-01` "Tỉnh Bắc Mẫu", `tinh-02` "Tỉnh Đông Mẫu", ..."""
    names = [NAMES[n] if n < len(NAMES) else f"Mẫu {n + 1}" for n in range(count)]
    return [Province(f"tinh-{n + 1:02d}", f"Tỉnh {name}") for n, name in enumerate(names)]


def make_province_data(data_dir: Path, province: Province, wards: int) -> None:
    """The synthetic wards of benchmarks/province.py, named after `province`."""
    synthetic.make_province(data_dir, wards)
    suffix = province.name.removeprefix("Tỉnh ")
    for ward_yaml in sorted(data_dir.glob("wards/*/ward.yaml")):
        text = ward_yaml.read_text(encoding="utf-8")
        text, names = re.subn(
            r'(?m)^(  (?:full_)?name: "[^"\n]*?)( \(hư cấu\))?"$',
            lambda m: f'{m.group(1)}, {suffix}{m.group(2) or ""}"',
            text,
        )
        if names != 2:
            raise SystemExit(f"national: {ward_yaml}: expected name and full_name, found {names}")
        ward_yaml.write_text(text, encoding="utf-8")


def write_province_config(work: Path, data_dir: Path, province: Province) -> Path:
    """The benchmark's mkdocs.yml for this province, with the province in the site name."""
    config = synthetic.write_config(work, data_dir)
    text = config.read_text(encoding="utf-8")
    if text.count(SITE_NAME) != 1:
        raise SystemExit(f"national: mkdocs.yml no longer has one {SITE_NAME!r}")
    config.write_text(text.replace(SITE_NAME, f"{SITE_NAME} · {province.name}"), encoding="utf-8")
    return config


def build_province(
    province: Province, wards: int, out_dir: Path, base_url: str, processes: int
) -> ProvinceBuild:
    """Generate, then build one province's site into `out_dir/<id>/` in a child process."""
    with tempfile.TemporaryDirectory(prefix=f"national-{province.id}-") as tmp:
        work = Path(tmp)
        data_dir = work / "data"
        make_province_data(data_dir, province, wards)
        config = write_province_config(work, data_dir, province)
        site = out_dir / province.id
        if site.exists():
            shutil.rmtree(site)
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(config),
            "-d",
            str(site),
        ]
        env = {
            **os.environ,
            "SITE_URL": f"{base_url}{province.path}",
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])
            ),
        }
        if processes:
            text = config.read_text(encoding="utf-8")
            config.write_text(
                text.replace(
                    "      data_dir:", f"      processes: {processes}\n      data_dir:", 1
                ),
                encoding="utf-8",
            )
        log_file = work / "build.log"
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
            raise SystemExit(f"national: the build of {province.id} failed")
    pages, _ = synthetic.site_figures(site)
    return ProvinceBuild(
        province,
        wards,
        pages,
        seconds,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
    )


def build_national(
    out_dir: Path,
    provinces: list[Province],
    wards: int,
    *,
    jobs: int = 2,
    base_url: str = "http://127.0.0.1:8000/",
    processes: int = 0,
) -> list[ProvinceBuild]:
    """Every province's site, `jobs` at a time, then the national page above them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        builds = list(
            pool.map(lambda p: build_province(p, wards, out_dir, base_url, processes), provinces)
        )
    write_national_site(out_dir, provinces)
    return builds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--provinces", type=int, default=3, help="provinces (default %(default)s)")
    parser.add_argument(
        "--wards", type=int, default=2, help="wards per province (default %(default)s)"
    )
    parser.add_argument(
        "--jobs", type=int, default=2, help="builds at a time (default %(default)s)"
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=0,
        help="worker processes per build (default: one per core)",
    )
    parser.add_argument(
        "--out", type=Path, default=OUT_DIR, help="output folder (default %(default)s)"
    )
    parser.add_argument("--measure", action="store_true", help="time one merged query in Chromium")
    parser.add_argument(
        "--query", default="ho ngheo", help="query for --measure (default %(default)s)"
    )
    args = parser.parse_args(argv)
    if args.provinces < 1 or args.wards < 1:
        parser.error("--provinces and --wards must be at least 1")
    provinces = province_list(args.provinces)
    start = time.perf_counter()
    builds = build_national(
        args.out, provinces, args.wards, jobs=args.jobs, processes=args.processes
    )
    total = time.perf_counter() - start
    for build in builds:
        print(
            f"province={build.province.id} wards={build.wards} pages={build.pages} "
            f"seconds={build.seconds:.1f} cpu_seconds={build.cpu_seconds:.1f} "
            f"peak_rss_mb={build.peak_rss_mb:.0f}",
            flush=True,
        )
    pages = sum(build.pages for build in builds)
    print(f"provinces={len(builds)} pages={pages} seconds={total:.1f} jobs={args.jobs}", flush=True)
    if args.measure:
        from search_transfer import measure

        figures = measure(args.out.resolve(), "", args.query)
        print(" ".join(f"{k}={v!r}" if k == "query" else f"{k}={v}" for k, v in figures.items()))
    print(f"national site in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
