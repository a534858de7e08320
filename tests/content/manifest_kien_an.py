"""Counts and printed structure of the Kiến An action program, parsed from its seeds.

Seed 001 is the clean text of the program (without number and date); seed 000 is the
OCR of the issued document (số 04-CTr/ĐU, 12/12/2025, sửa đổi, bổ sung). Nothing here
is typed by hand from the document: every function reads a seed and finds the printed
structure with regular expressions on its lines.

The structure of 001, as printed:

- preamble, "A. MỤC ĐÍCH, YÊU CẦU", "B. CHỈ TIÊU, NHIỆM VỤ, GIẢI PHÁP" with two parts
  "I. Về công tác xây dựng Đảng ..." (sections 1 to 8) and "II. Về phát triển kinh tế -
  xã hội ..." (sections 1 to 6); each section "n." has "n.1. Một số chỉ tiêu cụ thể"
  (items "- ..."), "n.2. Nhiệm vụ, giải pháp chủ yếu" and, except II.4, "n.3. Phân công
  thực hiện"; then "C. TỔ CHỨC THỰC HIỆN" and the signature;
- "PHỤ LỤC 1" (targets): groups "I." and "II.", rows "1." ... ;
- "PHỤ LỤC 2" (priority tasks): sections "I." to "IX.", rows "1." ... ;
- "PHỤ LỤC 3" (plans, schemes, projects, works): one table, rows "1." to "39.".

Rows of the appendix tables start a line with their number ("12.  Kế hoạch ..."); a
cell that wraps never starts a line with "<digits>." (checked by the row numbers being
consecutive).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from tests.seeds import require_seeds, squash

CLEAN = "001_ed63e95304319d49.txt"
ISSUED = "000_e4922602667202f3.txt"

_PART = re.compile(r"^\s*(I|II)\. Về ")
_SECTION = re.compile(r"^\s*(\d)\. \S")
_SPECIFIC = re.compile(r"^\s*(\d)\.1\. Một số chỉ tiêu cụ thể")
_SUBHEAD = re.compile(r"^\s*\d\.[23]\.? ")
_BULLET = re.compile(r"^\s*-\s+\S")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,2}\s*$")
_ROMAN = re.compile(r"^\s*(I|II|III|IV|V|VI|VII|VIII|IX)\.\s+(\S.*)$")
_ROW = re.compile(r"^\s*(\d{1,2})\.\s")


@cache
def lines(seed: str = CLEAN) -> tuple[str, ...]:
    return tuple((require_seeds() / seed).read_text(encoding="utf-8").splitlines())


def _index(predicate: Callable[[str], bool], start: int = 0, seed: str = CLEAN) -> int:
    return next(i for i, line in enumerate(lines(seed)) if i >= start and predicate(line))


# ------------------------------------------------------------------ body (part B)


@dataclass(frozen=True)
class Block:
    """A "Một số chỉ tiêu cụ thể" block: its code ("B.I.3.1") and its items."""

    code: str
    heading: str  # the section title ("3. Về tiếp tục đổi mới ...")
    items: tuple[str, ...]  # each "- ..." item, whitespace collapsed, dash removed


def _body_range() -> tuple[int, int]:
    start = _index(lambda s: s.strip().startswith("B. CHỈ TIÊU, NHIỆM VỤ, GIẢI PHÁP"))
    end = _index(lambda s: s.strip().startswith("C. TỔ CHỨC THỰC HIỆN"), start)
    return start, end


@cache
def body_sections() -> tuple[tuple[str, str, int], ...]:
    """(code "B.I.3", heading text, line index) of every numbered body section."""
    start, end = _body_range()
    out: list[tuple[str, str, int]] = []
    part = None
    all_lines = lines()
    for i in range(start, end):
        line = all_lines[i]
        if m := _PART.match(line):
            part = m.group(1)
        elif (m := _SECTION.match(line)) and part:
            # The heading runs until the blank line before "n.1.".
            heading: list[str] = []
            for follow in all_lines[i:]:
                if not follow.strip():
                    break
                heading.append(follow)
            out.append((f"B.{part}.{m.group(1)}", squash(" ".join(heading)), i))
    return tuple(out)


@cache
def specific_blocks() -> tuple[Block, ...]:
    """Every "n.1. Một số chỉ tiêu cụ thể" block of part B, in printed order."""
    all_lines = lines()
    out: list[Block] = []
    for code, heading, at in body_sections():
        first = _index(lambda s: bool(_SPECIFIC.match(s)), at)
        stop = _index(lambda s: bool(_SUBHEAD.match(s)), first + 1)
        items: list[list[str]] = []
        for line in all_lines[first + 1 : stop]:
            if _PAGE_NUMBER.match(line) or not line.strip():
                continue
            if _BULLET.match(line):
                items.append([re.sub(r"^\s*-\s+", "", line)])
            else:
                items[-1].append(line)
        out.append(Block(f"{code}.1", heading, tuple(squash(" ".join(i)) for i in items)))
    return tuple(out)


def block(code: str) -> Block:
    return next(b for b in specific_blocks() if b.code == code)


@cache
def assignments() -> dict[str, str]:
    """Section code -> its "n.3. Phân công thực hiện" text (sections without one absent)."""
    all_lines = lines()
    out: dict[str, str] = {}
    sections = body_sections()
    _, body_end = _body_range()
    for k, (code, _heading, at) in enumerate(sections):
        stop = sections[k + 1][2] if k + 1 < len(sections) else body_end
        # The part "II." heading sits between the last section of part I and II.1.
        chunk = all_lines[at:stop]
        starts = [j for j, s in enumerate(chunk) if re.match(r"^\s*\d\.3\.? Phân công", s)]
        if not starts:
            continue
        text = []
        for s in chunk[starts[0] + 1 :]:
            if _PART.match(s):
                break
            if not _PAGE_NUMBER.match(s):
                text.append(s)
        out[code] = squash(" ".join(text))
    return out


# ------------------------------------------------------------------ appendices


@dataclass(frozen=True)
class Row:
    group: str  # "I", "II", ... ("" for Phụ lục 3, which has no groups)
    number: str  # as printed, without the dot
    text: str  # the row's cells in printed order, whitespace collapsed


@dataclass(frozen=True)
class Appendix:
    title: str
    groups: tuple[tuple[str, str], ...]  # (roman, title)
    rows: tuple[Row, ...]

    def numbers(self, group: str = "") -> list[str]:
        return [r.number for r in self.rows if r.group == group]

    def row(self, group: str, number: str) -> Row:
        return next(r for r in self.rows if r.group == group and r.number == number)


def _appendix_bounds(n: int) -> tuple[int, int]:
    start = _index(lambda s: s.strip() == f"PHỤ LỤC {n}")
    try:
        end = _index(lambda s: s.strip() == f"PHỤ LỤC {n + 1}", start)
    except StopIteration:
        end = len(lines())
    return start, end


@cache
def appendix(n: int) -> Appendix:
    """Phụ lục n of 001: its title, its roman groups and its numbered rows."""
    start, end = _appendix_bounds(n)
    all_lines = lines()
    title = squash(all_lines[start + 1])
    # The table starts after the column headings ("STT ...").
    first = _index(lambda s: s.startswith("STT "), start)
    groups: list[tuple[str, str]] = []
    rows: list[tuple[str, str, list[str]]] = []
    group = ""
    current: list[str] | None = None
    for line in all_lines[first:end]:
        if m := _ROMAN.match(line):
            group = m.group(1)
            groups.append((group, squash(m.group(2))))
            current = None
            continue
        if m := _ROW.match(line):
            current = [line]
            rows.append((group, m.group(1), current))
            continue
        if current is not None:
            current.append(line)
        elif groups and rows == [] or (groups and rows and rows[-1][0] != group):
            # continuation of a long group title
            roman, text = groups[-1]
            if line.strip():
                groups[-1] = (roman, squash(f"{text} {line}"))
    return Appendix(
        title,
        tuple(groups),
        tuple(Row(g, num, squash(" ".join(chunk))) for g, num, chunk in rows),
    )


# ------------------------------------------------------------------ the issued OCR (000)

# "1.1. Mot 56 chi tiéu cu thé", "5.1. Mt sé chi tiéu cu thé": matched on the printed
# number and the OCR-stable "chi ti".
_ISSUED_SPECIFIC = re.compile(r"^\s*(\d)\.1\. M\S* \S+ chi ti")
_ISSUED_TASKS = re.compile(r"^\s*\d\.2\. Nhi")


def issued_block_item_counts() -> list[int]:
    """Bullet items of each "Một số chỉ tiêu cụ thể" block in the issued OCR, in order."""
    all_lines = lines(ISSUED)
    out: list[int] = []
    for i, line in enumerate(all_lines):
        if _ISSUED_SPECIFIC.match(line):
            stop = _index(lambda s: bool(_ISSUED_TASKS.match(s)), i + 1, ISSUED)
            out.append(sum(1 for s in all_lines[i + 1 : stop] if _BULLET.match(s)))
    return out


def issued_header() -> str:
    """The issued document's opening lines (number, date, title), whitespace collapsed."""
    all_lines = lines(ISSUED)
    stop = _index(lambda s: "(sira d6i, b6 sung)" in s, 0, ISSUED)
    return squash(" ".join(all_lines[: stop + 1]))


