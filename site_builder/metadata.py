"""Standard open-data metadata: a Frictionless Data Package and CSV on the Web (CSVW).

The downloads (`downloads.py`) are described twice, for the two families of tools that
read described CSV:

- `datapackage.json` at the site root (a Frictionless Data Package): one resource per
  download, named by its path, with its size and SHA-256 hash; each CSV points to a
  Table Schema (`schema/table/<table>.json`) giving every column's type and meaning in
  Vietnamese, so a validator checks every row, not only the header. It sits at the root
  because the per-page files live beside their pages (`kien-an/chi-tieu/x/data.csv`) and
  Frictionless refuses paths that climb out of the package's folder;
- `csv-metadata.json` at the site root (a CSVW table group): one table per CSV, pointing
  to the same columns as a CSVW schema (`schema/csvw/<table>.json`).

The site ZIP carries its own `datapackage.json` and `csv-metadata.json` for its layout
(`kien-an/kien-an-chi-tieu.csv`, ...), with the schemas and `LICENSE.txt`.

Types follow the conventions of `downloads.py`: numbers with a dot, ISO dates, booleans
`true`/`false`, an empty cell is a missing value. A few columns are text although they
often look like something else: `period` (`2026`, `2026-Q2`), `source_date` (an ISO date,
or the date as printed when the document gives no day: "tháng 7/2025"), `source_row`.

The data licence (CC BY 4.0) is stated in both files, in `LICENSE.txt` and on the
downloads page; its address is written as text and never fetched.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any, Literal, get_args

from . import urls
from .downloads import (
    PROJECT_DATA_COLUMNS,
    TARGET_DATA_COLUMNS,
    WARD_OBSERVATION_COLUMNS,
    WARD_PROJECT_COLUMNS,
    WARD_TARGET_COLUMNS,
    json_bytes,
)
from .history import Basis
from .model import (
    Comparator,
    Direction,
    ProjectKind,
    ProjectStatus,
    TargetKind,
    TargetStatus,
)

DATAPACKAGE = "datapackage.json"
CSVW_METADATA = "csv-metadata.json"
LICENCE_FILE = urls.DOWNLOADS + "LICENSE.txt"
TABLE_SCHEMA_FOLDER = "schema/table/"
CSVW_SCHEMA_FOLDER = "schema/csvw/"

# The data licence. The URL is text in the metadata (never requested by the site).
LICENCE_NAME = "CC-BY-4.0"
LICENCE_TITLE = "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

LICENCE_TEXT = """Giấy phép dữ liệu / Data licence
================================

Dữ liệu mở của trang "Cam kết phường 2025-2030" (các tệp CSV, JSON, XLSX, lược đồ và
siêu dữ liệu trong thư mục này) được cấp phép theo giấy phép Creative Commons Ghi công
4.0 Quốc tế (CC BY 4.0). Toàn văn giấy phép: {url}

Bạn được tự do sao chép, phân phối lại, trích dẫn, chỉnh sửa và dùng dữ liệu cho mọi
mục đích, kể cả thương mại, với điều kiện ghi công: nêu tên trang "Cam kết phường
2025-2030"{site}, ghi rõ có chỉnh sửa hay không, và kèm đường dẫn đến giấy phép.

Dữ liệu được chép từ các văn bản của đảng bộ, chính quyền phường (nghị quyết, chương
trình hành động): mỗi hàng ghi văn bản, mục, hàng và đoạn trích nguyên văn làm nguồn.
Bản thân các văn bản đó là văn bản của cơ quan ban hành; giấy phép này áp dụng cho việc
biên soạn, cấu trúc và các giá trị đã phân tích (trạng thái, số đã đọc, ngày cập nhật).

The open data of "Cam kết phường 2025-2030" is licensed under Creative Commons
Attribution 4.0 International (CC BY 4.0): {url}
Attribution: name the site "Cam kết phường 2025-2030"{site}, say whether you changed
the data, and link to the licence. Each row names the document it was copied from.

