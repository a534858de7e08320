"""What seed 003 (Thủy Nguyên action program) prints, counted by parsing the text.

Nothing here is typed by hand: every count comes from the seed's structure, so a test
can compare it with `data/wards/thuy-nguyen/`. The seed is clean text with this shape:

- part B holds five programs, headed `I. CHƯƠNG TRÌNH ...` to `V. CHƯƠNG TRÌNH ...`;
  each opens with `1. Mục tiêu: ...`, then its targets, either numbered items `(1) ...`
  after `Một số chỉ tiêu cụ thể:` or one unnumbered paragraph `Chỉ tiêu cụ thể: ...`
  (program II), then `2. Các nhiệm vụ và giải pháp chủ yếu` with groups `2.1. ...`,
  and one or more `Phân công thực hiện` lines;
- after the signature come the appendix tables, tab-separated. A table starts with a
  header line (`STT`, `ST T` or `TT` then a tab) whose first row is numbered 1; the
  lines between the previous table and its header are its number and title (either
  may be missing). A header repeated after a page break, followed by rows that go on
  numbering, continues the table before it. A line that starts with a tab continues
  the row above it (a cell broken by a page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import zip_longest

from tests.seeds import require_seeds

SEED = "003_53ae7dc0f0ac0f47.txt"

_PROGRAM_RE = re.compile(r"^(I|II|III|IV|V)\. (CHƯƠNG TRÌNH .+)$", re.M)
_ITEM_RE = re.compile(r"^\((\d+)\) (.+)$", re.M)
_GROUP_RE = re.compile(r"^(2\.\d+)\. (.+)$", re.M)
_HEADER_RE = re.compile(r"^(STT|ST T|TT)\t")
_ROW_RE = re.compile(r"^(\d+)\.?\t(.*)$")
_SIGNATURE = "Nam Hưng Hùng"


@cache
def raw() -> str:
    """The seed as it stands (not whitespace-collapsed), for line-based parsing."""
    return (require_seeds() / SEED).read_text(encoding="utf-8")


def _strip_markup(text: str) -> str:
    """Typography of the source file (`*...*`, `<u>`, `<p>`) is not content."""
    return re.sub(r"</?(?:u|p)>", "", text).replace("*", "").strip()


@dataclass(frozen=True)
class Program:
    """One program of part B, as printed."""

    code: str
    title: str
    goal: str
    items: list[tuple[str, str]]  # numbered targets: ("1", text)
    paragraph: str | None  # the unnumbered "Chỉ tiêu cụ thể: ..." paragraph, if any
    groups: list[tuple[str, str]]  # main task groups: ("2.1", heading)
    assignments: list[str]  # every "Phân công thực hiện" text of the program
    tasks_text: str  # the whole "2. Các nhiệm vụ và giải pháp chủ yếu" section


def _body() -> str:
    text = raw()
    return text[text.index("B. NỘI DUNG CHƯƠNG TRÌNH") : text.index("C. TỔ CHỨC THỰC HIỆN")]


@cache
def programs() -> tuple[Program, ...]:
    """The five programs of part B, in printed order."""
    body = _body()
    heads = list(_PROGRAM_RE.finditer(body))
    out = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(body)
        chunk = body[head.end() : end]
        goal = re.search(r"^1\. Mục tiêu: (.+)$", chunk, re.M)
        assert goal, head.group(1)
        tasks_at = chunk.index("2. Các nhiệm vụ và giải pháp chủ yếu")
        targets_part = chunk[goal.end() : tasks_at]
        paragraph = re.search(r"^Chỉ tiêu cụ thể: (.+)$", targets_part, re.M)
        assign_at = chunk.find("3. Phân công thực hiện")
        tasks_text = chunk[tasks_at : assign_at if assign_at >= 0 else len(chunk)]
        assignments = [
            re.sub(r"\s+", " ", m.group(1)).strip()
            for m in re.finditer(r"Phân công thực hiện:\s*\n*(.+)$", chunk, re.M)
        ]
        out.append(
            Program(
                code=head.group(1),
                title=head.group(2).rstrip("."),
                goal=_strip_markup(goal.group(1)),
                items=[(m.group(1), m.group(2)) for m in _ITEM_RE.finditer(targets_part)],
                paragraph=paragraph.group(1) if paragraph else None,
                groups=[
                    (m.group(1), _strip_markup(m.group(2))) for m in _GROUP_RE.finditer(tasks_text)
                ],
                assignments=assignments,
                tasks_text=tasks_text,
            )
        )
    return tuple(out)


def program(code: str) -> Program:
    """The program printed with this Roman numeral."""
    return next(p for p in programs() if p.code == code)


# ---------------------------------------------------------------- program II paragraph

_CLAUSE_SPLIT = re.compile(r"[;.]\s*")
_LEAD_IN = re.compile(r"^(?:Hằng năm|Đến năm \d{4}|đến năm \d{4}),?\s*(?:phần đầu\s+)?", re.I)


def paragraph_clauses(code: str) -> list[str]:
    """The clauses (split on ';' and '.') of a program's unnumbered target paragraph."""
    paragraph = program(code).paragraph or ""
    return [c.strip() for c in _CLAUSE_SPLIT.split(paragraph) if c.strip()]


