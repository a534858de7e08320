"""Excel round-trip of one ward: export, edit in a spreadsheet, import back into the YAML.

The export is an XLSX laid out like the documents' appendices; the import writes the
staff's edits back into the YAML, checked, with errors located by cell.

Every data sheet has the same frame, so import reads columns by key, not by position:

- row 1: the title (ward, date the data last changed);
- row 2, hidden: the machine key of each column (`name`, `goal.value`, `key.series`);
- row 3: the Vietnamese headers;
- rows 4 and below: one row per item, group and table headings included.

Columns are of three sorts: *visible* columns are what the appendix prints and what
staff edit (text kept as text, numbers and dates written the Vietnamese way);
*read-only* columns (grey) show computed values and are ignored on import; *hidden*
columns hold ids and parsed values (`goal.value` as a number), so a row finds its
item again and an untouched number is read back exactly, not re-parsed from its
rounded Vietnamese display.

Import compares every editable cell with the loaded data and turns only differences
into edits (`yamlwrite`), made through `edit.commit`: the whole ward is checked on a
copy before anything is written, and a problem in an edited item is reported at the
cell that caused it. So importing an untouched export changes nothing. Rows of new
measurements and new status changes (no hidden key) are added, and a measurement
whose series column names a target creates that target's whole-ward series (its first
measurement); new targets or projects are refused (they need sources and quotes,
written in YAML); deleted rows are left alone.
"""

from __future__ import annotations

import io
import typing
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import InvalidOperation
from pathlib import Path
from typing import Any, Literal

import xlsxwriter
from babel.numbers import NumberFormatError, parse_decimal
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from xlsxwriter.format import Format

from .computed import ComputedWard
from .edit import ParentTargetError, all_targets, commit, load_ward, resolve_series
from .errors import KIND, DataError, DataErrors
from .fmt import LOCALE, day, number, number_with_unit, period
from .labels import t
from .load import WardData
from .model import (
    Comparator,
    Direction,
    Goal,
    Observation,
    ObservationFlag,
    Project,
    ProjectKind,
    ProjectMilestone,
    ProjectRow,
    ProjectStatus,
    Source,
    StatusChange,
    Target,
    TargetKind,
    Timeframe,
)
from .status import measuring_series
from .text import nfc
from .yamlread import Loc, format_loc
from .yamlwrite import Append, Edit, SetValue

FORMAT_VERSION = 1
META_SHEET = "_meta"
TARGETS_SHEET = "Chỉ tiêu"
PROJECTS_SHEET = "Dự án"
OBSERVATIONS_SHEET = "Số liệu"
STATUS_SHEET = "Trạng thái dự án"
MILESTONES_SHEET = "Mốc dự án"
GUIDE_SHEET = "Hướng dẫn"
KEY_ROW, HEADER_ROW, FIRST_ROW = 2, 3, 4

Sort = Literal["visible", "readonly", "hidden"]
CellType = Literal["text", "number", "int", "date", "choice", "choices"]


@dataclass(frozen=True)
class Column:
    """A column of a sheet: machine key, header, sort, how its cells are read."""

    key: str
    header: str
    sort: Sort = "visible"
    type: CellType = "text"
    width: float = 14
    choices: tuple[str, ...] = ()


def _choices(literal: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in typing.get_args(literal))


_GOAL_COLUMNS = [
    Column("goal.kind", "goal.kind", "hidden", "choice", choices=_choices(TargetKind)),
    Column("goal.comparator", "goal.comparator", "hidden", "choice", choices=_choices(Comparator)),
    Column("goal.value", "goal.value", "hidden", "number"),
    Column("goal.low", "goal.low", "hidden", "number"),
    Column("goal.high", "goal.high", "hidden", "number"),
    Column("goal.year", "goal.year", "hidden", "int"),
    Column("goal.start_year", "goal.start_year", "hidden", "int"),
    Column("goal.end_year", "goal.end_year", "hidden", "int"),
    Column("goal.direction", "goal.direction", "hidden", "choice", choices=_choices(Direction)),
]


def _target_columns(term_end: int) -> list[Column]:
    return [
        Column("code", t("col.code"), width=7),
        Column("name", t("xlsx.target_name"), width=60),
        Column("unit", t("col.unit"), width=10),
        Column("value_text", f"Đến năm {term_end}", width=16),
        Column("yearly_text", t("col.yearly"), width=16),
        Column("lead_unit", t("col.lead_unit"), width=28),
        Column("partners", t("col.partners"), width=28),
        Column("status_label", t("status.title"), "readonly", width=18),
        Column("latest", t("xlsx.latest"), "readonly", width=18),
        Column("series_key", t("xlsx.series_key"), "readonly", width=24),
        Column("row", "row", "hidden"),
        Column("id", "id", "hidden"),
        Column("parent", "parent", "hidden"),
        Column("group", "group", "hidden"),
        *_GOAL_COLUMNS,
        Column("status", "status", "hidden"),
    ]


_PROJECT_COLUMNS = [
    Column("code", t("col.code"), width=7),
    Column("name", t("xlsx.project_name"), width=60),
    Column("lead_unit", t("col.lead_unit"), width=28),
    Column("partners", t("col.partners"), width=28),
    Column("timeframe", t("col.timeframe"), width=16),
    Column("funding", t("col.funding"), width=22),
    Column("remark", t("col.note"), width=20),
    Column("status_label", t("status.title"), "readonly", width=18),
    Column("row", "row", "hidden"),
    Column("id", "id", "hidden"),
    Column("row_index", "row_index", "hidden", "int"),
    Column("table", "table", "hidden"),
    Column("kind", "kind", "hidden", "choice", choices=_choices(ProjectKind)),
    Column("timeframe.start", "timeframe.start", "hidden", "int"),
    Column("timeframe.end", "timeframe.end", "hidden", "int"),
]