Số liệu tính đến / data as of: {as_of}
"""

FieldType = Literal["string", "number", "integer", "boolean", "date"]


@dataclass(frozen=True)
class Column:
    """One CSV column: its type and its meaning (Vietnamese, for the data's readers)."""

    type: FieldType
    description: str
    choices: tuple[str, ...] = ()


def _choices(literal: Any, *extra: str) -> tuple[str, ...]:
    return (*get_args(literal), *extra)


_TARGET_STATUS = _choices(TargetStatus)
# Computed project statuses: the recorded ones, and two the status engine adds.
_PROJECT_STATUS = _choices(ProjectStatus, "overdue", "unknown")
# `=` is written `'=` in CSV: a cell starting with `=` is a formula to Excel (downloads.py).
_COMPARATORS = (*_choices(Comparator), "'=")

# Every column of every CSV, by name. A column has one meaning wherever it appears;
# where the meaning depends on the table (`status`), TABLE_OVERRIDES says so.
COLUMNS: dict[str, Column] = {
    "ward_id": Column("string", "Mã phường (trong địa chỉ trang: kien-an)."),
    "target_id": Column("string", "Mã chỉ tiêu, không đổi (một phần địa chỉ trang)."),
    "parent_id": Column("string", "Mã chỉ tiêu cha, khi đây là chỉ tiêu con; trống nếu không."),
    "target_code": Column("string", "Số hiệu chỉ tiêu như in: '1', 'II.4', '(3)'."),
    "target_name": Column("string", "Tên chỉ tiêu nguyên văn."),
    "unit": Column("string", "Đơn vị tính như in: '%', 'hộ', 'tỷ đồng'."),
    "indicator": Column(
        "string",
        "Mã chỉ số chung (data/indicators.yaml) khi chỉ tiêu đo cùng một chỉ số với chỉ "
        "tiêu của phường khác; trống nếu không.",
    ),
    "row_type": Column(
        "string",
        "Loại hàng: observation (số liệu đo được), milestone (mốc), goal (mục tiêu) ở "
        "chỉ tiêu; appendix_row (hàng phụ lục), status (đổi trạng thái), milestone (mốc), "
        "progress (tiến độ) ở dự án.",
        ("observation", "milestone", "goal", "appendix_row", "status", "progress"),
    ),
    "series_id": Column("string", "Mã chuỗi số liệu."),
    "series_name": Column("string", "Tên số liệu như in."),
    "area_id": Column("string", "Mã phường cũ (trước sáp nhập 2025) mà số liệu thuộc về."),
    "area_name": Column("string", "Tên phường cũ mà số liệu thuộc về."),
    "period": Column(
        "string",
        "Kỳ số liệu hoặc năm của mốc, mục tiêu: '2026', '2026-Q2', '2026-06', '2026-06-30'.",
    ),
    "value": Column("number", "Giá trị số (dấu chấm thập phân, không phân cách nghìn)."),
    "comparator": Column(
        "string",
        "So sánh của mục tiêu: >=, >, <=, <, '= (bằng; dấu ' để Excel không hiểu là công "
        "thức), about (khoảng), range (từ ... đến ...).",
        _COMPARATORS,
    ),
    "value_low": Column("number", "Cận dưới, khi comparator là range."),
    "value_high": Column("number", "Cận trên, khi comparator là range."),
    "value_text": Column("string", "Giá trị như in trong văn bản."),
    "flags": Column(
        "string",
        "Ghi nhận của số liệu, cách nhau bằng dấu cách: estimate (ước tính), preliminary "
        "(sơ bộ), break (chuỗi bị ngắt).",
    ),
    "note": Column("string", "Ghi chú cạnh số liệu."),
    "status": Column("string", "Mã trạng thái."),
    "status_label": Column("string", "Tên trạng thái bằng tiếng Việt."),
    "status_method": Column("string", "Cách tính trạng thái (xem trang Phương pháp)."),
    "status_overridden": Column("boolean", "true nếu trạng thái được đặt thủ công."),
    "status_preliminary": Column("boolean", "true nếu trạng thái dựa trên số liệu sơ bộ."),
    "status_explanation": Column("string", "Giải thích trạng thái."),
    "source_document": Column("string", "Mã văn bản nguồn."),
    "source_title": Column("string", "Tên văn bản nguồn."),
    "source_number": Column("string", "Số hiệu văn bản nguồn: '04-CTr/ĐU'."),
    "source_date": Column(
        "string",
        "Ngày ban hành văn bản nguồn (2025-12-12), hoặc ngày như in khi văn bản không ghi "
        "ngày cụ thể ('tháng 7/2025').",
    ),
    "source_section": Column("string", "Phần, mục hoặc phụ lục như in."),
    "source_row": Column("string", "Số thứ tự hàng hoặc mục như in."),
    "source_page": Column("integer", "Số trang trong văn bản nguồn."),
    "source_quote": Column("string", "Đoạn trích nguyên văn từ văn bản nguồn."),
    "updated": Column("date", "Ngày tệp dữ liệu nguồn thay đổi lần gần nhất."),
    "updated_basis": Column(
        "string",
        "Ngày cập nhật lấy từ đâu: git (lịch sử thay đổi), uncommitted (tệp đang sửa), "
        "mtime (ngày sửa tệp), unknown (không rõ).",
        _choices(Basis),
    ),
    "page_url": Column("string", "Địa chỉ trang của mục (tương đối nếu trang chưa đặt địa chỉ)."),
    "project_id": Column("string", "Mã dự án, không đổi (một phần địa chỉ trang)."),
    "project_name": Column("string", "Tên dự án, công trình."),
    "kind": Column(
        "string",
        "Loại: project (dự án), work (công trình), scheme (đề án), plan (kế hoạch), "
        "program (chương trình), resolution (nghị quyết), other.",
        _choices(ProjectKind),
    ),
    "date": Column("date", "Ngày của hàng: ngày đổi trạng thái hoặc ngày của mốc."),
    "text": Column("string", "Nội dung như in (tên ở hàng phụ lục, nội dung mốc, ghi chú)."),
    "event_status": Column(
        "string", "Trạng thái được ghi ở lần thay đổi này.", _choices(ProjectStatus)
    ),
    "event_status_label": Column("string", "Tên trạng thái được ghi, bằng tiếng Việt."),
    "done": Column("boolean", "true khi mốc đã đạt."),
    "basis": Column("string", "Căn cứ (văn bản, báo cáo)."),
    "table_id": Column("string", "Mã bảng phụ lục."),
    "table_title": Column("string", "Tên bảng phụ lục như in."),
    "row_code": Column("string", "Số thứ tự hàng trong bảng phụ lục như in."),
    "lead_unit": Column("string", "Đơn vị chủ trì như in."),
    "partners": Column("string", "Đơn vị phối hợp như in."),
    "timeframe": Column("string", "Thời gian thực hiện như in."),
    "funding": Column("string", "Nguồn vốn như in."),
    "remark": Column("string", "Cột ghi chú của bảng phụ lục, như in."),
    "group_id": Column("string", "Mã nhóm chỉ tiêu."),
    "group_code": Column("string", "Số hiệu nhóm chỉ tiêu như in: 'I', 'II'."),
    "group_name": Column("string", "Tên nhóm chỉ tiêu nguyên văn."),
    "code": Column("string", "Số hiệu chỉ tiêu như in."),
    "name": Column("string", "Tên nguyên văn."),
    "yearly_text": Column("string", "Giá trị 'Bình quân năm' như in."),
    "goal_kind": Column(
        "string",
        "Loại chỉ tiêu: level (đạt mức vào năm), annual (hằng năm), growth (tăng bình quân "
        "năm), cumulative (cộng dồn), milestone (có/không), assigned (cấp trên giao), "
        "qualitative (định tính).",
        _choices(TargetKind),
    ),
    "goal_comparator": Column(
        "string", "So sánh của mục tiêu (như comparator; '= là bằng).", _COMPARATORS
    ),
    "goal_value": Column("number", "Giá trị số của mục tiêu."),
    "goal_low": Column("number", "Cận dưới của mục tiêu (range)."),
    "goal_high": Column("number", "Cận trên của mục tiêu (range)."),
    "goal_year": Column("integer", "Năm phải đạt."),
    "goal_start_year": Column("integer", "Năm đầu của giai đoạn tính."),
    "goal_end_year": Column("integer", "Năm cuối của giai đoạn tính."),
    "goal_direction": Column(
        "string", "higher: càng cao càng tốt; lower: càng thấp càng tốt.", _choices(Direction)
    ),
    "latest_period": Column("string", "Kỳ của số liệu đo được mới nhất."),
    "latest_value": Column("number", "Số liệu đo được mới nhất."),
    "sources": Column("string", "Mọi chỗ văn bản nêu mục này, cách nhau bằng ' | '."),
    "data_csv": Column("string", "Địa chỉ tệp CSV của mục."),
    "data_json": Column("string", "Địa chỉ tệp JSON của mục."),
    "context": Column("boolean", "true nếu là dự án của cấp trên, nêu làm bối cảnh."),
    "timeframe_text": Column("string", "Thời gian thực hiện như in."),
    "timeframe_start": Column("integer", "Năm bắt đầu."),
    "timeframe_end": Column("integer", "Năm kết thúc."),
    "timeframe_end_date": Column("date", "Ngày kết thúc, nếu văn bản ghi rõ."),
    "budget_text": Column("string", "Tổng mức đầu tư như in."),
    "budget_value": Column("number", "Tổng mức đầu tư (số)."),
    "budget_unit": Column("string", "Đơn vị của tổng mức đầu tư: 'tỷ đồng'."),
    "location": Column("string", "Địa điểm."),
    "last_status": Column("string", "Trạng thái được ghi gần nhất.", _choices(ProjectStatus)),
    "last_status_date": Column("date", "Ngày của trạng thái được ghi gần nhất."),
    "last_progress_period": Column("string", "Kỳ của số tiến độ gần nhất."),
    "last_progress_value": Column("number", "Phần trăm khối lượng hoàn thành gần nhất."),
    "related_targets": Column("string", "Mã các chỉ tiêu liên quan, cách nhau bằng dấu cách."),
    "tables": Column("string", "Mã các bảng phụ lục nêu dự án, cách nhau bằng dấu cách."),
}

_TARGET_STATUS_COLUMN = Column(
    "string",
    "Mã trạng thái của chỉ tiêu: achieved, on_track, needs_acceleration, off_track, "
    "no_data, not_measurable.",
    _TARGET_STATUS,
)
_PROJECT_STATUS_COLUMN = Column(
    "string",
    "Mã trạng thái của dự án: not_started, in_progress, completed, paused, cancelled, "
    "overdue (quá thời hạn dự kiến, chưa có thông tin hoàn thành), unknown (chưa có thông "
    "tin tiến độ).",
    _PROJECT_STATUS,
)


@dataclass(frozen=True)
class Table:
    """One kind of CSV: its columns, key and title."""

    name: str
    title: str
    columns: Sequence[str]
    primary_key: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    status: Column | None = None

    def column(self, name: str) -> Column:
        """The column's type and meaning in this table."""
        if name == "status" and self.status is not None:
            return self.status
        return COLUMNS[name]


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "ward-targets",
            "Chỉ tiêu của một phường, mỗi chỉ tiêu (và chỉ tiêu con) một hàng",
            WARD_TARGET_COLUMNS,
            ("ward_id", "target_id"),
            ("ward_id", "target_id", "name", "page_url"),
            _TARGET_STATUS_COLUMN,
        ),
        Table(
            "ward-projects",
            "Dự án, công trình của một phường, mỗi dự án một hàng",
            WARD_PROJECT_COLUMNS,
            ("ward_id", "project_id"),
            ("ward_id", "project_id", "name", "kind", "page_url"),
            _PROJECT_STATUS_COLUMN,
        ),
        Table(
            "ward-observations",
            "Số liệu đo được của một phường, mỗi kỳ một hàng",
            WARD_OBSERVATION_COLUMNS,
            ("ward_id", "series_id", "period"),
            ("ward_id", "series_id", "period", "source_document", "source_quote"),
        ),
        Table(
            "target-data",
            "Dữ liệu của một chỉ tiêu: số liệu đo được, mốc và mục tiêu",
            TARGET_DATA_COLUMNS,
            (),
            ("ward_id", "target_id", "row_type", "page_url"),
            _TARGET_STATUS_COLUMN,
        ),
        Table(
            "project-data",
            "Dữ liệu của một dự án: hàng phụ lục, trạng thái, mốc và tiến độ",
            PROJECT_DATA_COLUMNS,
            (),
            ("ward_id", "project_id", "row_type", "page_url"),
            _PROJECT_STATUS_COLUMN,
        ),
    )
}