def paragraph_subjects(code: str) -> list[str]:
    """Distinct subjects of those clauses, in order: what is measured, without the
    time phrase and the value ("tỷ lệ hồ sơ trực tuyến" is printed twice: yearly and
    by 2030, one subject)."""
    subjects: list[str] = []
    for clause in paragraph_clauses(code):
        subject = _LEAD_IN.sub("", clause)
        subject = re.split(r" (?:đạt|được công nhận)\b", subject)[0].strip()
        if subject not in subjects:
            subjects.append(subject)
    return subjects


# ---------------------------------------------------------------- numbers in the task text

# Numbers that are not commitments: references to other documents, dates, years and
# year ranges, list markers "(1)", "02 cấp" (the two-level local government), "4.0".
_NOT_A_COMMITMENT = re.compile(
    r"(?m:^\d+(?:\.\d+)*\.)"  # section numbers "2.", "2.1."
    r"|\d+-[A-ZĐ]+/[A-ZĐ]+"  # 45-NQ/TW, 144-QĐ/TW
    r"|\d{1,2}/\d{1,2}/\d{4}"  # 24/01/2019
    r"|\b(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:\n\s*)?(?:19|20)\d{2})?"  # 2030, 2025 - 2030
    r"|\(\d\)"  # (1) list markers
    r"|\b0?2 cấp\b"  # chính quyền địa phương 02 cấp
    r"|\b4\.0\b"  # công nghệ 4.0
    r"|Nghị quyết \d+\b"  # Nghị quyết 57
    r"|\bgiai đoạn \d\b"  # giai đoạn 1 và giai đoạn 2
    r"|\b0 đồng\b"  # Gian hàng 0 đồng
    r"|\"3 sạch\""  # Tổ phụ nữ "3 sạch"
    r"|mức độ 2\b"  # chuẩn Quốc gia mức độ 2 (a grade, not a count)
    r"|dưới \d+ tuổi"  # cán bộ trẻ (dưới 42 tuổi): a definition
)
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?%?|\b(?:hai|ba)\b(?= kỳ)")


def task_text_numbers(code: str) -> list[tuple[str, str]]:
    """Every number in a program's task text that states a commitment.

    Returns (number as printed, the sentence around it). The sentence is cut at '.',
    ';' and line ends, so it is an exact excerpt of the seed.
    """
    text = program(code).tasks_text
    masked = _NOT_A_COMMITMENT.sub(lambda m: "#" * len(m.group(0)), text)
    found = []
    for m in _NUMBER_RE.finditer(masked):
        start = max(text.rfind(ch, 0, m.start()) for ch in ".;\n") + 1
        ends = [i for i in (text.find(ch, m.end()) for ch in ".;\n") if i >= 0]
        sentence = text[start : min(ends) if ends else len(text)].strip(" -")
        found.append((m.group(0), sentence))
    return found


