"""The data model: what staff write in `data/`, as validated types.

Each YAML file of a ward has one top-level model (`WardFile`, `TargetsFile`,
`ProjectsFile`, `TasksFile`, `SeriesFile`); their JSON Schemas are generated from
here (`schema.py`). Printed text ("as written") is kept beside its parsed form ("as
computed"), never replaced by it: a page shows "≥ 90" as the document printed it,
while the status engine reads `Goal`. Field descriptions are in Vietnamese because
they are the staff's reference (docs and editor tooltips).

Models are strict (no silent coercion: a year is a number, a name is text), forbid
unknown fields and are frozen.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from .errors import Invalid, Words
from .text import nfc

SCHEMA_VERSION = 1


class Model(BaseModel):
    """Base of every data model: strict, closed and immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _parse_day(value: object) -> object:
    """Accept `2025-12-12` and the Vietnamese `12/12/2025`; refuse anything else."""
    if isinstance(value, str):
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.strptime(value.strip(), pattern).date()
            except ValueError:
                continue
        raise Invalid(
            "ngày phải có dạng 2025-12-31 hoặc 31/12/2025, và có trong lịch",
            "a date must look like 2025-12-31 or 31/12/2025 and exist in the calendar",
        )
    return value


Text = Annotated[str, AfterValidator(nfc), Field(min_length=1)]
Markdown = Annotated[
    str,
    AfterValidator(nfc),
    Field(min_length=1, description="Văn bản Markdown (được làm sạch khi hiển thị)."),
]
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="Mã ASCII chữ thường, số và '-': là một phần địa chỉ trang, không đổi."),
]
Day = Annotated[date, BeforeValidator(_parse_day)]
Year = Annotated[int, Field(ge=1945, le=2100)]
PERIOD_RE = re.compile(r"^(\d{4})(?:-Q([1-4])|-(\d{2})(?:-(\d{2}))?)?$")
_PERIOD_FORMS = Words(
    "năm '2026', quý '2026-Q2', tháng '2026-06' hoặc ngày '2026-06-30'",
    "a year '2026', a quarter '2026-Q2', a month '2026-06' or a day '2026-06-30'",
)


def period_bounds(text: str) -> tuple[date, date]:
    """First and last day of a period: `2026-Q1` -> 01/01/2026 to 31/03/2026.

    Raises `Invalid` for text that is not a period or names a day not in the calendar
    ("2025-13-45"), so the check and the meaning live in one place.
    """
    match = PERIOD_RE.fullmatch(text)
    if match is None:
        raise Invalid(
            f"kỳ '{text}' không đúng dạng: {_PERIOD_FORMS.vi}",
            f"period '{text}' has the wrong form: {_PERIOD_FORMS.en}",
        )
    year, quarter, month, day = match.groups()
    y = int(year)
    if not 1945 <= y <= 2100:
        raise Invalid(
            f"năm {y} của kỳ '{text}' nằm ngoài 1945-2100",
            f"year {y} of period '{text}' is outside 1945-2100",
        )
    if quarter:
        first_month = (int(quarter) - 1) * 3 + 1
        return date(y, first_month, 1), _month_end(y, first_month + 2)
    if month is None:
        return date(y, 1, 1), date(y, 12, 31)
    m = int(month)
    if not 1 <= m <= 12:
        raise Invalid(
            f"kỳ '{text}': không có tháng {month}", f"period '{text}': there is no month {month}"
        )
    if day is None:
        return date(y, m, 1), _month_end(y, m)
    try:
        one = date(y, m, int(day))
    except ValueError:
        raise Invalid(
            f"kỳ '{text}': ngày {day}/{month}/{year} không có trong lịch",
            f"period '{text}': {year}-{month}-{day} is not a calendar date",
        ) from None
    return one, one


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _check_period(text: str) -> str:
    period_bounds(text)
    return text


Period = Annotated[
    str,
    AfterValidator(_check_period),
    Field(
        description="Kỳ số liệu: năm '2026', quý '2026-Q2', tháng '2026-06' hoặc ngày "
        "'2026-06-30' (phải có trong lịch).",
        json_schema_extra={"pattern": PERIOD_RE.pattern},
    ),
]