def table_schema(table: Table) -> dict[str, Any]:
    """The Frictionless Table Schema of one kind of CSV."""
    fields = []
    for name in table.columns:
        column = table.column(name)
        constraints: dict[str, Any] = {}
        if name in table.required:
            constraints["required"] = True
        if column.choices:
            constraints["enum"] = list(column.choices)
        field: dict[str, Any] = {
            "name": name,
            "type": column.type,
            "description": column.description,
        }
        if column.type == "boolean":
            field["trueValues"] = ["true"]
            field["falseValues"] = ["false"]
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    return schema


_CSVW_TYPES: dict[str, Any] = {
    "string": "string",
    "number": "number",
    "integer": "integer",
    "boolean": {"base": "boolean", "format": "true|false"},
    "date": {"base": "date", "format": "yyyy-MM-dd"},
}


def csvw_schema(table: Table) -> dict[str, Any]:
    """The CSVW table schema of one kind of CSV (the same columns as `table_schema`)."""
    columns = []
    for name in table.columns:
        column = table.column(name)
        datatype: Any = _CSVW_TYPES[column.type]
        if column.choices:
            # CSVW has no enumeration: a string's `format` is a regular expression.
            pattern = "|".join(re.escape(c) for c in column.choices)
            datatype = {"base": "string", "format": f"^(?:{pattern})$"}
        entry: dict[str, Any] = {
            "name": name,
            "titles": name,
            "datatype": datatype,
            "dc:description": column.description,
        }
        if name in table.required:
            entry["required"] = True
        columns.append(entry)
    schema: dict[str, Any] = {"@context": "http://www.w3.org/ns/csvw", "columns": columns}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    return schema