def counts() -> dict[str, int]:
    """Every count the data must match."""
    out: dict[str, int] = {}
    for b in specific_blocks():
        out[f"body {b.code}"] = len(b.items)
    out["body blocks"] = len(specific_blocks())
    out["body items"] = sum(len(b.items) for b in specific_blocks())
    out["body sections"] = len(body_sections())
    out["assignments"] = len(assignments())
    for n in (1, 2):
        a = appendix(n)
        for roman, _title in a.groups:
            out[f"appendix {n} {roman}"] = len(a.numbers(roman))
        out[f"appendix {n} rows"] = len(a.rows)
    out["appendix 3 rows"] = len(appendix(3).rows)
    out["issued body blocks"] = len(issued_block_item_counts())
    return out


if __name__ == "__main__":  # python -m tests.content.manifest_kien_an
    for key, value in counts().items():
        print(f"{key}: {value}")
    for b in specific_blocks():
        print(b.code, b.heading[:70])
        for item in b.items:
            print("   -", item[:110])
    print("issued block items:", issued_block_item_counts())
    print("issued header:", issued_header())
    for code, text in assignments().items():
        print("ASSIGN", code, text[:100])
    for n in (1, 2, 3):
        a = appendix(n)
        print(f"PHỤ LỤC {n}:", a.title)
        for roman, title in a.groups:
            print("  ", roman, title, a.numbers(roman))
        if n == 3:
            print("  ", a.numbers(""))