_FLAG_CODES = _choices(ObservationFlag)
_OBSERVATION_COLUMNS = [
    Column("series", t("xlsx.series_id"), width=24),
    Column("series_name", t("col.series"), "readonly", width=30),
    Column("area", t("target.series_area"), "readonly", width=18),
    Column("target", t("xlsx.target"), "readonly", width=24),
    Column("period", t("xlsx.period"), width=12),
    Column("value", t("col.value"), type="number", width=12),
    Column("value_text", t("col.printed"), width=12),
    Column("flags", t("xlsx.flags"), type="choices", width=16, choices=_FLAG_CODES),
    Column("source.document", t("xlsx.document_id"), width=16),
    Column("source.section", t("source.section"), width=18),
    Column("source.row", t("source.row"), width=8),
    Column("source.page", t("source.page"), type="int", width=8),
    Column("source.quote", t("source.quote"), width=50),
    Column("note", t("col.note"), width=30),
    Column("value.parsed", "value.parsed", "hidden", "number"),
    Column("key.series", "key.series", "hidden"),
    Column("key.period", "key.period", "hidden"),
]

_STATUS_CODES = _choices(ProjectStatus)
_STATUS_COLUMNS = [
    Column("project", t("xlsx.project_id"), width=30),
    Column("project_name", t("xlsx.project_name"), "readonly", width=50),
    Column("date", t("doc.date"), type="date", width=12),
    Column("status", t("status.title"), type="choice", width=18, choices=_STATUS_CODES),
    Column("source", t("xlsx.basis"), width=40),
    Column("note", t("col.note"), width=30),
    Column("key.project", "key.project", "hidden"),
    Column("key.index", "key.index", "hidden", "int"),
]

_DONE = {"yes": True, "no": False}
_MILESTONE_COLUMNS = [
    Column("project", t("xlsx.project_id"), width=30),
    Column("project_name", t("xlsx.project_name"), "readonly", width=50),
    Column("date", t("doc.date"), type="date", width=12),
    Column("year", t("xlsx.year"), type="int", width=8),
    Column("text", t("xlsx.milestone"), width=50),
    Column("done", t("xlsx.done"), type="choice", width=12, choices=tuple(_DONE)),
    Column("source", t("xlsx.basis"), width=40),
    Column("key.project", "key.project", "hidden"),
    Column("key.index", "key.index", "hidden", "int"),
]

# Labels a choice cell may show instead of its code (status, flag and yes/no words).
_CHOICE_LABELS: dict[str, dict[str, str]] = {
    "status": {t(f"project_status.{c}"): c for c in _STATUS_CODES},
    "flags": {t(f"flag.{c}"): c for c in _FLAG_CODES},
    "done": {t("project.done"): "yes", t("project.not_done"): "no"},
}
# Key order of each model, so keys added to the YAML land where staff put them.
_ORDER = {
    "target": (*Target.model_fields, *Goal.model_fields),
    "row": (*ProjectRow.model_fields,),
    "project": (*Project.model_fields, *Timeframe.model_fields),
    "observation": (*Observation.model_fields, *Source.model_fields),
    "status": (*StatusChange.model_fields,),
    "milestone": (*ProjectMilestone.model_fields,),
    "group": ("id", "code", "name", "inferred", "description", "source"),
    "table": ("id", "number", "title", "inferred", "source", "notes"),
}

# XlsxWriter format properties; pattern 1 is a solid fill.
_HEADER_FILL = {"pattern": 1, "bg_color": "#DCE6F1"}
_READONLY_FILL = {"pattern": 1, "bg_color": "#EDEDED"}
_HEADING_FONT = {"bold": True}
_WRAP = {"text_wrap": True, "valign": "top"}


# Details of `wrong-type` and `xlsx-layout` errors, for staff.
_DETAILS = {
    "number": "cần một số viết kiểu Việt Nam, ví dụ 1.234,5",
    "integer": "cần một số nguyên",
    "date": "cần một ngày dạng 31/12/2025",
    "columns": "thiếu cột (hàng 2 ẩn): ",
    "sheet": "thiếu trang tính ",
    "ward": "tệp của phường '{found}', không phải '{ward}'",
}


# ---------------------------------------------------------------- export


class _Book:
    """The workbook being written and its cell formats, each made once.

    XlsxWriter writes a format per `add_format` call, so formats are cached by what they
    set; a data cell's format is named by the four things that vary.
    """

    def __init__(self, out: io.BytesIO, title: str, created: date) -> None:
        self.workbook = xlsxwriter.Workbook(out, {"in_memory": True})
        self.workbook.set_properties(
            {
                "title": title,
                "author": "site-builder",
                "created": datetime(created.year, created.month, created.day),
            }
        )
        self.formats: dict[tuple[tuple[str, Any], ...], Format] = {}
        self.cells: dict[tuple[bool, bool, bool, int], Format] = {}

    def format(self, **properties: Any) -> Format:
        key = tuple(sorted(properties.items()))
        cached = self.formats.get(key)
        if cached is None:
            cached = self.formats[key] = self.workbook.add_format(properties)
        return cached

    def cell_format(self, as_text: bool, readonly: bool, heading: bool, indent: int) -> Format:
        key = (as_text, readonly, heading, indent)
        if key not in self.cells:
            properties: dict[str, Any] = {**_WRAP, "indent": indent}
            if as_text:
                properties["num_format"] = "@"
            if readonly:
                properties.update(_READONLY_FILL)
            if heading:
                properties.update(_HEADING_FONT)
            self.cells[key] = self.format(**properties)
        return self.cells[key]