def table_of(path: str) -> Table | None:
    """Which kind of CSV the download at `path` is (None: not a CSV of ours)."""
    if not path.endswith(".csv"):
        return None
    name = PurePosixPath(path).name
    if name == "data.csv":
        parts = PurePosixPath(path).parts
        if len(parts) >= 2 and parts[1] == urls.TARGET_FOLDER:
            return TABLES["target-data"]
        if len(parts) >= 2 and parts[1] == urls.PROJECT_FOLDER:
            return TABLES["project-data"]
        return None
    for suffix, table in (
        ("-chi-tieu.csv", "ward-targets"),
        ("-du-an.csv", "ward-projects"),
        ("-so-lieu.csv", "ward-observations"),
    ):
        if name.endswith(suffix):
            return TABLES[table]
    return None


def schema_files() -> dict[str, bytes]:
    """The Table Schemas and CSVW schemas to publish, by site path."""
    out: dict[str, bytes] = {}
    for table in TABLES.values():
        out[f"{TABLE_SCHEMA_FOLDER}{table.name}.json"] = json_bytes(table_schema(table))
        out[f"{CSVW_SCHEMA_FOLDER}{table.name}.json"] = json_bytes(csvw_schema(table))
    return out


def licence_text(as_of: date | None, site_url: str = "") -> bytes:
    """`LICENSE.txt`: the data licence in our own words, Vietnamese then English."""
    site = f" ({site_url})" if site_url else ""
    text = LICENCE_TEXT.format(url=LICENCE_URL, site=site, as_of=as_of or "")
    return text.encode("utf-8")


