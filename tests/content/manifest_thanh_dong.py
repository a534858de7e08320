"""Counts and OCR blocks of the Thanh Đông resolution, parsed from its seed file.

Seed 002 is OCR of the resolution of the 1st congress of the ward party committee
(số 04-NQ/ĐH, 09/8/2025). Nothing here is typed by hand from the document: every
function reads the seed and finds the printed structure with regular expressions on
its lines, tolerant of the OCR's damaged diacritics (headings are matched on their
printed numbers, not on their words).

The structure, as printed:

- a preamble (congress, dates, attendance) and "QUYẾT NGHỊ";
- roman points I to V; point II holds the numbered sections 1 to 6:
  1 viewpoints (1.1-1.5), 2 overall goal, 3 targets (3.1, 3.2, items "(n)"; the OCR
  sometimes loses the opening bracket: "2)"), 4 tasks (4.x.y headings), 5 breakthroughs
  (unnumbered paragraphs), 6 key projects (unnumbered lines ending in ";" or ".");
- a closing appeal and the signatures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tests.seeds import require_seeds, squash

SEED = "002_1a064098123dc3af.txt"

# "I.", "I1." (OCR of "II."), "III.", "IV.", "V." at the start of a line.
_ROMAN = re.compile(r"^\s*(I1|III|IV|II|I|V)\.\s")
# "1.", "3.1.", "4.2.5." at the start of a line.
_DECIMAL = re.compile(r"^\s*(\d(?:\.\d)*)\.\s")
# A target item: "(1) ", "2) ", " 6) " at the start of a line.
_ITEM = re.compile(r"^\s*\(?(\d{1,2})\)\s")
# A growth component under a target: "- Công nghiệp ...".
_DASH = re.compile(r"^\s*-\s+\S")
_PERCENT = re.compile(r"\d+(?:,\d+)?\s?%")
# "đạt chuẩn" as the OCR prints it: "dat chuan", "dat chudn", "dat chuin".
_DAT_CHUAN = re.compile(r"d[a-z0-9]t chu[a-z0-9]{1,2}n", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """A heading code (or "" for the preamble) and the lines under it, heading included."""

    code: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return squash(" ".join(self.lines))

    def paragraphs(self) -> list[str]:
        """Runs of non-blank lines; a line holding only a page number is not content."""
        out: list[list[str]] = [[]]
        for line in self.lines:
            if not line.strip() or re.fullmatch(r"\s*\d{1,2}\s*", line):
                if out[-1]:
                    out.append([])
            else:
                out[-1].append(line)
        return [squash(" ".join(p)) for p in out if p]


@cache
def seed_lines() -> tuple[str, ...]:
    return tuple((require_seeds() / SEED).read_text(encoding="utf-8").splitlines())


@cache
def blocks() -> tuple[Block, ...]:
    """The document cut at every roman and decimal heading, in printed order."""
    lines = seed_lines()
    # The text of the resolution starts at the first "Đại hội ... lần thứ I" paragraph
    # (after the title block) and ends before the signatures ("T/M ĐOÀN ...").
    start = next(i for i, line in enumerate(lines) if "189/189" in line) - 2
    end = next(i for i, line in enumerate(lines) if line.startswith("T/M "))
    out: list[Block] = []
    code, current = "", list[str]()
    for line in lines[start:end]:
        roman, decimal = _ROMAN.match(line), _DECIMAL.match(line)
        heading = (
            roman.group(1).replace("I1", "II") if roman else (decimal.group(1) if decimal else None)
        )
        if heading is not None:
            out.append(Block(code, tuple(current)))
            code, current = heading, list[str]()
        current.append(line)
    out.append(Block(code, tuple(current)))
    return tuple(out)


def block(code: str) -> Block:
    return next(b for b in blocks() if b.code == code)


def codes() -> list[str]:
    return [b.code for b in blocks()]


def target_items(group: str) -> list[str]:
    """The printed numbers of the target items of "3.1" or "3.2", in order."""
    return [m.group(1) for line in block(group).lines if (m := _ITEM.match(line))]


def target_item_texts(group: str) -> dict[str, str]:
    """Each target item's OCR text (its lines up to the next item), by printed number."""
    out: dict[str, list[str]] = {}
    number = None
    for line in block(group).lines[1:]:
        if m := _ITEM.match(line):
            number = m.group(1)
            out[number] = []
        if number is not None:
            out[number].append(line)
    return {n: squash(" ".join(lines)) for n, lines in out.items()}