class _SheetWriter:
    """Writes one data sheet in the common frame (XlsxWriter rows and columns count from 0)."""

    def __init__(self, book: _Book, name: str, columns: Sequence[Column], title: str) -> None:
        self.book = book
        self.ws = book.workbook.add_worksheet(name)
        self.columns = list(columns)
        self.row = FIRST_ROW - 1
        self.ws.write_string(0, 0, title, book.format(bold=True, font_size=13))
        for i, col in enumerate(self.columns):
            self.ws.write_string(KEY_ROW - 1, i, col.key)
            fill = _READONLY_FILL if col.sort == "readonly" else _HEADER_FILL
            self.ws.write_string(
                HEADER_ROW - 1, i, col.header, book.format(**_HEADING_FONT, **fill, **_WRAP)
            )
            self.ws.set_column(i, i, col.width, None, {"hidden": col.sort == "hidden"})
        self.ws.set_row(KEY_ROW - 1, None, None, {"hidden": True})
        self.ws.freeze_panes(FIRST_ROW - 1, 0)

    def add(self, values: Mapping[str, Any], heading: bool = False, indent: int = 0) -> None:
        for i, col in enumerate(self.columns):
            value = values.get(col.key)
            as_text = col.type in ("text", "choice", "choices") or isinstance(value, str)
            style = self.book.cell_format(
                as_text,  # "@": Excel keeps "02" as typed
                col.sort == "readonly",
                heading,
                indent if col.key == "name" else 0,
            )
            if value is None:
                self.ws.write_blank(self.row, i, None, style)
            elif isinstance(value, str):
                self.ws.write_string(self.row, i, value, style)  # never a formula
            else:
                self.ws.write_number(self.row, i, value, style)
        self.row += 1

    def choice_list(self, key: str, labels: Sequence[str]) -> None:
        """A drop-down of `labels` on every row of column `key` (new rows included)."""
        index = next(i for i, c in enumerate(self.columns) if c.key == key)
        last = max(self.row, FIRST_ROW - 1) + 500
        rule = {
            "validate": "list",
            "source": list(labels),
            "ignore_blank": True,
            "show_error": False,
        }
        self.ws.data_validation(FIRST_ROW - 1, index, last, index, rule)


def _latest(computed: ComputedWard, target: Target) -> str | None:
    """The latest whole-ward measured value of a target, in words."""
    latest = computed.latest_measurement(target)
    if latest is None:
        return None
    when, value = latest
    return f"{number_with_unit(value, target.unit)} ({period(when)})"


def _series_key(computed: ComputedWard, target: Target) -> str | None:
    """What staff write in the measurements sheet's series column for this target.

    The id of its whole-ward series, or the target's own id when it has none yet (the
    first measurement creates it); nothing for a parent whose values are its children's.
    """
    if target.goal is None:
        return None
    series = measuring_series(target, computed.series_by_target.get(target.id, []))
    return series.id if series else target.id


def _goal_cells(goal: Goal | None) -> dict[str, Any]:
    if goal is None:
        return {}
    return {f"goal.{name}": getattr(goal, name) for name in Goal.model_fields}


def _target_rows(computed: ComputedWard) -> Iterator[tuple[dict[str, Any], bool, int]]:
    ward = computed.ward

    def walk(
        target: Target, parent: str | None, depth: int
    ) -> Iterator[tuple[dict[str, Any], bool, int]]:
        assessment = computed.targets.get(target.id)
        yield (
            {
                "row": "target",
                "id": target.id,
                "parent": parent,
                "group": target.group,
                "code": target.code,
                "name": target.name,
                "unit": target.unit,
                "value_text": target.value_text,
                "yearly_text": target.yearly_text,
                "lead_unit": target.lead_unit,
                "partners": target.partners,
                "status": assessment.status if assessment else None,
                "status_label": t(f"status.{assessment.status}") if assessment else None,
                "latest": _latest(computed, target),
                "series_key": _series_key(computed, target),
                **_goal_cells(target.goal),
            },
            False,
            depth,
        )
        for child in target.children:
            yield from walk(child, target.id, depth + 2)

    grouped = {g.id for g in ward.groups}
    for group in ward.groups:
        yield {"row": "group", "id": group.id, "code": group.code, "name": group.name}, True, 0
        for target in ward.targets:
            if target.group == group.id:
                yield from walk(target, None, 0)
    for target in ward.targets:
        if target.group not in grouped:
            yield from walk(target, None, 0)


def _project_rows(computed: ComputedWard) -> Iterator[tuple[dict[str, Any], bool]]:
    ward = computed.ward
    for table in ward.tables:
        yield {"row": "table", "id": table.id, "code": table.number, "name": table.title}, True
        for project in ward.projects:
            status = computed.projects.get(project.id, (None, ""))[0]
            for index, row in enumerate(project.rows):
                if row.table != table.id:
                    continue
                cells: dict[str, Any] = {
                    "row": "row",
                    "id": project.id,
                    "row_index": index,
                    "table": row.table,
                    "code": row.code,
                    "name": row.name,
                    "lead_unit": row.lead_unit,
                    "partners": row.partners,
                    "timeframe": row.timeframe,
                    "funding": row.funding,
                    "remark": row.remark,
                    "status_label": t(f"project_status.{status}") if status else None,
                }
                if index == 0:
                    cells["kind"] = project.kind
                    if project.timeframe:
                        cells["timeframe.start"] = project.timeframe.start
                        cells["timeframe.end"] = project.timeframe.end
                yield cells, False