NoteKind = Literal[
    "contradiction", "correction", "unclear", "restored", "difference", "inconsistency", "info"
]
TargetKind = Literal[
    "level", "annual", "growth", "cumulative", "milestone", "assigned", "qualitative"
]
Comparator = Literal[">=", ">", "<=", "<", "=", "about", "range"]
Frequency = Literal["monthly", "quarterly", "yearly", "term"]
Direction = Literal["higher", "lower"]
TargetStatus = Literal[
    "achieved", "on_track", "needs_acceleration", "off_track", "no_data", "not_measurable"
]
ProjectStatus = Literal["not_started", "in_progress", "completed", "paused", "cancelled"]
ProjectKind = Literal["project", "work", "scheme", "plan", "program", "resolution", "other"]
DocumentKind = Literal["resolution", "action_program", "political_report", "plan", "other"]
ObservationFlag = Literal["estimate", "preliminary", "break"]


class Source(Model):
    """Where an item is printed: document, section, row and an exact quote."""

    document: Id = Field(description="Mã văn bản (trong ward.yaml, mục documents).")
    section: Text | None = Field(
        None, description="Phần, mục hoặc phụ lục như in: 'Phụ lục 1, mục I', 'B.I.1.1'."
    )
    row: Text | None = Field(None, description="Số thứ tự hàng hoặc mục như in: '5', 'II.4'.")
    page: int | None = Field(None, ge=1, description="Số trang trong văn bản, nếu biết.")
    quote: Text = Field(
        description="Đoạn trích nguyên văn từ tệp nguồn (kể cả lỗi OCR) chứa mục này."
    )


class Note(Model):
    """A visible note: contradiction, correction, unclear cell, OCR restoration, ..."""

    kind: NoteKind = Field(
        description="Loại ghi chú: contradiction (mâu thuẫn), correction (đính chính), "
        "unclear (không rõ trong nguồn), restored (khôi phục từ OCR), difference (khác "
        "giữa hai bản), inconsistency (tổng không khớp), info (thông tin)."
    )
    text: Markdown = Field(description="Nội dung ghi chú, Markdown đơn giản.")
    sources: list[Source] = Field(default_factory=list, description="Nguồn của từng phía.")


class StatusOverride(Model):
    """A status set by hand, which wins over the computed one and is shown as such."""

    status: TargetStatus = Field(description="Trạng thái đặt thủ công.")
    reason: Text = Field(description="Lý do, hiển thị trên trang.")
    source: Text = Field(description="Căn cứ: văn bản, báo cáo hoặc cuộc họp.")
    date: Day = Field(description="Ngày đánh giá.")


