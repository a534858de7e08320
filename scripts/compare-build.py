#!/usr/bin/env python3
"""Compare two built sites file by file: same paths, same bytes.

    scripts/compare-build.py SITE_A SITE_B [--show 20] [--exclude pagefind/]

Exit status 0 when both folders hold the same files with the same bytes, 1 otherwise,
with the paths only in one side and the paths whose bytes differ (for a text file, the
first differing line of each). Used to check that a change to the build (a cache, a
faster writer) leaves the output as it was: build the old code and the new into two
folders from the same data with the same `data_as_of`, then compare.

Example, the real data at main's HEAD against the working tree:

    git archive main | tar -x -C /tmp/main-src
    (cd /tmp/main-src && ln -s /work/wt15/node_modules && \
        PYTHONPATH=. /work/wt15/.venv/bin/python -m mkdocs build -d /tmp/site-main)
    .venv/bin/python -m mkdocs build -d /tmp/site-new
    scripts/compare-build.py /tmp/site-main /tmp/site-new
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path


def tree(root: Path) -> dict[str, Path]:
    """Every file under `root`, by its path relative to `root`."""
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def digest(path: Path) -> bytes:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).digest()


def first_difference(a: Path, b: Path) -> str:
    """Where two files first differ, for the listing."""
    try:
        left = a.read_text(encoding="utf-8").splitlines()
        right = b.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return f"binary, {a.stat().st_size} vs {b.stat().st_size} bytes"
    for number, (x, y) in enumerate(zip(left, right, strict=False), start=1):
        if x != y:
            return f"line {number}: {x[:120]!r} vs {y[:120]!r}"
    return f"{len(left)} vs {len(right)} lines"


def main(argv: list[str] | None = None) -> int:
    """Compare the two folders; 0 when identical."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--show", type=int, default=20, help="differences listed per kind")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PREFIX",
        help="leave out paths starting with PREFIX (e.g. pagefind/, whose filter and meta "
        "files differ between two runs on the same pages); repeatable",
    )
    args = parser.parse_args(argv)
    for folder in (args.a, args.b):
        if not folder.is_dir():
            parser.error(f"{folder} is not a folder")
    prefixes = tuple(args.exclude)
    a = {k: v for k, v in tree(args.a).items() if not (prefixes and k.startswith(prefixes))}
    b = {k: v for k, v in tree(args.b).items() if not (prefixes and k.startswith(prefixes))}
    only_a = sorted(a.keys() - b.keys())
    only_b = sorted(b.keys() - a.keys())
    changed = [p for p in sorted(a.keys() & b.keys()) if digest(a[p]) != digest(b[p])]
    print(f"{len(a)} files in {args.a}, {len(b)} in {args.b}")
    for label, paths in ((f"only in {args.a}", only_a), (f"only in {args.b}", only_b)):
        if paths:
            print(f"{len(paths)} {label}:")
            for path in paths[: args.show]:
                print(f"  {path}")
    if changed:
        print(f"{len(changed)} files differ:")
        for path in changed[: args.show]:
            print(f"  {path}: {first_difference(a[path], b[path])}")
    same = not (only_a or only_b or changed)
    print("identical" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