def _observation_rows(computed: ComputedWard) -> Iterator[dict[str, Any]]:
    ward = computed.ward
    areas = {f.id: f.name for f in ward.ward.former_wards}
    targets = all_targets(ward)
    for series in ward.series:
        target = targets.get(series.target) if series.target else None
        for obs in series.observations:
            yield {
                "series": series.id,
                "series_name": series.name,
                "area": areas.get(series.area, "") if series.area else t("target.whole_ward"),
                "target": (f"{target.code} {target.name}" if target.code else target.name)
                if target
                else None,
                "period": obs.period,
                "value": number(obs.value) if obs.value is not None else None,
                "value.parsed": obs.value,
                "value_text": obs.value_text,
                "flags": "; ".join(t(f"flag.{f}") for f in obs.flags) or None,
                "source.document": obs.source.document,
                "source.section": obs.source.section,
                "source.row": obs.source.row,
                "source.page": obs.source.page,
                "source.quote": obs.source.quote,
                "note": obs.note,
                "key.series": series.id,
                "key.period": obs.period,
            }


def _status_rows(computed: ComputedWard) -> Iterator[dict[str, Any]]:
    for project in computed.ward.projects:
        for index, change in enumerate(project.status_history):
            yield {
                "project": project.id,
                "project_name": project.name,
                "date": day(change.date),
                "status": t(f"project_status.{change.status}"),
                "source": change.source,
                "note": change.note,
                "key.project": project.id,
                "key.index": index,
            }


def _milestone_rows(computed: ComputedWard) -> Iterator[dict[str, Any]]:
    for project in computed.ward.projects:
        for index, m in enumerate(project.milestones):
            yield {
                "project": project.id,
                "project_name": project.name,
                "date": day(m.date) if m.date else None,
                "year": m.year,
                "text": m.text,
                "done": None
                if m.done is None
                else t("project.done" if m.done else "project.not_done"),
                "source": m.source,
                "key.project": project.id,
                "key.index": index,
            }


def _guide(book: _Book, ward: WardData) -> None:
    lines = [
        f"{ward.ward.full_name}: bảng tính xuất từ dữ liệu của trang web (mẫu v{FORMAT_VERSION}).",
        "",
        "Cột trắng: sửa được. Cột xám: chỉ để xem (trạng thái, số liệu mới nhất),"
        " không được đọc lại.",
        "Hàng 2 và các cột ẩn giữ mã và giá trị đã phân tích: đừng xóa, đừng sửa nếu không chắc.",
        f"Trang '{OBSERVATIONS_SHEET}': thêm số liệu mới bằng một hàng mới, ghi 'Mã chuỗi', 'Kỳ',"
        " 'Giá trị', 'Mã văn bản' và 'Trích nguyên văn'.",
        f"Số liệu đầu tiên của một chỉ tiêu: ghi vào 'Mã chuỗi' mã ở cột '{t('xlsx.series_key')}'"
        f" của trang '{TARGETS_SHEET}'; chuỗi số liệu của chỉ tiêu được tạo khi nhập lại.",
        f"Trang '{STATUS_SHEET}': thêm trạng thái mới bằng một hàng mới, ghi 'Mã dự án', 'Ngày',"
        " 'Trạng thái' và 'Căn cứ'.",
        f"Trang '{MILESTONES_SHEET}': thêm mốc (khởi công, hoàn thành, ...) bằng một hàng mới,"
        f" ghi 'Mã dự án', 'Ngày' (hoặc 'Năm'), 'Nội dung mốc', '{t('xlsx.done')}'"
        f" ({t('project.done')} hoặc {t('project.not_done')}) và 'Căn cứ'.",
        "Không thêm chỉ tiêu, dự án mới ở đây (cần nguồn và trích dẫn): thêm trong tệp YAML.",
        "Xóa một hàng không xóa gì trong dữ liệu.",
        "Số viết kiểu Việt Nam: 1.234,5. Ngày: 31/12/2026. "
        "Kỳ: 2026, 2026-Q2, 2026-06 hoặc 2026-06-30.",
        "Trạng thái dự án: " + ", ".join(t(f"project_status.{c}") for c in _STATUS_CODES) + ".",
        "Ghi nhận số liệu: "
        + ", ".join(t(f"flag.{c}") for c in _FLAG_CODES)
        + " (nhiều giá trị cách nhau bằng dấu ;).",
        "",
        f"Nhập lại: site-builder import-xlsx --ward {ward.ward.id} <tệp.xlsx>",
        "Mọi lỗi được báo theo ô (trang tính!ô); khi còn lỗi, không tệp YAML nào bị sửa.",
    ]
    ws = book.workbook.add_worksheet(GUIDE_SHEET)
    ws.set_column(0, 0, 110)
    for i, line in enumerate(lines):
        bold = {"bold": True, "font_size": 13} if i == 0 else {}
        ws.write(i, 0, line or None, book.format(text_wrap=True, **bold))


def _updated_text(computed: ComputedWard, *names: str) -> str:
    updated = computed.updated_of(*names)
    when = day(updated.date) if updated.date else t("updated.unknown")
    return f"{t('updated.label')}: {when}"