class Goal(Model):
    """The parsed meaning of a target's printed value."""

    kind: TargetKind = Field(
        description="Loại chỉ tiêu: level (đạt mức vào năm), annual (hằng năm), growth "
        "(tăng bình quân năm), cumulative (cộng dồn cả nhiệm kỳ), milestone (có/không), "
        "assigned (cấp trên giao), qualitative (định tính)."
    )
    comparator: Comparator | None = Field(
        None, description="So sánh: >=, >, <=, <, =, about (khoảng), range (từ ... đến ...)."
    )
    value: float | None = Field(None, description="Giá trị số (dấu chấm thập phân: 12.5).")
    low: float | None = Field(None, description="Cận dưới khi comparator là range.")
    high: float | None = Field(None, description="Cận trên khi comparator là range.")
    year: Year | None = Field(None, description="Năm phải đạt (thường 2030).")
    start_year: Year | None = Field(None, description="Năm đầu của giai đoạn tính.")
    end_year: Year | None = Field(None, description="Năm cuối của giai đoạn tính.")
    direction: Direction | None = Field(
        None, description="higher: càng cao càng tốt; lower: càng thấp càng tốt."
    )
    frequency: Frequency | None = Field(
        None,
        description="Chu kỳ của cam kết, như văn bản nói: monthly (hằng tháng), quarterly "
        "(hằng quý), yearly (hằng năm), term (cả nhiệm kỳ). Bỏ trống thì theo loại: annual "
        "và growth là yearly, cumulative là term; level và milestone không có chu kỳ.",
    )
    rank_of: int | None = Field(
        None,
        ge=2,
        description="Khi mục tiêu là một thứ hạng ('nhóm 20 dẫn đầu trên 114'): số đơn vị "
        "được xếp hạng (114); value là thứ hạng, 1 là cao nhất.",
    )

    @property
    def cadence(self) -> Frequency | None:
        """The frequency, defaulted from the kind when the data leaves it out."""
        if self.frequency is not None:
            return self.frequency
        return _DEFAULT_FREQUENCY.get(self.kind)

    @property
    def has_deadline(self) -> bool:
        """False for a level or milestone whose document prints no year."""
        return self.kind not in ("level", "milestone") or self.year is not None

    @model_validator(mode="after")
    def _check_value_shape(self) -> Goal:
        if self.comparator == "range":
            if self.low is None or self.high is None:
                raise Invalid(
                    "comparator 'range' cần cả low và high", "comparator 'range' needs low and high"
                )
            if self.low > self.high:
                raise Invalid(
                    "low phải nhỏ hơn hoặc bằng high", "low must be less than or equal to high"
                )
        elif self.comparator is not None and self.value is None:
            raise Invalid(
                f"comparator '{self.comparator}' cần value",
                f"comparator '{self.comparator}' needs value",
            )
        if self.start_year and self.end_year and self.start_year > self.end_year:
            raise Invalid("start_year phải trước end_year", "start_year must precede end_year")
        if self.frequency is not None and self.frequency not in _FREQUENCIES[self.kind]:
            allowed = ", ".join(_FREQUENCIES[self.kind]) or "—"
            raise Invalid(
                f"frequency '{self.frequency}' không dùng cho loại '{self.kind}' (dùng: {allowed})",
                f"frequency '{self.frequency}' does not apply to kind '{self.kind}' "
                f"(allowed: {allowed})",
            )
        if self.rank_of is not None:
            if self.kind != "level" or self.comparator not in ("<=", "<", "="):
                raise Invalid(
                    "thứ hạng (rank_of) cần kind 'level' và comparator '<=', '<' hoặc '='",
                    "a rank (rank_of) needs kind 'level' and comparator '<=', '<' or '='",
                )
            if self.value is None or not 1 <= self.value <= self.rank_of:
                raise Invalid(
                    f"thứ hạng value phải từ 1 đến rank_of ({self.rank_of})",
                    f"the rank value must be between 1 and rank_of ({self.rank_of})",
                )
            if self.direction == "higher":
                raise Invalid(
                    "thứ hạng: số càng nhỏ càng tốt, direction phải là 'lower' hoặc bỏ trống",
                    "a rank is better when smaller: direction must be 'lower' or left out",
                )
        return self


# Which frequencies each kind can have; the first is its default.
_FREQUENCIES: dict[str, tuple[Frequency, ...]] = {
    "level": (),
    "milestone": (),
    "annual": ("yearly", "quarterly", "monthly"),
    "growth": ("yearly",),
    "cumulative": ("term",),
    "assigned": ("yearly", "term"),
    "qualitative": ("yearly", "term"),
}
_DEFAULT_FREQUENCY: dict[str, Frequency] = {
    "annual": "yearly",
    "growth": "yearly",
    "cumulative": "term",
}


class Milestone(Model):
    """An intermediate or yearly value printed for a target."""

    year: Year = Field(description="Năm của mốc.")
    text: Text = Field(description="Giá trị như in.")
    comparator: Comparator | None = Field(None, description="So sánh, như ở goal.")
    value: float | None = Field(None, description="Giá trị số.")
    low: float | None = Field(None, description="Cận dưới (range).")
    high: float | None = Field(None, description="Cận trên (range).")
    source: Source | None = Field(None, description="Nguồn, nếu khác nguồn của chỉ tiêu.")