# ---------------------------------------------------------------- appendix tables


@dataclass
class Table:
    """An appendix table: printed number and title (None when not printed), rows."""

    number: str | None
    title: str | None
    header: str
    rows: list[tuple[str, list[str]]] = field(default_factory=list)  # (STT, cells)


def _split_heading(lines: list[str]) -> tuple[str | None, str | None]:
    lines = [ln.strip() for ln in lines if ln.strip()]
    number = None
    if lines and re.match(r"^Phụ lục", lines[0]):
        number = lines.pop(0)
    title = " ".join(lines) if lines else None
    return number, title


@cache
def tables() -> tuple[Table, ...]:
    """Every appendix table after the signature, in printed order."""
    text = raw()
    lines = text[text.index(_SIGNATURE) + len(_SIGNATURE) :].splitlines()
    out: list[Table] = []
    pending: list[str] = []  # lines since the last row: a heading, or nothing
    i = 0
    while i < len(lines):
        line = lines[i]
        if _HEADER_RE.match(line):
            # A second header line holds the sub-columns "Thực hiện / Hoàn thành".
            j = i + 1
            if j < len(lines) and lines[j].startswith("\t") and "Thực hiện" in lines[j]:
                j += 1
            first_row = next((ln for ln in lines[j:] if ln.strip()), "")
            m = _ROW_RE.match(first_row)
            starts_new = bool(m and m.group(1) == "1")
            if starts_new:
                number, title = _split_heading(pending)
                out.append(Table(number, title, line))
            pending = []
            i = j
            continue
        m = _ROW_RE.match(line)
        if m and out:
            out[-1].rows.append((m.group(1), line.split("\t")[1:]))
            pending = []
        elif line.startswith("\t") and line.strip() and out and out[-1].rows:
            # A cell continued after a page break: join it to the row above.
            code, cells = out[-1].rows[-1]
            extra = line.split("\t")[1:]
            merged = [(a + " " + b).strip() for a, b in zip_longest(cells, extra, fillvalue="")]
            out[-1].rows[-1] = (code, merged)
        elif line.strip():
            pending.append(line)
        i += 1
    return tuple(out)


def row_text(cells: list[str]) -> str:
    """A row's first text cell (the task or project), without markup."""
    return _strip_markup(cells[0])


_ROW_COMMITMENT = re.compile(r"\d+(?:,\d+)?%|từ \d+ đến \d+")


def appendix_numbers() -> list[tuple[int, str, str]]:
    """Commitments with a number inside appendix rows: a percentage or "từ 01 đến 02".

    Returns (table index, STT, number as printed). Other numbers in rows are names and
    references (lots "I.11", "110kV", "1,2ha", "Nghị quyết số 17-NQ/TU", years).
    """
    return [
        (i, code, m.group(0))
        for i, table in enumerate(tables())
        for code, cells in table.rows
        for m in _ROW_COMMITMENT.finditer(row_text(cells))
    ]


def summary() -> dict[str, object]:
    """Every count the tests compare, for the ward's notes (`python -m` this module)."""
    return {
        "programs": {
            p.code: {
                "numbered_targets": len(p.items),
                "paragraph_subjects": len(paragraph_subjects(p.code)) if p.paragraph else 0,
                "task_text_numbers": len(task_text_numbers(p.code)),
                "main_task_groups": len(p.groups),
                "assignments": len(p.assignments),
            }
            for p in programs()
        },
        "tables": [(t.number, t.title, len(t.rows)) for t in tables()],
        "rows": sum(len(t.rows) for t in tables()),
        "appendix_numbers": appendix_numbers(),
    }


if __name__ == "__main__":
    import pprint

    pprint.pprint(summary(), width=100, sort_dicts=False)