def dash_components(group: str, item: str) -> int:
    """Printed "- ..." sub-items under one target item."""
    count, inside = 0, False
    for line in block(group).lines:
        if m := _ITEM.match(line):
            inside = m.group(1) == item
        elif inside and _DASH.match(line):
            count += 1
    return count


def viewpoints() -> list[str]:
    """Codes of the development viewpoints ("1.1" ... )."""
    return [c for c in codes() if re.fullmatch(r"1\.\d", c)]


def task_groups() -> list[str]:
    """Codes of the task-and-solution groups ("4.1.1" ...)."""
    return [c for c in codes() if re.fullmatch(r"4\.\d\.\d", c)]


def task_fields() -> list[str]:
    """Codes of the fields the task groups sit in ("4.1", "4.2")."""
    return [c for c in codes() if re.fullmatch(r"4\.\d", c)]


def breakthroughs() -> list[str]:
    """The paragraphs of section 5 (the breakthroughs are not numbered)."""
    return block("5").paragraphs()[1:]


def key_project_items() -> list[str]:
    """The lines of section 6: unnumbered items, each ending in ";" or "." ."""
    return block("6").paragraphs()[1:]


def key_project_roads() -> list[str]:
    """The roads of the item "Mở rộng đường ..., đường ..., đường ...".

    The OCR spells "đường" as "duong", "dudng" or "duong"; a road starts at each.
    """
    item = next(i for i in key_project_items() if re.match(r"M\S* r\S*ng d", i))
    return re.findall(r"d[a-z]{2,3}ng [^,;]+", item[item.index(" ") + 1 :].split(" ", 1)[1])


def section4_percentages() -> list[str]:
    """Percent figures printed in the tasks section (4): body targets."""
    return [
        m.group(0)
        for b in blocks()
        if b.code.startswith("4")
        for line in b.lines
        for m in _PERCENT.finditer(line)
    ]


def section4_standards() -> list[str]:
    """Every "đạt chuẩn ..." phrase printed in the tasks section (4), with what follows."""
    text = " ".join(b.text for b in blocks() if b.code.startswith("4"))
    return [text[m.start() : m.start() + 60] for m in _DAT_CHUAN.finditer(text)]


def summary_paragraphs() -> list[str]:
    """OCR paragraphs carried in the document summary, in printed order.

    The preamble, point I, point II's lead-in, section 1 (viewpoints), section 2 (goal)
    and points III to V with the closing appeal. Sections 3 to 6 are items of their own.
    """
    out: list[str] = []
    for b in blocks():
        if b.code in ("", "I", "II", "III", "IV", "V", "2") or b.code.startswith("1"):
            out.extend(b.paragraphs())
    return out


def counts() -> dict[str, int]:
    """Every count the data must match."""
    return {
        "targets_3_1": len(target_items("3.1")),
        "targets_3_2": len(target_items("3.2")),
        "growth_components": dash_components("3.2", "2"),
        "viewpoints": len(viewpoints()),
        "task_groups": len(task_groups()),
        "breakthroughs": len(breakthroughs()),
        "key_project_items": len(key_project_items()),
        "key_project_roads": len(key_project_roads()),
        "summary_paragraphs": len(summary_paragraphs()),
    }


if __name__ == "__main__":  # python -m tests.content.manifest_thanh_dong
    for key, value in counts().items():
        print(f"{key}: {value}")
    print("items 3.1:", target_items("3.1"))
    print("items 3.2:", target_items("3.2"))
    print("tasks:", task_groups(), task_fields())
    print("roads:", key_project_roads())
    print("section 4 %:", section4_percentages())
    print("section 4 đạt chuẩn:", section4_standards())
    for p in summary_paragraphs():
        print("SUMMARY>", p[:90])
    for p in key_project_items():
        print("PROJECT>", p)
    for p in breakthroughs():
        print("BREAK>", p[:90])
