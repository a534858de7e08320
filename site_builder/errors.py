"""Data errors: one record per problem, one exception carrying them all.

Staff fix data, not code, so each error names the file, line, column and field, has a
stable code they can look up in the staff guide (docs/staff/loi.md), and a short
message in Vietnamese (English beside it for maintainers). The loader collects every
problem before raising, so one run shows everything that needs fixing.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path


@dataclass(frozen=True)
class ErrorCode:
    """A stable error code with its messages; `{…}` fields are filled per error."""

    code: str
    vi: str
    en: str
    fix_vi: str


_CODES = [
    ErrorCode(
        "yaml-syntax",
        "Lỗi cú pháp YAML: {detail}",
        "YAML syntax error: {detail}",
        "Kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm và dấu ngoặc kép.",
    ),
    ErrorCode(
        "yaml-duplicate-key",
        "Khóa '{key}' xuất hiện hai lần (lần đầu ở dòng {first_line})",
        "Key '{key}' appears twice (first at line {first_line})",
        "Xóa một trong hai dòng: YAML chỉ giữ giá trị cuối cùng, giá trị kia bị mất.",
    ),
    ErrorCode(
        "yaml-alias",
        "Không dùng neo và tham chiếu YAML (& và *)",
        "YAML anchors and aliases (& and *) are not allowed",
        "Viết đầy đủ nội dung tại mỗi chỗ cần dùng.",
    ),
    ErrorCode(
        "yaml-tag",
        "Không dùng thẻ YAML '{tag}'",
        "YAML tag '{tag}' is not allowed",
        "Xóa thẻ bắt đầu bằng '!' và ghi giá trị bình thường.",
    ),
    ErrorCode(
        "yaml-ambiguous-number",
        "Số '{text}' dễ hiểu nhầm: YAML đọc thành {loaded}",
        "Number '{text}' is ambiguous: YAML reads it as {loaded}",
        'Nếu là chữ in trong văn bản, đặt trong ngoặc kép ("{text}"); nếu là số, '
        "viết không có dấu chấm phân cách nghìn (5000) và dùng dấu chấm cho phần thập phân (12.5).",
    ),
    ErrorCode(
        "yaml-multiple-documents",
        "Tệp chỉ được chứa một tài liệu YAML (không dùng '---' lần thứ hai)",
        "A file must hold a single YAML document",
        "Xóa dòng '---' thừa hoặc tách thành tệp riêng.",
    ),
    ErrorCode(
        "file-too-large",
        "Tệp quá lớn ({size} byte, tối đa {limit} byte)",
        "File too large ({size} bytes, limit {limit})",
        "Tách dữ liệu thành nhiều phường hoặc kiểm tra tệp có bị dán nhầm nội dung.",
    ),
    ErrorCode(
        "file-encoding",
        "Tệp không phải UTF-8: {detail}",
        "File is not UTF-8: {detail}",
        "Lưu lại tệp với bảng mã UTF-8.",
    ),
    ErrorCode(
        "file-missing",
        "Thiếu tệp bắt buộc '{name}'",
        "Required file '{name}' is missing",
        "Tạo tệp theo mẫu trong hướng dẫn (docs/staff).",
    ),
    ErrorCode(
        "file-empty",
        "Tệp rỗng",
        "File is empty",
        "Thêm nội dung hoặc xóa tệp.",
    ),
    ErrorCode(
        "unknown-field",
        "Trường '{name}' không có trong lược đồ dữ liệu",
        "Field '{name}' is not part of the schema",
        "Kiểm tra chính tả tên trường; danh sách trường ở docs/staff/truong-du-lieu.md.",
    ),
    ErrorCode(
        "missing-field",
        "Thiếu trường bắt buộc '{name}'",
        "Required field '{name}' is missing",
        "Thêm trường này (xem docs/staff/truong-du-lieu.md).",
    ),
    ErrorCode(
        "text-needs-quotes",
        "Trường văn bản nhận giá trị '{text}' không có ngoặc kép, YAML đọc thành {loaded}",
        "Text field got unquoted '{text}', which YAML reads as {loaded}",
        'Đặt văn bản in trong ngoặc kép: "{text}".',
    ),
    ErrorCode(
        "wrong-type",
        "Giá trị '{text}' sai kiểu: {detail}",
        "Value '{text}' has the wrong type: {detail}",
        "Xem kiểu của trường trong docs/staff/truong-du-lieu.md.",
    ),
    ErrorCode(
        "invalid-choice",
        "Giá trị '{text}' không hợp lệ; chọn một trong: {choices}",
        "Value '{text}' is not allowed; choose one of: {choices}",
        "Dùng đúng một giá trị trong danh sách.",
    ),
    ErrorCode(
        "invalid-value",
        "Giá trị không hợp lệ: {detail}",
        "Invalid value: {detail}",
        "Sửa giá trị theo gợi ý trong thông báo.",
    ),
    ErrorCode(
        "duplicate-id",
        "Mã '{id}' bị trùng (đã dùng ở {first})",
        "Id '{id}' is used twice (first at {first})",
        "Mỗi mục cần một mã riêng; mã là một phần của địa chỉ trang, đừng đổi mã đã công bố.",
    ),
    ErrorCode(
        "unknown-organisation",
        "Không tìm thấy đơn vị '{name}' trong danh sách đơn vị của phường",
        "Organisation '{name}' is not in the ward's list",
        "Thêm tên này vào 'aliases' của đơn vị đúng trong ward.yaml, hoặc thêm đơn vị mới.",
    ),
    ErrorCode(
        "unknown-reference",
        "Không tìm thấy {kind} có mã '{id}'",
        "No {kind} with id '{id}'",
        "Kiểm tra chính tả mã, hoặc thêm mục được tham chiếu.",
    ),
    ErrorCode(
        "series-parent-target",
        "Chỉ tiêu '{id}' mang giá trị ở các chỉ tiêu con: ghi số liệu cho chỉ tiêu con "
        "({children})",
        "Target '{id}' holds its values in its child targets: record the measurement "
        "for a child ({children})",
        "Thay mã chỉ tiêu cha bằng mã của chỉ tiêu con mà số liệu đo.",
    ),
    ErrorCode(
        "duplicate-period",
        "Kỳ '{period}' có hai số liệu trong cùng chuỗi (lần đầu ở dòng {first_line})",
        "Period '{period}' has two values in one series (first at line {first_line})",
        "Giữ một số liệu cho mỗi kỳ; số liệu điều chỉnh thì sửa giá trị và ghi chú.",
    ),
    ErrorCode(
        "ward-folder-mismatch",
        "Mã phường '{id}' khác tên thư mục '{folder}'",
        "Ward id '{id}' differs from its folder '{folder}'",
        "Đặt tên thư mục trùng với mã phường.",
    ),
    ErrorCode(
        "outside-term",
        "{what} {value} nằm ngoài nhiệm kỳ {start}-{end} của phường",
        "{what} {value} is outside the ward's term {start}-{end}",
        "Kiểm tra lại năm (gõ nhầm?); nếu văn bản thật sự nói vậy, ghi chú và báo người bảo trì.",
    ),
    # Excel import (excel.py): the file is the workbook, the line its row, the field its cell.
    ErrorCode(
        "xlsx-unreadable",
        "Không đọc được tệp Excel: {detail}",
        "The Excel file cannot be read: {detail}",
        'Mở tệp bằng Excel và lưu lại dạng "Excel Workbook (.xlsx)"; '
        "tệp .xls, .csv không dùng được.",
    ),
    ErrorCode(
        "xlsx-missing",
        "Không tìm thấy tệp Excel '{name}'",
        "Excel file '{name}' not found",
        "Kiểm tra tên và đường dẫn của tệp (ví dụ `viet-hung.xlsx`, hoặc đường dẫn đầy đủ).",
    ),
    ErrorCode(
        "xlsx-layout",
        "Tệp Excel không đúng mẫu: {detail}",
        "The Excel file does not follow the template: {detail}",
        "Xuất tệp mới bằng `site-builder export-xlsx --ward <mã>` rồi sửa trên tệp đó; không đổi "
        "tên, không xóa trang tính, hàng 2 (ẩn) hay các cột ẩn.",
    ),
    ErrorCode(
        "xlsx-new-row",
        "Hàng mới không có mã: không thêm {kind} mới qua Excel",
        "A new row without an id: a new {kind} cannot be added from Excel",
        "Thêm mục mới trong tệp YAML (cần nguồn và trích dẫn nguyên văn), rồi xuất lại tệp Excel. "
        "Qua Excel chỉ thêm được hàng số liệu, hàng trạng thái dự án và hàng mốc dự án.",
    ),
    ErrorCode(
        "xlsx-moved-row",
        "Đã đổi mã của một hàng có sẵn",
        "The id of an existing row was changed",
        "Trả lại mã cũ; muốn ghi cho mục khác thì thêm một hàng mới.",
    ),
]

CODES: dict[str, ErrorCode] = {c.code: c for c in _CODES}


@dataclass(frozen=True)
class Words:
    """A message parameter said in each language ("văn bản" / "document").

    Parameters that are the data's own text (a printed name, an id) are the same in both
    messages; words the program adds are not, so each message stays in one language.
    """

    vi: str
    en: str


# What an error refers to (`unknown-reference`, `xlsx-new-row`), in each language.
KIND: dict[str, Words] = {
    "table": Words("bảng", "table"),
    "series": Words("chuỗi số liệu", "series"),
    "target": Words("chỉ tiêu", "target"),
    "project": Words("dự án", "project"),
    "target group": Words("nhóm chỉ tiêu", "target group"),
    "former ward": Words("phường cũ", "former ward"),
    "observation": Words("số liệu", "observation"),
    "project status": Words("trạng thái dự án", "project status"),
    "project milestone": Words("mốc dự án", "project milestone"),
    "document": Words("văn bản", "document"),
    "organisation": Words("đơn vị", "organisation"),
    "indicator": Words(
        "chỉ số chung (trong data/indicators.yaml)", "shared indicator (in data/indicators.yaml)"
    ),
    "target row": Words("chỉ tiêu, nhóm chỉ tiêu", "target or target group"),
    "project row": Words("dự án, bảng phụ lục", "project or appendix table"),
    "goal year": Words("Năm của mục tiêu", "The goal's year"),
    "milestone year": Words("Năm của mốc", "The milestone's year"),
    "target period": Words("Kỳ số liệu của chỉ tiêu", "The target's data period"),
}


class Invalid(ValueError):
    """A model check that failed, explained in both languages (see `Words`)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(vi)
        self.words = Words(vi, en)