def export_workbook(computed: ComputedWard) -> bytes:
    """The ward's workbook, the same bytes for the same data and date.

    Written with XlsxWriter, made for writing (openpyxl, which reads the workbook back
    on import, took 60 ms a ward to write one); its ZIP entries carry a fixed time and
    the workbook's created date is the data's date.
    """
    ward = computed.ward
    name = ward.ward.full_name
    out = io.BytesIO()
    book = _Book(out, name, computed.as_of)
    _guide(book, ward)
    targets = _SheetWriter(
        book,
        TARGETS_SHEET,
        _target_columns(ward.ward.term_end),
        f"{name}: chỉ tiêu. {_updated_text(computed, 'targets.yaml', 'series.yaml')}",
    )
    for cells, heading, indent in _target_rows(computed):
        targets.add(cells, heading, indent)
    projects = _SheetWriter(
        book,
        PROJECTS_SHEET,
        _PROJECT_COLUMNS,
        f"{name}: dự án, công trình. {_updated_text(computed, 'projects.yaml')}",
    )
    for cells, heading in _project_rows(computed):
        projects.add(cells, heading)
    observations = _SheetWriter(
        book,
        OBSERVATIONS_SHEET,
        _OBSERVATION_COLUMNS,
        f"{name}: số liệu. {_updated_text(computed, 'series.yaml')}",
    )
    for cells in _observation_rows(computed):
        observations.add(cells)
    statuses = _SheetWriter(
        book,
        STATUS_SHEET,
        _STATUS_COLUMNS,
        f"{name}: trạng thái dự án. {_updated_text(computed, 'projects.yaml')}",
    )
    for cells in _status_rows(computed):
        statuses.add(cells)
    statuses.choice_list("status", [t(f"project_status.{c}") for c in _STATUS_CODES])
    milestones = _SheetWriter(
        book,
        MILESTONES_SHEET,
        _MILESTONE_COLUMNS,
        f"{name}: mốc dự án. {_updated_text(computed, 'projects.yaml')}",
    )
    for cells in _milestone_rows(computed):
        milestones.add(cells)
    milestones.choice_list("done", [t("project.done"), t("project.not_done")])

    meta = book.workbook.add_worksheet(META_SHEET)
    meta.hide()
    meta.write_row(0, 0, ["ward", ward.ward.id])
    meta.write_row(1, 0, ["format", FORMAT_VERSION])
    book.workbook.close()
    return out.getvalue()


# ---------------------------------------------------------------- import


class _CellError(Exception):
    """A cell that cannot be read; becomes a `DataError` at that cell."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass
class _Row:
    """One data row of a sheet: its cells by column key, and where they stand."""

    sheet: str
    number: int
    cells: dict[str, Any]
    columns: dict[str, int]

    def place(self, key: str | None = None) -> tuple[int, str]:
        column = self.columns.get(key, 1) if key else 1
        return column, f"{self.sheet}!{get_column_letter(column)}{self.number}"


@dataclass
class _Import:
    """Edits gathered from a workbook, the cell each came from, and the problems found."""

    file: Path
    edits: dict[str, list[Edit]] = field(default_factory=dict)
    origins: list[tuple[str, str, _Row, str | None]] = field(default_factory=list)
    errors: list[DataError] = field(default_factory=list)

    def error(self, row: _Row, key: str | None, code: str, /, **params: object) -> None:
        column, where = row.place(key)
        self.errors.append(DataError(self.file, row.number, column, where, code, params))

    def add(self, yaml_file: str, edit: Edit, loc: Loc, row: _Row, key: str | None) -> None:
        self.edits.setdefault(yaml_file, []).append(edit)
        self.origins.append((yaml_file, format_loc(loc), row, key))

    def locate(self, exc: DataErrors, data_dir: Path) -> list[DataError]:
        """Move each error about an edited item to the cell the edit came from."""
        out = []
        for err in exc.errors:
            yaml_file = err.file.name
            best = None
            for name, loc, row, key in self.origins:
                if name == yaml_file and (
                    err.field == loc or err.field.startswith((loc + ".", loc + "["))
                ):
                    if best is None or len(loc) > len(best[1]):
                        best = (name, loc, row, key)
            if best is None:
                out.append(err)
                continue
            _, _, row, key = best
            column, where = row.place(key)
            out.append(DataError(self.file, row.number, column, where, err.code, err.params))
        return out


def _read_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        value = number(value)  # a number typed in a text cell, read as printed
    if isinstance(value, datetime | date):
        value = day(value)
    text = nfc(str(value))
    return text or None


def _read_number(value: Any, exact: float | None = None) -> float | None:
    """A number cell: a number or Vietnamese text (`1.234,5`); `exact` if the text shows it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _CellError("wrong-type", text=value, detail=_DETAILS["number"])
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if exact is not None and text == number(exact):
        return exact
    try:
        return float(parse_decimal(text, locale=LOCALE, strict=True))
    except (NumberFormatError, InvalidOperation):
        raise _CellError("wrong-type", text=text, detail=_DETAILS["number"]) from None