class Target(Model):
    """A numbered target (chỉ tiêu) as printed, with its parsed goal."""

    id: Id
    group: Id | None = Field(None, description="Mã nhóm chỉ tiêu (không dùng cho chỉ tiêu con).")
    code: Text | None = Field(None, description="Số hiệu như in: '1', 'II.4', '(3)'.")
    name: Text = Field(description="Tên chỉ tiêu nguyên văn.")
    unit: Text | None = Field(None, description="Đơn vị tính như in: '%', 'TCĐ', 'tỷ đồng'.")
    value_text: Text | None = Field(None, description="Giá trị 'Đến năm 2030' như in.")
    yearly_text: Text | None = Field(None, description="Giá trị 'Bình quân năm' như in.")
    goal: Goal | None = Field(
        None,
        description="Ý nghĩa đã phân tích của giá trị in; chỉ bỏ trống khi chỉ tiêu có "
        "chỉ tiêu con mang giá trị riêng.",
    )
    milestones: list[Milestone] = Field(default_factory=list, description="Các mốc trung gian.")
    lead_unit: Text | None = Field(None, description="Đơn vị chủ trì như in.")
    lead_orgs: list[Id] | None = Field(
        None, description="Mã các đơn vị chủ trì; bỏ trống để khớp lead_unit theo tên."
    )
    partners: Text | None = Field(None, description="Đơn vị phối hợp như in.")
    indicator: Id | None = Field(
        None,
        description="Mã chỉ số chung (trong data/indicators.yaml), khi chỉ tiêu đo đúng chỉ số "
        "mà chỉ tiêu của phường khác cũng đo (cùng đại lượng, cùng cách tính): trang so sánh "
        "đặt các chỉ tiêu cùng mã cạnh nhau. Bỏ trống khi không chắc.",
    )
    sources: list[Source] = Field(min_length=1, description="Mọi chỗ văn bản nêu chỉ tiêu.")
    notes: list[Note] = Field(default_factory=list, description="Ghi chú hiển thị.")
    restored_from_ocr: bool = Field(False, description="true nếu chữ được khôi phục từ OCR.")
    status_override: StatusOverride | None = Field(None, description="Trạng thái thủ công.")
    children: list[Target] = Field(default_factory=list, description="Chỉ tiêu con.")

    @model_validator(mode="after")
    def _goal_or_children(self) -> Target:
        if self.goal is None and not self.children:
            raise Invalid(
                "cần goal (hoặc chỉ tiêu con mang giá trị riêng)",
                "goal is needed (or child targets carrying their own values)",
            )
        return self


class TargetGroup(Model):
    """A group of targets as printed (e.g. 'I. Chỉ tiêu về công tác xây dựng Đảng')."""

    id: Id
    code: Text | None = Field(None, description="Số hiệu nhóm như in: 'I', 'II'.")
    name: Text = Field(description="Tên nhóm nguyên văn.")
    inferred: bool = Field(False, description="true nếu văn bản không in tên nhóm này.")
    description: Markdown | None = Field(
        None, description="Mục tiêu hoặc nội dung chung của nhóm (chương trình), nguyên văn."
    )
    source: Source | None = Field(None, description="Nguồn của tên nhóm.")


class TargetsFile(Model):
    """`targets.yaml`: the ward's target groups and targets."""

    groups: list[TargetGroup] = Field(default_factory=list, description="Nhóm chỉ tiêu.")
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu.")


class Observation(Model):
    """One measured value of a series, with its source."""

    period: Period
    value: float | None = Field(None, description="Giá trị số; bỏ trống nếu nguồn không đọc được.")
    value_text: Text | None = Field(None, description="Giá trị như in: '12,5', '5.000'.")
    source: Source = Field(description="Nguồn của số liệu.")
    note: Markdown | None = Field(None, description="Ghi chú hiển thị cạnh số liệu.")
    flags: list[ObservationFlag] = Field(
        default_factory=list,
        description="estimate (ước tính), preliminary (sơ bộ), break (chuỗi bị ngắt).",
    )


