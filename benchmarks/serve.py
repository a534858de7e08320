"""Time `mkdocs serve` from a one-ward edit to the updated page, on a synthetic province.

Builds the province of benchmarks/province.py (the fixture ward copied N times), starts
`python -m mkdocs serve` on it, waits for the first build, then changes the full name of
the first ward in its ward.yaml (its page's title; the short name is not on that page)
and polls that ward's page until it shows the new name.
Prints one line per edit:

    pages=1009 first_build_seconds=9.8 edit=1 updated_seconds=4.2

`updated_seconds` runs from the write of the YAML file to the first response with the
new name (MkDocs' watcher, the rebuild, the served file). Every edit is a new name, so
each one is a real change.

Usage (from the repository root):

    .venv/bin/python benchmarks/serve.py --pages 1000 --edits 3
    .venv/bin/python benchmarks/serve.py --pages 12000 --no-search
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import province  # noqa: E402  (the synthetic province, shared with make bench)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at `url` contains `text`; exits on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"serve benchmark: {url} did not show {text!r} within {timeout:.0f} s")


def rename(data_dir: Path, n: int) -> str:
    """Give the first ward a new full name (its page's title and heading); returns it."""
    path = data_dir / "wards" / province.ward_id(1) / "ward.yaml"
    text = path.read_text(encoding="utf-8")
    name = f"Thử Nghiệm 0001 sửa {n}"
    edited, count = re.subn(
        r'(?m)^  full_name: ".*"$', f'  full_name: "Phường {name} (hư cấu)"', text, count=1
    )
    if count != 1:
        raise SystemExit("serve benchmark: no full_name line in the first ward's ward.yaml")
    path.write_text(edited, encoding="utf-8")
    return name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="about this many pages")
    parser.add_argument("--edits", type=int, default=3, help="edits to time, one after another")
    parser.add_argument("--no-search", action="store_true", help="serve without Pagefind")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait per step")
    args = parser.parse_args(argv)
    province.SEARCH = not args.no_search
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        work = Path(tmp)
        print(f"generating {province.wards_for(args.pages)} wards...", file=sys.stderr)
        config = province.prepare(work, args.pages)
        port = free_port()
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(config),
            "-a",
            f"127.0.0.1:{port}",
            # Not --no-livereload: MkDocs 1.6 then watches nothing and never rebuilds.
        ]
        env = {**os.environ, "PYTHONPATH": str(province.REPO_ROOT)}
        with (work / "serve.log").open("wb") as log:
            server = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, cwd=province.REPO_ROOT, env=env
            )
            try:
                url = f"http://127.0.0.1:{port}/{province.ward_id(1)}/"  # urls.ward
                first = wait_for(url, "Thử Nghiệm 0001", args.timeout)
                pages = (
                    province.wards_for(args.pages) * province.PAGES_PER_WARD * province.languages()
                )
                print(f"pages≈{pages} first_build_seconds={first:.1f}", flush=True)
                for n in range(1, args.edits + 1):
                    time.sleep(1.0)  # let the watcher settle after the last rebuild
                    name = rename(work / "data", n)
                    seconds = wait_for(url, name, args.timeout)
                    print(f"edit={n} updated_seconds={seconds:.2f}", flush=True)
            finally:
                server.terminate()
                server.wait(timeout=30)
        if server.returncode not in (0, -15):
            sys.stderr.write((work / "serve.log").read_text(errors="replace")[-3000:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