_MEDIA = {
    ".csv": ("csv", "text/csv"),
    ".json": ("json", "application/json"),
    ".xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".zip": ("zip", "application/zip"),
    ".txt": ("txt", "text/plain"),
}


def _resource_title(path: str) -> str:
    """A short Vietnamese title from the path alone (the files say the rest)."""
    p = PurePosixPath(path)
    table = table_of(path)
    if table is not None and p.name == "data.csv":
        return f"{table.title} ({p.parts[0]}, {p.parts[2]})"
    if table is not None:
        return f"{table.title} ({p.parent.name})"
    if p.name == "data.json":
        what = "chỉ tiêu" if p.parts[1] == urls.TARGET_FOLDER else "dự án"
        return f"Toàn bộ dữ liệu của một {what} (JSON; {p.parts[0]}, {p.parts[2]})"
    if path.startswith("schema/v"):
        return f"Lược đồ JSON Schema của tệp dữ liệu {p.name.removesuffix('.schema.json')}.yaml"
    if path.startswith(TABLE_SCHEMA_FOLDER):
        return f"Table Schema (Frictionless): {TABLES[p.stem].title}"
    if path.startswith(CSVW_SCHEMA_FOLDER):
        return f"Lược đồ CSVW: {TABLES[p.stem].title}"
    if p.name == CSVW_METADATA:
        return "Siêu dữ liệu CSVW của mọi tệp CSV"
    if p.name == "LICENSE.txt":
        return "Giấy phép dữ liệu (CC BY 4.0)"
    if p.name == "README.txt":
        return "Mô tả các tệp"
    if p.suffix == ".zip":
        return "Toàn bộ tệp tải về (ZIP)"
    if p.suffix == ".xlsx":
        return f"Bảng tính Excel của phường ({p.stem})"
    if p.stem == urls.SITE_DATA_NAME:
        return "Toàn bộ dữ liệu của mọi phường (JSON)"
    return f"Toàn bộ dữ liệu của phường (JSON; {p.stem})"


