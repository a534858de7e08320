"""Command line for staff and maintainers: `site-builder <command>` or `python -m site_builder`.

- `validate`: check `data/`, print every problem, exit 1 if there is any.
- `build`: validate, build the site with MkDocs into a temporary folder, and only then
  replace `site/`, so a failed build leaves the previous site exactly as it was.
- `export`: write the whole site as plain files (Markdown pages, downloads, assets, a
  plugin-free mkdocs.yml) for a generator without our plugin (export.py).
- `search-index`: index any built site with Pagefind, as the plugin does after a build.
- `schema`: regenerate the JSON Schemas (`--check` fails when they are stale).
- `docs`: regenerate the staff reference pages (`--check` fails when they are stale).
- `downloads`: write every open-data file (CSV, JSON, XLSX, ZIP, schemas) to a folder.
- `export-xlsx`, `import-xlsx`: the Excel round-trip of one ward (excel.py).
- `add-measurement`, `add-status`: append a measured value (the first one of a target
  creates its series) or a project status change or milestone, keeping every other
  byte of the YAML (edit.py).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .computed import ComputedWard
from .downloads import schema_files, write_site_files
from .edit import Written, add_measurement, add_status
from .errors import DataErrors, Invalid
from .excel import export_workbook, import_workbook
from .export import ExportError, export_site
from .generate import compute
from .history import file_dates
from .load import load_dataset
from .model import period_bounds
from .national import NationalError, Province, write_national_site
from .reference import stale_pages, write_pages
from .schema import stale_schemas, write_schemas
from .search_index import PART_PAGES, SearchIndexError, build_search_index, describe


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
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            args.config,
            "-d",
            str(work / "site"),
            *args.mkdocs_args,
        ]
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
    out = args.dir or args.out
    if not out:
        print("Cần thư mục đích: site-builder export DIR", file=sys.stderr)
        return 2
    try:
        written = export_site(
            Path(args.config),
            Path(args.data),
            Path(out),
            as_of=args.as_of,
            wards=args.ward or None,
            vendor_dir=Path(args.vendor_dir) if args.vendor_dir else None,
        )
    except DataErrors as exc:
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    except ExportError as exc:
        print(f"Không xuất được: {exc}", file=sys.stderr)
        return 1
    print(
        f"Đã xuất {written.pages} trang tạo từ dữ liệu, {written.content_pages} trang viết tay, "
        f"{written.downloads} tệp dữ liệu mở và {written.static_files} tệp khác vào {out} "
        f"(xây dựng: cd {out} && mkdocs build)"
    )
    return 0


def _search_index(args: argparse.Namespace) -> int:
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}: không phải trang đã xây dựng (thiếu index.html)", file=sys.stderr)
        return 1
    try:
        parts = build_search_index(site, part_pages=args.part_pages)
    except SearchIndexError as exc:
        print(f"Không lập được chỉ mục tìm kiếm: {exc}", file=sys.stderr)
        return 1
    print(f"Đã lập chỉ mục tìm kiếm của {site}: {describe(parts)}")
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


_NOTHING_WRITTEN = "Không tệp dữ liệu nào bị sửa."


def _computed_wards(args: argparse.Namespace) -> list[ComputedWard]:
    """Load, date (git history) and assess the wards asked for; raises `DataErrors`."""
    dataset = load_dataset(Path(args.data), args.ward or None)
    dates = file_dates(path for ward in dataset.wards for path in ward.files)
    return compute(dataset, args.as_of, dates)


def _downloads(args: argparse.Namespace) -> int:
    try:
        wards = _computed_wards(args)
    except DataErrors as exc:
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    out = Path(args.out)
    sizes = write_site_files(wards, schema_files(Path(args.data)), out, args.site_url)
    print(f"{len(sizes)} tệp dữ liệu mở ({sum(sizes.values())} byte) đã ghi vào {out}")
    return 0


def _province(text: str) -> Province:
    province_id, sep, name = text.partition("=")
    if not sep or not province_id or not name.strip():
        raise argparse.ArgumentTypeError(f"'{text}': dạng ID=TÊN, ví dụ ha-noi='Thành phố Hà Nội'")
    return Province(province_id.strip(), name.strip())


def _national(args: argparse.Namespace) -> int:
    out = Path(args.out)
    try:
        written = write_national_site(out, args.province, args.title)
    except NationalError as exc:
        print(f"Không ghi được trang toàn quốc: {exc}", file=sys.stderr)
        return 1
    print(f"Đã ghi trang toàn quốc ({len(args.province)} tỉnh, thành phố): {written[0]}")
    return 0


def _export_xlsx(args: argparse.Namespace) -> int:
    args.ward = [args.ward]
    try:
        wards = _computed_wards(args)
    except DataErrors as exc:
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    if not wards:
        print(f"Không có phường '{args.ward[0]}' trong {args.data}.", file=sys.stderr)
        return 1
    out = Path(args.out or f"{args.ward[0]}.xlsx")
    out.write_bytes(export_workbook(wards[0]))
    print(f"Đã xuất {out}")
    return 0


def _import_xlsx(args: argparse.Namespace) -> int:
    try:
        result = import_workbook(Path(args.data), args.ward, Path(args.file))
    except DataErrors as exc:
        print(exc.report(args.lang), file=sys.stderr)
        print(_NOTHING_WRITTEN, file=sys.stderr)
        return 1
    if not result.written:
        print("Tệp Excel khớp với dữ liệu: không có gì thay đổi.")
        return 0
    for path in result.written:
        print(f"Đã cập nhật {path} ({result.changes[path.name]} thay đổi)")
    return 0


def _added(written: Written, what: str) -> int:
    lines = ", ".join(str(n) for n in written.lines)
    print(f"Đã thêm {what}: {written.path} dòng {lines}.")
    return 0


def _add_measurement(args: argparse.Namespace) -> int:
    if args.value is None and args.value_text is None:
        print("Cần --value hoặc --value-text.", file=sys.stderr)
        return 2
    try:
        written = add_measurement(
            Path(args.data),
            args.ward,
            args.series,
            period=args.period,
            value=args.value,
            value_text=args.value_text,
            document=args.document,
            quote=args.quote,
            section=args.section,
            row=args.row,
            page=args.page,
            note=args.note,
            flags=args.flag or [],
        )
    except DataErrors as exc:
        print(exc.report(args.lang), file=sys.stderr)
        print(_NOTHING_WRITTEN, file=sys.stderr)
        return 1
    return _added(written, f"số liệu kỳ {args.period} vào chuỗi {args.series}")


def _add_status(args: argparse.Namespace) -> int:
    if args.status is None and args.milestone is None:
        print("Cần --status, --milestone hoặc cả hai.", file=sys.stderr)
        return 2
    try:
        written = add_status(
            Path(args.data),
            args.ward,
            args.project,
            when=args.date,
            status=args.status,
            source=args.source,
            note=args.note,
            milestone=args.milestone,
            planned=args.planned,
        )
    except DataErrors as exc:
        print(exc.report(args.lang), file=sys.stderr)
        print(_NOTHING_WRITTEN, file=sys.stderr)
        return 1
    what = [f"trạng thái '{args.status}'"] if args.status else []
    what += [f"mốc “{args.milestone}”"] if args.milestone else []
    return _added(written, f"{' và '.join(what)} của dự án {args.project}")


def _day(text: str) -> date:
    """`2026-03-01` or `01/03/2026`, as staff write dates."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{text}': ngày dạng 2026-03-01 hoặc 01/03/2026")