def _in(lang: str, params: dict[str, object]) -> dict[str, object]:
    return {k: (getattr(v, lang) if isinstance(v, Words) else v) for k, v in params.items()}


@dataclass(frozen=True)
class DataError:
    """One problem in the data, located as precisely as the YAML allows."""

    file: Path
    line: int
    column: int
    field: str
    code: str
    params: dict[str, object] = dataclass_field(default_factory=dict, compare=False, hash=False)

    @property
    def message_vi(self) -> str:
        """Message for staff, in Vietnamese."""
        return CODES[self.code].vi.format(**_in("vi", self.params))

    @property
    def message_en(self) -> str:
        """Message for maintainers, in English."""
        return CODES[self.code].en.format(**_in("en", self.params))

    @property
    def fix_vi(self) -> str:
        """How to fix it, in Vietnamese."""
        return CODES[self.code].fix_vi.format(**_in("vi", self.params))

    def format(self, lang: str = "vi") -> str:
        """One line an editor can jump to: `file:line:column: code field: message`."""
        where = f"{self.file.as_posix()}:{self.line}:{self.column}"
        message = self.message_vi if lang == "vi" else self.message_en
        field_part = f" [{self.field}]" if self.field else ""
        line = f"{where}: {self.code}{field_part}: {message}"
        if lang == "vi":
            line += f" — Cách sửa: {self.fix_vi}"
        return line


class DataErrors(Exception):
    """Every problem found in one load; raised once, after everything was checked."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.file.as_posix(), e.line, e.column, e.code))
        super().__init__(self.report())

    def report(self, lang: str = "vi") -> str:
        """All errors, one per line, with a count first."""
        head = (
            f"Dữ liệu có {len(self.errors)} lỗi; chưa công bố gì."
            if lang == "vi"
            else f"The data has {len(self.errors)} error(s); nothing was published."
        )
        return "\n".join([head, *(e.format(lang) for e in self.errors)])