class Series(Model):
    """Measured values of one measure in one area (the ward or a former ward)."""

    id: Id
    name: Text = Field(description="Tên số liệu như in.")
    unit: Text | None = Field(None, description="Đơn vị tính.")
    area: Id | None = Field(None, description="Mã phường cũ; bỏ trống nếu là cả phường.")
    area_text: Text | None = Field(
        None,
        description="Địa bàn như in, khi số liệu không thuộc một phường cũ duy nhất "
        "(ví dụ 'chung 04 phường cũ'); chuỗi như vậy không dùng để đánh giá phường mới.",
    )
    target: Id | None = Field(None, description="Mã chỉ tiêu mà chuỗi này đo.")
    link_note: Text | None = Field(
        None, description="Văn bản liên hệ chuỗi với chỉ tiêu thế nào (hiển thị trên biểu đồ)."
    )
    baseline_for: Id | None = Field(
        None,
        description="Mã chỉ tiêu mà kết quả này (thường của nhiệm kỳ trước) là mức xuất phát: "
        "chỉ ghi khi văn bản rõ ràng nói cùng một chỉ số. Trang chỉ tiêu hiển thị chuỗi làm mức "
        "xuất phát, kèm ghi chú; chuỗi không dùng để đánh giá trạng thái.",
    )
    running_total: bool = Field(
        False, description="true nếu mỗi số liệu đã là lũy kế từ đầu kỳ (không cộng dồn thêm)."
    )
    observations: list[Observation] = Field(default_factory=list, description="Số liệu.")


class SeriesFile(Model):
    """`series.yaml`: measurement series."""

    series: list[Series] = Field(default_factory=list, description="Chuỗi số liệu.")


class ProjectTable(Model):
    """An appendix table of projects, with its printed number and title."""

    id: Id
    number: Text | None = Field(None, description="Số hiệu bảng như in.")
    title: Text = Field(description="Tên bảng như in (hoặc đặt thêm, khi inferred).")
    inferred: bool = Field(False, description="true nếu văn bản không in số hoặc tên bảng.")
    source: Source = Field(description="Nguồn của bảng.")
    notes: list[Note] = Field(default_factory=list, description="Ghi chú hiển thị.")


class ProjectRow(Model):
    """One printed row that names a project; a project may appear in several tables."""

    table: Id = Field(description="Mã bảng (trong tables).")
    code: Text | None = Field(None, description="Số thứ tự như in.")
    name: Text = Field(description="Tên như in ở hàng này.")
    lead_unit: Text | None = Field(None, description="Đơn vị chủ trì như in.")
    partners: Text | None = Field(None, description="Đơn vị phối hợp như in.")
    timeframe: Text | None = Field(None, description="Thời gian thực hiện như in.")
    funding: Text | None = Field(None, description="Nguồn vốn như in.")
    remark: Text | None = Field(None, description="Cột ghi chú như in.")
    source: Source = Field(description="Nguồn của hàng.")


class Timeframe(Model):
    """Printed timeframe with parsed years."""

    text: Text | None = Field(None, description="Như in: '2026 - 2030', 'Quý IV/2026'.")
    start: Year | None = Field(None, description="Năm bắt đầu.")
    end: Year | None = Field(None, description="Năm kết thúc.")
    end_date: Day | None = Field(None, description="Ngày kết thúc, nếu văn bản ghi rõ.")


class Budget(Model):
    """Printed budget with the parsed amount."""

    text: Text = Field(description="Như in: '1.250 tỷ đồng'.")
    value: float | None = Field(None, description="Số tiền (số).")
    unit: Text | None = Field(None, description="Đơn vị: 'tỷ đồng', 'triệu đồng'.")


class StatusChange(Model):
    """A dated project status with its source."""

    date: Day = Field(description="Ngày.")
    status: ProjectStatus = Field(
        description="not_started, in_progress, completed, paused, cancelled."
    )
    source: Text = Field(description="Căn cứ (văn bản, báo cáo).")
    note: Markdown | None = Field(None, description="Ghi chú.")


class ProjectMilestone(Model):
    """A planned or reached step of a project."""

    date: Day | None = Field(None, description="Ngày của mốc.")
    year: Year | None = Field(None, description="Năm của mốc, khi không có ngày.")
    text: Text = Field(description="Nội dung mốc.")
    done: bool | None = Field(None, description="true khi đã đạt.")
    source: Text | None = Field(None, description="Căn cứ.")


class Progress(Model):
    """Measured progress of a project, in percent."""

    period: Period
    value: float = Field(ge=0, le=100, description="Phần trăm khối lượng hoàn thành.")
    source: Text = Field(description="Căn cứ.")