def _period(text: str) -> str:
    try:
        period_bounds(text)
    except Invalid as error:
        raise argparse.ArgumentTypeError(error.words.vi) from None
    return text


def _staff_commands(sub: Any, data_options: Any) -> None:
    """Open data and staff tooling: downloads, Excel round-trip, measurements, statuses."""

    def one_ward(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument("--data", default="data", help="data folder (default: data)")
        cmd.add_argument("--ward", required=True, help="ward id")
        cmd.add_argument("--lang", choices=["vi", "en"], default="vi", help="message language")

    def as_of(cmd: argparse.ArgumentParser) -> None:
        cmd.add_argument(
            "--as-of",
            type=date.fromisoformat,
            default=date.today(),
            help="date statuses are computed at, YYYY-MM-DD (default: today)",
        )

    dl = sub.add_parser("downloads", help="write every open-data download to a folder")
    data_options(dl)
    as_of(dl)
    dl.add_argument("--out", required=True, help="output folder")
    dl.add_argument("--site-url", default="", help="site address for page links in the data")
    dl.set_defaults(run=_downloads)
    ex = sub.add_parser("export-xlsx", help="export a ward to an Excel workbook")
    one_ward(ex)
    as_of(ex)
    ex.add_argument("--out", help="output file (default: <ward>.xlsx)")
    ex.set_defaults(run=_export_xlsx)
    im = sub.add_parser("import-xlsx", help="apply an edited workbook to the ward's YAML")
    one_ward(im)
    im.add_argument("file", help="the edited .xlsx file")
    im.set_defaults(run=_import_xlsx)
    am = sub.add_parser("add-measurement", help="add a measured value to a series")
    one_ward(am)
    am.add_argument(
        "--series",
        required=True,
        help="series id (series.yaml), or a target id: its whole-ward series, which the "
        "first measurement creates",
    )
    am.add_argument(
        "--period", required=True, type=_period, help="2026, 2026-Q2, 2026-06 or 2026-06-30"
    )
    am.add_argument("--value", type=float, help="the number, with a dot: 1.5")
    am.add_argument("--value-text", help='the value as printed: "1,5"')
    am.add_argument("--document", required=True, help="document id (ward.yaml)")
    am.add_argument("--quote", required=True, help="exact quote from the document")
    am.add_argument("--section", help="section as printed")
    am.add_argument("--row", help="row as printed")
    am.add_argument("--page", type=int, help="page number")
    am.add_argument("--note", help="note shown beside the value")
    am.add_argument(
        "--flag",
        action="append",
        choices=["estimate", "preliminary", "break"],
        help="estimate, preliminary or break (repeatable)",
    )
    am.set_defaults(run=_add_measurement)
    st = sub.add_parser("add-status", help="add a dated status change to a project")
    one_ward(st)
    st.add_argument("--project", required=True, help="project id (projects.yaml)")
    st.add_argument("--date", required=True, type=_day, help="2026-03-01 or 01/03/2026")
    st.add_argument(
        "--status",
        choices=["not_started", "in_progress", "completed", "paused", "cancelled"],
        help="the new status (give --status, --milestone or both)",
    )
    st.add_argument("--source", required=True, help="basis: document, report or meeting")
    st.add_argument("--note", help="note shown on the timeline (with --status)")
    st.add_argument(
        "--milestone", help='a milestone reached on --date, as text: "Khởi công", "Bàn giao"'
    )
    st.add_argument(
        "--planned",
        action="store_true",
        help="the milestone is planned for --date, not yet reached",
    )
    st.set_defaults(run=_add_status)


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
    e = sub.add_parser(
        "export",
        help="write the whole site (pages, downloads, assets, plugin-free mkdocs.yml) for "
        "any Markdown generator",
    )
    data_options(e)
    e.add_argument("dir", nargs="?", help="output folder (new, empty or an earlier export)")
    e.add_argument("--out", help="output folder (the same as DIR)")
    e.add_argument("--config", default="mkdocs.yml", help="the site's MkDocs config file")
    e.add_argument(
        "--vendor-dir", help="npm's folder with plotly.js (default: node_modules beside --config)"
    )
    e.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=date.today(),
        help="date statuses are computed at, YYYY-MM-DD (default: today)",
    )
    e.set_defaults(run=_export)
    si = sub.add_parser(
        "search-index", help="index a built site with Pagefind, as the plugin does after a build"
    )
    si.add_argument("site", help="the built site's folder")
    si.add_argument(
        "--part-pages",
        type=int,
        default=PART_PAGES,
        help=f"most pages in one part of the index (default: {PART_PAGES})",
    )
    si.set_defaults(run=_search_index)
    s = sub.add_parser("schema", help="regenerate the JSON Schemas of the data files")
    s.add_argument("--data", default="data", help="data folder (default: data)")
    s.add_argument("--check", action="store_true", help="fail if the schemas are stale")
    s.set_defaults(run=_schema)
    d = sub.add_parser("docs", help="regenerate the staff reference pages in docs/")
    d.add_argument("--docs", default="docs", help="docs folder (default: docs)")
    d.add_argument("--check", action="store_true", help="fail if the pages are stale")
    d.set_defaults(run=_docs)
    n = sub.add_parser("national", help="write the national search page above province sites")
    n.add_argument("--out", required=True, help="folder holding one site per province, <id>/")
    n.add_argument(
        "--province",
        action="append",
        required=True,
        type=_province,
        metavar="ID=NAME",
        help="a province's folder and name, in the order listed (repeatable)",
    )
    n.add_argument("--title", help="page title (default: the national title label)")
    n.set_defaults(run=_national)
    _staff_commands(sub, data_options)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `site-builder` console script."""
    args = parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