@dataclass(frozen=True)
class Described:
    """A file as the metadata needs it: path, size and SHA-256 digest (not its content)."""

    path: str
    size: int
    sha256: str

    @classmethod
    def of(cls, path: str, content: bytes) -> Described:
        """Describe `content`, which the caller may drop right after."""
        return cls(path, len(content), hashlib.sha256(content).hexdigest())


def resource(file: Described) -> dict[str, Any]:
    """One Data Package resource: a download by path, with its size, hash and schema."""
    path = file.path
    suffix = PurePosixPath(path).suffix
    fmt, media = _MEDIA.get(suffix, ("", "application/octet-stream"))
    entry: dict[str, Any] = {
        "name": path.lower(),
        "path": path,
        "title": _resource_title(path),
    }
    table = table_of(path)
    if table is not None:
        entry["type"] = "table"
        entry["schema"] = f"{TABLE_SCHEMA_FOLDER}{table.name}.json"
        entry["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "header": True}
    elif fmt == "json":
        entry["type"] = "json"
    else:
        entry["type"] = "file"  # XLSX, ZIP, text: described, not read as tables
    entry["format"] = fmt
    entry["mediatype"] = media
    if fmt not in ("xlsx", "zip"):
        entry["encoding"] = "utf-8"
    entry["bytes"] = file.size
    entry["hash"] = f"sha256:{file.sha256}"
    return entry


def datapackage(
    files: Iterable[Described], as_of: date | None, site_url: str = ""
) -> dict[str, Any]:
    """The Data Package describing `files` (paths relative to the package's folder)."""
    package: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "cam-ket-phuong",
        "title": "Cam kết phường 2025-2030: chỉ tiêu và dự án trọng điểm",
        "description": (
            "Chỉ tiêu, dự án trọng điểm và số liệu đo được của các phường nhiệm kỳ "
            "2025-2030, chép từ văn bản gốc, kèm trạng thái và nguồn của từng mục. "
            "CSV: UTF-8 có BOM, dấu phẩy, số dùng dấu chấm thập phân, ngày dạng ISO."
        ),
        "version": as_of.isoformat() if as_of else None,
        "created": f"{as_of.isoformat()}T00:00:00Z" if as_of else None,
        "homepage": site_url or None,
        "keywords": ["chỉ tiêu", "dự án", "phường", "nhiệm kỳ 2025-2030"],
        "licenses": [{"name": LICENCE_NAME, "path": LICENCE_URL, "title": LICENCE_TITLE}],
        "resources": [resource(f) for f in sorted(files, key=lambda f: f.path)],
    }
    return {k: v for k, v in package.items() if v is not None}


def csvw_metadata(csv_paths: Iterable[str], as_of: date | None) -> dict[str, Any]:
    """The CSVW table group: every CSV of `csv_paths` with its schema (by reference)."""
    tables = []
    for path in sorted(csv_paths):
        table = table_of(path)
        if table is None:
            continue
        tables.append(
            {
                "url": path,
                "dc:title": _resource_title(path),
                "tableSchema": f"{CSVW_SCHEMA_FOLDER}{table.name}.json",
            }
        )
    group: dict[str, Any] = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "vi"}],
        "dc:title": "Cam kết phường 2025-2030: các tệp CSV",
        "dc:license": {"@id": LICENCE_URL},
        "dialect": {
            "encoding": "utf-8",
            "lineTerminators": ["\r\n"],
            "delimiter": ",",
            "header": True,
        },
        "tables": tables,
    }
    if as_of:
        group["dc:modified"] = {"@value": as_of.isoformat(), "@type": "xsd:date"}
    return group


def metadata_files(
    files: Iterable[Described], as_of: date | None, site_url: str = ""
) -> dict[str, bytes]:
    """`csv-metadata.json` and `datapackage.json` (which describes the former too)."""
    described = list(files)
    csvw = json_bytes(csvw_metadata([f.path for f in described], as_of))
    described.append(Described.of(CSVW_METADATA, csvw))
    return {
        CSVW_METADATA: csvw,
        DATAPACKAGE: json_bytes(datapackage(described, as_of, site_url)),
    }