class Project(Model):
    """A key project, scheme, plan or work; one page however many rows name it."""

    id: Id
    name: Text = Field(description="Tên dùng làm tiêu đề trang.")
    kind: ProjectKind = Field(
        description="project (dự án), work (công trình), scheme (đề án), plan (kế hoạch), "
        "program (chương trình), resolution (nghị quyết), other."
    )
    rows: list[ProjectRow] = Field(min_length=1, description="Mọi hàng trong phụ lục nêu mục này.")
    lead_unit: Text | None = Field(None, description="Đơn vị chủ trì như in.")
    lead_orgs: list[Id] | None = Field(None, description="Mã đơn vị chủ trì.")
    partners: Text | None = Field(None, description="Đơn vị phối hợp như in.")
    partner_orgs: list[Id] | None = Field(None, description="Mã đơn vị phối hợp.")
    timeframe: Timeframe | None = Field(None, description="Thời gian thực hiện.")
    funding: Text | None = Field(None, description="Nguồn vốn như in.")
    budget: Budget | None = Field(None, description="Tổng mức đầu tư.")
    location: Text | None = Field(None, description="Địa điểm.")
    context: bool = Field(False, description="true nếu là dự án của cấp trên, nêu làm bối cảnh.")
    status_history: list[StatusChange] = Field(
        default_factory=list, description="Lịch sử trạng thái."
    )
    milestones: list[ProjectMilestone] = Field(default_factory=list, description="Các mốc.")
    progress: list[Progress] = Field(default_factory=list, description="Tiến độ đo được.")
    related_targets: list[Id] = Field(default_factory=list, description="Mã chỉ tiêu liên quan.")
    parts: list[Text] = Field(
        default_factory=list, description="Các hạng mục, công trình thành phần được nêu tên."
    )
    notes: list[Note] = Field(default_factory=list, description="Ghi chú hiển thị.")
    restored_from_ocr: bool = Field(False, description="true nếu chữ được khôi phục từ OCR.")


class ProjectsFile(Model):
    """`projects.yaml`: appendix tables and projects."""

    tables: list[ProjectTable] = Field(default_factory=list, description="Bảng phụ lục.")
    projects: list[Project] = Field(default_factory=list, description="Dự án, công trình.")


class Task(Model):
    """A priority task, a breakthrough or a main task, as printed."""

    id: Id
    code: Text | None = Field(None, description="Số hiệu như in.")
    text: Text = Field(description="Nội dung nguyên văn.")
    lead_unit: Text | None = Field(None, description="Đơn vị chủ trì như in.")
    lead_orgs: list[Id] | None = Field(None, description="Mã đơn vị chủ trì.")
    partners: Text | None = Field(None, description="Đơn vị phối hợp như in.")
    partner_orgs: list[Id] | None = Field(None, description="Mã đơn vị phối hợp.")
    timeframe: Text | None = Field(None, description="Thời gian như in.")
    output: Text | None = Field(None, description="Sản phẩm đầu ra như in.")
    source: Source = Field(description="Nguồn.")
    notes: list[Note] = Field(default_factory=list, description="Ghi chú hiển thị.")
    restored_from_ocr: bool = Field(False, description="true nếu chữ được khôi phục từ OCR.")


class TasksFile(Model):
    """`tasks.yaml`: priority tasks, breakthroughs and main task groups."""

    priority_tasks: list[Task] = Field(default_factory=list, description="Nhiệm vụ ưu tiên.")
    breakthroughs: list[Task] = Field(default_factory=list, description="Khâu đột phá.")
    main_tasks: list[Task] = Field(
        default_factory=list, description="Nhiệm vụ, giải pháp chủ yếu (nhóm nhiệm vụ)."
    )


class Organisation(Model):
    """An organisation named as lead unit or partner, with every printed spelling."""

    id: Id
    name: Text = Field(description="Tên chuẩn.")
    aliases: list[Text] = Field(
        default_factory=list, description="Các cách viết khác trong văn bản."
    )


class Fact(Model):
    """A fact about the ward (area, population, ...), as printed."""

    label: Text = Field(description="Tên: 'Diện tích', 'Dân số'.")
    value_text: Text = Field(description="Giá trị như in.")
    value: float | None = Field(None, description="Giá trị số.")
    unit: Text | None = Field(None, description="Đơn vị.")
    source: Source = Field(description="Nguồn: trang hiển thị nguồn cạnh mỗi thông tin.")