def _read_machine_number(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        raise _CellError("wrong-type", text=value, detail=_DETAILS["number"]) from None


def _read_int(value: Any) -> int | None:
    number_value = _read_machine_number(value)
    if number_value is None:
        return None
    if not number_value.is_integer():
        raise _CellError("wrong-type", text=value, detail=_DETAILS["integer"])
    return int(number_value)


def _read_date(value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise _CellError("wrong-type", text=text, detail=_DETAILS["date"])


def _read_choice(value: Any, column: Column) -> str | None:
    text = _read_text(value)
    if text is None:
        return None
    code = _CHOICE_LABELS.get(column.key, {}).get(text, text)
    if code not in column.choices:
        shown = list(_CHOICE_LABELS.get(column.key, {})) or list(column.choices)
        raise _CellError("invalid-choice", text=text, choices=", ".join(shown))
    return code


def _read_choices(value: Any, column: Column) -> list[str]:
    text = _read_text(value)
    if text is None:
        return []
    parts = [p.strip() for p in text.replace(",", ";").split(";") if p.strip()]
    return [str(_read_choice(p, column)) for p in parts]


def _reader(column: Column) -> Callable[[Any], Any]:
    if column.type == "number":
        return _read_machine_number if column.sort == "hidden" else _read_number
    if column.type == "int":
        return _read_int
    if column.type == "date":
        return _read_date
    if column.type == "choice":
        return lambda v: _read_choice(v, column)
    if column.type == "choices":
        return lambda v: _read_choices(v, column)
    return _read_text


def _rows(ws: Worksheet, columns: Sequence[Column], imp: _Import) -> Iterator[_Row]:
    """The data rows of a sheet, cells read by their column's type (errors noted)."""
    keys = {ws.cell(KEY_ROW, c).value: c for c in range(1, ws.max_column + 1)}
    wanted = [c for c in columns if c.sort != "readonly"]
    missing = [c.key for c in wanted if c.key not in keys]
    if missing:
        imp.errors.append(
            DataError(
                imp.file,
                KEY_ROW,
                1,
                f"{ws.title}!{KEY_ROW}",
                "xlsx-layout",
                {"detail": _DETAILS["columns"] + ", ".join(missing)},
            )
        )
        return
    positions = {c.key: keys[c.key] for c in columns if c.key in keys}
    for number_ in range(FIRST_ROW, ws.max_row + 1):
        raw = {c.key: ws.cell(number_, positions[c.key]).value for c in wanted}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw.values()):
            continue
        row = _Row(ws.title, number_, {}, positions)
        for column in wanted:
            try:
                if column.key == "value" and column.type == "number":
                    parsed = _read_machine_number(raw.get("value.parsed"))
                    row.cells[column.key] = _read_number(raw[column.key], parsed)
                else:
                    row.cells[column.key] = _reader(column)(raw[column.key])
            except _CellError as exc:
                imp.error(row, column.key, exc.code, **exc.params)
                row.cells[column.key] = _INVALID
        yield row


_INVALID = object()  # a cell that could not be read: its field is left as it is


def _target_locs(ward: WardData) -> dict[str, tuple[Loc, Target]]:
    out: dict[str, tuple[Loc, Target]] = {}

    def walk(target: Target, loc: Loc) -> None:
        out[target.id] = (loc, target)
        for j, child in enumerate(target.children):
            walk(child, (*loc, "children", j))

    for i, target in enumerate(ward.targets):
        walk(target, ("targets", i))
    return out


def _same_number(new: Any, old: Any) -> bool:
    """Whether `new` is `old` read back from a number cell.

    XlsxWriter writes 16 significant digits, so a float that needs 17 to round-trip
    (0.30000000000000004) comes back one unit off in its last place: not an edit.
    """
    if not all(isinstance(x, float | int) and not isinstance(x, bool) for x in (new, old)):
        return False
    return f"{new:.16G}" == f"{old:.16G}"


def _compare(
    imp: _Import,
    row: _Row,
    yaml_file: str,
    base: Loc,
    current: Mapping[str, Any],
    keys: Sequence[str],
    order: tuple[str, ...],
    prefix: str = "",
) -> None:
    """Add an edit for every cell of `keys` whose value differs from `current`."""
    for key in keys:
        new = row.cells.get(key)
        if new is _INVALID:
            continue
        name = key.removeprefix(prefix)
        old = current.get(name)
        if new == old or (new is None and old in (None, [], "")) or _same_number(new, old):
            continue
        path: Loc = (*base, *name.split("."))
        value = new.isoformat() if isinstance(new, date) else new
        imp.add(yaml_file, SetValue(path, value if value != [] else None, order), path, row, key)


def _import_targets(ws: Worksheet, ward: WardData, imp: _Import) -> None:
    locs = _target_locs(ward)
    groups = {g.id: (i, g) for i, g in enumerate(ward.groups)}
    text_keys = ["code", "name", "unit", "value_text", "yearly_text", "lead_unit", "partners"]
    goal_keys = [c.key for c in _GOAL_COLUMNS]
    for row in _rows(ws, _target_columns(ward.ward.term_end), imp):
        item_id, kind = row.cells.get("id"), row.cells.get("row")
        if not item_id:
            imp.error(row, None, "xlsx-new-row", kind=KIND["target row"])
            continue
        if kind == "group":
            if item_id not in groups:
                imp.error(row, "id", "unknown-reference", kind=KIND["target group"], id=item_id)
                continue
            index, group = groups[item_id]
            _compare(
                imp,
                row,
                "targets.yaml",
                ("groups", index),
                group.model_dump(),
                ["code", "name"],
                _ORDER["group"],
            )
            continue
        if item_id not in locs:
            imp.error(row, "id", "unknown-reference", kind=KIND["target"], id=item_id)
            continue
        loc, target = locs[item_id]
        _compare(imp, row, "targets.yaml", loc, target.model_dump(), text_keys, _ORDER["target"])
        goal = target.goal.model_dump() if target.goal else {}
        _compare(
            imp,
            row,
            "targets.yaml",
            (*loc, "goal"),
            goal,
            goal_keys,
            _ORDER["target"],
            prefix="goal.",
        )


def _import_projects(ws: Worksheet, ward: WardData, imp: _Import) -> None:
    projects = {p.id: (i, p) for i, p in enumerate(ward.projects)}
    tables = {tb.id: (i, tb) for i, tb in enumerate(ward.tables)}
    row_keys = ["code", "name", "lead_unit", "partners", "timeframe", "funding", "remark"]
    for row in _rows(ws, _PROJECT_COLUMNS, imp):
        item_id, kind = row.cells.get("id"), row.cells.get("row")
        if not item_id:
            imp.error(row, None, "xlsx-new-row", kind=KIND["project row"])
            continue
        if kind == "table":
            if item_id not in tables:
                imp.error(row, "id", "unknown-reference", kind=KIND["table"], id=item_id)
                continue
            index, table = tables[item_id]
            current = {"code": table.number, "name": table.title}
            for key, name in (("code", "number"), ("name", "title")):
                new = row.cells.get(key)
                if new is not _INVALID and new != current[key]:
                    path: Loc = ("tables", index, name)
                    imp.add("projects.yaml", SetValue(path, new, _ORDER["table"]), path, row, key)
            continue
        row_index = row.cells.get("row_index")
        if (
            item_id not in projects
            or not isinstance(row_index, int)
            or row_index >= len(projects[item_id][1].rows)
        ):
            imp.error(row, "id", "unknown-reference", kind=KIND["project"], id=item_id)
            continue
        index, project = projects[item_id]
        base: Loc = ("projects", index)
        _compare(
            imp,
            row,
            "projects.yaml",
            (*base, "rows", row_index),
            project.rows[row_index].model_dump(),
            row_keys,
            _ORDER["row"],
        )
        if row_index == 0:
            _compare(
                imp, row, "projects.yaml", base, {"kind": project.kind}, ["kind"], _ORDER["project"]
            )
            timeframe = project.timeframe.model_dump() if project.timeframe else {}
            _compare(
                imp,
                row,
                "projects.yaml",
                (*base, "timeframe"),
                timeframe,
                ["timeframe.start", "timeframe.end"],
                _ORDER["project"],
                prefix="timeframe.",
            )


def _observation_item(row: _Row) -> dict[str, Any]:
    """A new observation from a row, keys in the model's order, empty cells left out."""
    cells = row.cells
    source = {k: cells.get(f"source.{k}") for k in Source.model_fields}
    item = {
        "period": cells.get("period"),
        "value": cells.get("value"),
        "value_text": cells.get("value_text"),
        "source": {k: v for k, v in source.items() if v is not None},
        "note": cells.get("note"),
        "flags": cells.get("flags") or None,
    }
    return {k: v for k, v in item.items() if v is not None}


def _new_observation(
    imp: _Import,
    row: _Row,
    ward: WardData,
    key: str,
    added: dict[int, int],
    created: dict[str, tuple[int, dict[str, Any]]],
) -> None:
    """A row with no hidden key: a measurement for a series, or for a target.

    A target id in the series column stands for the target's whole-ward series; the
    first such row creates it (`edit.resolve_series`), and later rows join it.
    """
    if key in created:
        index, item = created[key]
        item["observations"].append(_observation_item(row))
        loc: Loc = ("series", index, "observations", len(item["observations"]) - 1)
        imp.origins.append(("series.yaml", format_loc(loc), row, None))
        return
    try:
        found = resolve_series(ward, key)
    except ParentTargetError as exc:
        imp.error(row, "series", "series-parent-target", **exc.params())
        return
    if found is None:
        imp.error(row, "series", "unknown-reference", kind=KIND["series"], id=key)
        return
    if isinstance(found, dict):
        index = len(ward.series) + len(created)
        item = {**found, "observations": [_observation_item(row)]}
        created[key] = (index, item)
        imp.add("series.yaml", Append(("series",), item), ("series", index), row, None)
        return
    position = len(ward.series[found].observations) + added.get(found, 0)
    added[found] = added.get(found, 0) + 1
    path: Loc = ("series", found, "observations")
    imp.add("series.yaml", Append(path, _observation_item(row)), (*path, position), row, None)


def _import_observations(ws: Worksheet, ward: WardData, imp: _Import) -> None:
    series = {s.id: (i, s) for i, s in enumerate(ward.series)}
    added: dict[int, int] = {}
    created: dict[str, tuple[int, dict[str, Any]]] = {}
    keys = [
        "period",
        "value",
        "value_text",
        "flags",
        "source.document",
        "source.section",
        "source.row",
        "source.page",
        "source.quote",
        "note",
    ]
    for row in _rows(ws, _OBSERVATION_COLUMNS, imp):
        if any(row.cells.get(k) is _INVALID for k in row.cells):
            continue
        key_series, key_period = row.cells.get("key.series"), row.cells.get("key.period")
        series_id = row.cells.get("series")
        if key_series is None:  # a new measurement
            _new_observation(imp, row, ward, str(series_id or ""), added, created)
            continue
        found = series.get(str(key_series))
        obs_index = (
            next((j for j, o in enumerate(found[1].observations) if o.period == key_period), None)
            if found
            else None
        )
        if found is None or obs_index is None:
            imp.error(
                row,
                "series",
                "unknown-reference",
                kind=KIND["observation"],
                id=f"{key_series} {key_period}",
            )
            continue
        if series_id != key_series:
            imp.error(row, "series", "xlsx-moved-row")
            continue
        index, s = found
        obs = s.observations[obs_index].model_dump()
        current = {**obs, **{f"source.{k}": v for k, v in obs["source"].items()}}
        _compare(
            imp,
            row,
            "series.yaml",
            ("series", index, "observations", obs_index),
            current,
            keys,
            _ORDER["observation"],
        )


def _import_statuses(ws: Worksheet, ward: WardData, imp: _Import) -> None:
    projects = {p.id: (i, p) for i, p in enumerate(ward.projects)}
    added: dict[str, int] = {}
    keys = ["date", "status", "source", "note"]
    for row in _rows(ws, _STATUS_COLUMNS, imp):
        if any(row.cells.get(k) is _INVALID for k in row.cells):
            continue
        project_id, key_project = row.cells.get("project"), row.cells.get("key.project")
        if key_project is None:
            if project_id not in projects:
                imp.error(
                    row, "project", "unknown-reference", kind=KIND["project"], id=project_id or ""
                )
                continue
            index, project = projects[project_id]
            position = len(project.status_history) + added.get(project_id, 0)
            added[project_id] = added.get(project_id, 0) + 1
            item = {k: row.cells.get(k) for k in StatusChange.model_fields}
            item["date"] = item["date"].isoformat() if isinstance(item["date"], date) else None
            path: Loc = ("projects", index, "status_history")
            imp.add(
                "projects.yaml",
                Append(path, {k: v for k, v in item.items() if v is not None}),
                (*path, position),
                row,
                None,
            )
            continue
        key_index = row.cells.get("key.index")
        found = projects.get(str(key_project))
        if (
            found is None
            or not isinstance(key_index, int)
            or key_index >= len(found[1].status_history)
        ):
            imp.error(
                row,
                "project",
                "unknown-reference",
                kind=KIND["project status"],
                id=f"{key_project} {key_index}",
            )
            continue
        if project_id != key_project:
            imp.error(row, "project", "xlsx-moved-row")
            continue
        index, project = found
        _compare(
            imp,
            row,
            "projects.yaml",
            ("projects", index, "status_history", key_index),
            project.status_history[key_index].model_dump(),
            keys,
            _ORDER["status"],
        )


def _milestone_item(row: _Row) -> dict[str, Any]:
    """The milestone a row asks for, keys in the model's order, empty cells left out."""
    cells = dict(row.cells)
    when = cells.get("date")
    cells["date"] = when.isoformat() if isinstance(when, date) else None
    cells["done"] = _DONE.get(str(cells.get("done")))
    item = {k: cells.get(k) for k in ProjectMilestone.model_fields}
    return {k: v for k, v in item.items() if v is not None}


def _import_milestones(ws: Worksheet, ward: WardData, imp: _Import) -> None:
    projects = {p.id: (i, p) for i, p in enumerate(ward.projects)}
    added: dict[str, int] = {}
    for row in _rows(ws, _MILESTONE_COLUMNS, imp):
        if any(row.cells.get(k) is _INVALID for k in row.cells):
            continue
        project_id, key_project = row.cells.get("project"), row.cells.get("key.project")
        if key_project is None:
            if project_id not in projects:
                imp.error(
                    row, "project", "unknown-reference", kind=KIND["project"], id=project_id or ""
                )
                continue
            index, project = projects[project_id]
            position = len(project.milestones) + added.get(project_id, 0)
            added[project_id] = added.get(project_id, 0) + 1
            path: Loc = ("projects", index, "milestones")
            imp.add(
                "projects.yaml", Append(path, _milestone_item(row)), (*path, position), row, None
            )
            continue
        key_index = row.cells.get("key.index")
        found = projects.get(str(key_project))
        if found is None or not isinstance(key_index, int) or key_index >= len(found[1].milestones):
            imp.error(
                row,
                "project",
                "unknown-reference",
                kind=KIND["project milestone"],
                id=f"{key_project} {key_index}",
            )
            continue
        if project_id != key_project:
            imp.error(row, "project", "xlsx-moved-row")
            continue
        index, project = found
        row.cells["done"] = _DONE.get(str(row.cells.get("done")))
        _compare(
            imp,
            row,
            "projects.yaml",
            ("projects", index, "milestones", key_index),
            project.milestones[key_index].model_dump(),
            ["date", "year", "text", "done", "source"],
            _ORDER["milestone"],
        )


_SHEETS: dict[str, Callable[[Worksheet, WardData, _Import], None]] = {
    TARGETS_SHEET: _import_targets,
    PROJECTS_SHEET: _import_projects,
    OBSERVATIONS_SHEET: _import_observations,
    STATUS_SHEET: _import_statuses,
    MILESTONES_SHEET: _import_milestones,
}
# Sheets added after workbooks were first handed out: a workbook without one still imports.
_OPTIONAL_SHEETS = {MILESTONES_SHEET}


@dataclass(frozen=True)
class ImportResult:
    """What an import changed: edits per YAML file (none when the workbook matched the data)."""

    changes: dict[str, int]
    written: list[Path]


def read_edits(workbook: bytes, ward: WardData, shown_as: Path) -> _Import:
    """Every edit a workbook asks for, with the cell of each (errors collected, not raised)."""
    imp = _Import(shown_as)
    try:
        wb = load_workbook(io.BytesIO(workbook), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        imp.errors.append(DataError(shown_as, 1, 1, "", "xlsx-unreadable", {"detail": str(exc)}))
        return imp
    found_ward = wb[META_SHEET]["B1"].value if META_SHEET in wb.sheetnames else None
    if found_ward != ward.ward.id:
        imp.errors.append(
            DataError(
                shown_as,
                1,
                1,
                META_SHEET,
                "xlsx-layout",
                {"detail": _DETAILS["ward"].format(found=found_ward, ward=ward.ward.id)},
            )
        )
        return imp
    for sheet, read in _SHEETS.items():
        if sheet not in wb.sheetnames and sheet in _OPTIONAL_SHEETS:
            continue
        if sheet not in wb.sheetnames:
            imp.errors.append(
                DataError(
                    shown_as, 1, 1, sheet, "xlsx-layout", {"detail": _DETAILS["sheet"] + sheet}
                )
            )
            continue
        read(wb[sheet], ward, imp)
    return imp


def import_workbook(data_dir: Path, ward_id: str, path: Path) -> ImportResult:
    """Apply a workbook's edits to the ward's YAML, or raise `DataErrors` and write nothing."""
    ward = load_ward(data_dir, ward_id)
    try:
        workbook = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        # A mistyped name is a staff mistake like any other: a message, not a traceback.
        error = DataError(path, 1, 1, "", "xlsx-missing", {"name": path})
        raise DataErrors([error]) from exc
    imp = read_edits(workbook, ward, Path(path.name))
    if imp.errors:
        # Check the readable edits too, so one run lists every problem; write nothing.
        errors = list(imp.errors)
        if imp.edits:
            try:
                commit(data_dir, ward_id, imp.edits, dry_run=True)
            except DataErrors as exc:
                errors += imp.locate(exc, data_dir)
        raise DataErrors(errors)
    if not imp.edits:
        return ImportResult({}, [])
    try:
        written = commit(data_dir, ward_id, imp.edits)
    except DataErrors as exc:
        raise DataErrors(imp.locate(exc, data_dir)) from None
    return ImportResult({name: len(e) for name, e in imp.edits.items()}, [w.path for w in written])
