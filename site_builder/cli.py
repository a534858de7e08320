"""Command line for staff and maintainers: `site-builder <command>` or `python -m site_builder`.

- `validate`: check `data/`, print every problem, exit 1 if there is any.
- `build`: validate, build the site with MkDocs into a temporary folder, and only then
  replace `site/`, so a failed build leaves the previous site exactly as it was.
- `export`: write the generated pages as Markdown files (to move to another generator).
- `schema`: regenerate the JSON Schemas (`--check` fails when they are stale).
- `docs`: regenerate the staff reference pages (`--check` fails when they are stale).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from .errors import DataErrors
from .generate import compute, generate_pages
from .load import load_dataset
from .reference import stale_pages, write_pages
from .schema import stale_schemas, write_schemas


def _validate(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(Path(args.data), args.ward or None)
    except DataErrors as exc:
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{w.ward.id}: {len(w.targets)} chỉ tiêu, {len(w.projects)} dự án" for w in dataset.wards
    )
    print(f"Dữ liệu hợp lệ ({counts}).")
    return 0


def _build(args: argparse.Namespace) -> int:
    if _validate(args) != 0:
        print("Không xây dựng trang: sửa lỗi dữ liệu trước. site/ giữ nguyên.", file=sys.stderr)
        return 1
    site = Path(args.site_dir).resolve()
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict",
                   "-f", args.config, "-d", str(work / "site"), *args.mkdocs_args]
        if subprocess.run(command, check=False).returncode != 0:
            print("Xây dựng thất bại; site/ giữ nguyên.", file=sys.stderr)
            return 1
        old = work / "previous"
        if site.exists():
            site.rename(old)
        (work / "site").rename(site)
        print(f"Đã xây dựng {site}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _export(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(Path(args.data), args.ward or None)
    except DataErrors as exc:
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    out = Path(args.out)
    pages = generate_pages(compute(dataset, args.as_of))
    for page in pages:
        path = out / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown(), encoding="utf-8")
    print(f"{len(pages)} trang Markdown đã ghi vào {out}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    data = Path(args.data)
    if args.check:
        stale = stale_schemas(data)
        if stale:
            print(f"Lược đồ cũ: {', '.join(stale)}; chạy `site-builder schema`.", file=sys.stderr)
            return 1
        return 0
    for path in write_schemas(data):
        print(path)
    return 0


def _docs(args: argparse.Namespace) -> int:
    docs = Path(args.docs)
    if args.check:
        stale = stale_pages(docs)
        if stale:
            print(f"Tài liệu cũ: {', '.join(stale)}; chạy `site-builder docs`.", file=sys.stderr)
            return 1
        return 0
    for path in write_pages(docs):
        print(path)
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the docs test to list commands)."""
    p = argparse.ArgumentParser(prog="site-builder", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    def data_options(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument("--data", default="data", help="data folder (default: data)")
        cmd.add_argument("--ward", action="append", help="only this ward id (repeatable)")
        cmd.add_argument("--lang", choices=["vi", "en"], default="vi", help="message language")

    v = sub.add_parser("validate", help="check data/ and list every problem")
    data_options(v)
    v.set_defaults(run=_validate)
    b = sub.add_parser("build", help="validate, then build site/ atomically")
    data_options(b)
    b.add_argument("--config", default="mkdocs.yml", help="MkDocs config file")
    b.add_argument("--site-dir", default="site", help="output folder (default: site)")
    b.add_argument("mkdocs_args", nargs="*", help="extra arguments for mkdocs build")
    b.set_defaults(run=_build)
    e = sub.add_parser("export", help="write generated pages as Markdown files")
    data_options(e)
    e.add_argument("--out", required=True, help="output folder")
    e.add_argument("--as-of", type=date.fromisoformat, default=date.today(),
                   help="date statuses are computed at, YYYY-MM-DD (default: today)")
    e.set_defaults(run=_export)
    s = sub.add_parser("schema", help="regenerate the JSON Schemas of the data files")
    s.add_argument("--data", default="data", help="data folder (default: data)")
    s.add_argument("--check", action="store_true", help="fail if the schemas are stale")
    s.set_defaults(run=_schema)
    d = sub.add_parser("docs", help="regenerate the staff reference pages in docs/")
    d.add_argument("--docs", default="docs", help="docs folder (default: docs)")
    d.add_argument("--check", action="store_true", help="fail if the pages are stale")
    d.set_defaults(run=_docs)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `site-builder` console script."""
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