class FormerWard(Model):
    """A ward that existed before the 2025 merger; its results stay its own."""

    id: Id
    name: Text = Field(description="Tên phường cũ.")
    note: Text | None = Field(None, description="Ghi chú.")


class Document(Model):
    """A source document: resolution, action program, political report."""

    id: Id
    kind: DocumentKind = Field(
        description="resolution (nghị quyết), action_program (chương trình hành động), "
        "political_report (báo cáo chính trị), plan (kế hoạch), other."
    )
    title: Text = Field(description="Tên văn bản.")
    number: Text | None = Field(None, description="Số hiệu: '04-CTr/ĐU'.")
    date: Day | None = Field(None, description="Ngày ban hành.")
    date_text: Text | None = Field(
        None, description="Ngày như in, khi không rõ ngày: 'tháng 7/2025'."
    )
    issuer: Text = Field(description="Cơ quan ban hành.")
    status: Literal["draft", "issued"] = Field(
        description="draft (dự thảo) hoặc issued (đã ban hành)."
    )
    version_label: Text | None = Field(
        None, description="Như in: 'Dự thảo lần 01', 'sửa đổi, bổ sung'."
    )
    revises: Id | None = Field(None, description="Mã văn bản mà văn bản này sửa đổi, thay thế.")
    signer: Text | None = Field(None, description="Người ký.")
    signer_title: Text | None = Field(
        None, description="Chức danh người ký: 'T/M ĐẢNG ỦY, BÍ THƯ'."
    )
    congress: Text | None = Field(None, description="Đại hội mà văn bản thực hiện.")
    term: Text | None = Field(None, description="Nhiệm kỳ: '2025 - 2030'.")
    seeds: list[str] = Field(
        default_factory=list, description="Tệp văn bản gốc (để kiểm tra trích dẫn)."
    )
    summary: Markdown | None = Field(None, description="Tóm tắt, chủ đề, mục tiêu chung.")
    notes: list[Note] = Field(default_factory=list, description="Ghi chú hiển thị.")


class Ward(Model):
    """The ward (phường) itself."""

    id: Id
    name: Text = Field(description="Tên: 'Kiến An'.")
    full_name: Text = Field(description="Tên đầy đủ: 'Phường Kiến An'.")
    city: Text = Field(description="Thành phố hoặc tỉnh.")
    term_start: Year = Field(2025, description="Năm đầu nhiệm kỳ.")
    term_end: Year = Field(2030, description="Năm cuối nhiệm kỳ.")
    formed: Markdown | None = Field(None, description="Phường được thành lập thế nào (2025).")
    facts: list[Fact] = Field(default_factory=list, description="Thông tin chung.")
    former_wards: list[FormerWard] = Field(default_factory=list, description="Các phường cũ.")


class WardFile(Model):
    """`ward.yaml`: the ward, its organisations and its documents."""

    ward: Ward
    organisations: list[Organisation] = Field(default_factory=list, description="Đơn vị.")
    documents: list[Document] = Field(min_length=1, description="Văn bản nguồn.")


class Indicator(Model):
    """A measure shared by targets of several wards, for the comparison pages."""

    code: Id = Field(description="Mã chỉ số: 'ty-le-bhyt'; là một phần địa chỉ trang so sánh.")
    name: Text = Field(description="Tên chỉ số bằng tiếng Việt.")
    unit: Text | None = Field(None, description="Đơn vị chung của chỉ số: '%', 'hộ'.")
    note: Text | None = Field(
        None,
        description="Ghi chú hiển thị trên trang so sánh: các văn bản nêu chỉ số khác nhau "
        "thế nào (đơn vị, cách tính, thời hạn).",
    )


class IndicatorsFile(Model):
    """`data/indicators.yaml`: the shared indicator codes targets may carry."""

    indicators: list[Indicator] = Field(default_factory=list, description="Các chỉ số chung.")


INDICATORS_FILE = "indicators.yaml"

# The files of a ward folder, in load order, with the model each must satisfy.
WARD_FILES: dict[str, type[Model]] = {
    "ward.yaml": WardFile,
    "targets.yaml": TargetsFile,
    "projects.yaml": ProjectsFile,
    "tasks.yaml": TasksFile,
    "series.yaml": SeriesFile,
}
REQUIRED_FILES = ("ward.yaml",)
