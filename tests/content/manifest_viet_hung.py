"""Counts and printed structure of the Việt Hưng political report, parsed from its seed.

Seed 004 is poor OCR of the draft political report (dự thảo lần 01, July 2025) of the
ward party committee. Nothing here is typed by hand from the document: every function
reads the seed and finds the printed structure with regular expressions on its lines,
tolerant of the OCR's damaged words (headings are found by their printed numbers and
by the few letters the OCR keeps, never by their full wording).

The structure, as printed:

- a covering note, the title, the ward's facts;
- "Phần thứ nhất" (results of the 2020-2025 term of the 04 former wards) with
  footnotes carrying the figures of each former ward: 1 (number of targets), 3
  (study of resolutions), 4 ("Dân vận khéo" models), 5 (printed "3": part-time posts),
  6 (inspection and discipline), 8 (budget revenue by year);
- "Phần thứ hai": I context (footnote 11: two city projects), II viewpoints, III.1
  general goal, III.2 "Chỉ tiêu cụ thể" (groups opened by "*", items "(1)", "(2)", ...
  numbered again in each group), IV.1 main tasks "(1)"-"(5)", V breakthroughs "1."-"2.",
  VI solutions (headings "1.", "1.1.", "5.1.1.", the OCR once printing "5. 1 . 1.");
- "Phần thứ ba" (organising the implementation).

A page number stands alone on a line ("15"); the OCR sometimes puts ", " before an
item number (", (2) Duy tri ...", ", 4. Thirc ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tests.seeds import require_seeds, squash

SEED = "004_1c109cb6fb220545.txt"

_PAGE_NUMBER = re.compile(r"^\s*\d{1,2}\s*$")
# A group of III.2: "* V xily dung ...", "* re kink te ...", "* Vevanhoa ...".
_GROUP = re.compile(r"^\s*\*\s*\S")
# An item "(1) ...", ", (2) ...".
_ITEM = re.compile(r"^[\s,]*\((\d{1,2})\)\s")
# A decimal heading "1. ", "1.1. ", "4.3 ", "5. 1 . 1. ", ", 4. ".
_HEADING = re.compile(r"^[\s,]*(\d(?:\s?\.\s?\d)*)\.?\s+\S")
# Footnote 8's year entries: "Nam 2020: 43,3/25,3", "nam 2022: 1.502 trieu", "6 thang ... 2021:".
_PAIR = re.compile(r"[Nn]am (20\d\d): (\d+(?:,\d+)?)/(\d+(?:,\d+)?)")
_GB_ENTRY = re.compile(r"(?:[Nn]am|ram) (20\d\d): ?(?:Thu ngan sach la )?(\d{1,2}\.\d{3}) trieu")


@cache
def lines() -> tuple[str, ...]:
    return tuple((require_seeds() / SEED).read_text(encoding="utf-8").splitlines())


@cache
def text() -> str:
    """The whole seed with whitespace collapsed (as quotes are compared)."""
    return squash("\n".join(lines()))


def _index(pattern: str, start: int = 0) -> int:
    rx = re.compile(pattern)
    return next(i for i, line in enumerate(lines()) if i >= start and rx.search(line))


def _content(start: int, end: int) -> list[str]:
    """Lines of a range without blank lines, page numbers and specks ("•")."""
    return [s for s in lines()[start:end] if re.search(r"\w", s) and not _PAGE_NUMBER.match(s)]


# ------------------------------------------------------------------ III.2 targets


@dataclass(frozen=True)
class TargetGroup:
    """A "*" group of "Chỉ tiêu cụ thể": its heading as printed and its items."""

    heading: str
    items: tuple[tuple[int, str], ...]  # (printed number, item text whitespace-collapsed)


def _targets_range() -> tuple[int, int]:
    start = _index(r"^\s*2\. Chi \S+ cu the")  # "2. Chỉ tiêu cụ thể" under III
    end = _index(r"^\s*IV\. NHIEM", start)
    return start + 1, end


@cache
def target_groups() -> tuple[TargetGroup, ...]:
    start, end = _targets_range()
    groups: list[tuple[str, list[list[object]]]] = []
    for line in _content(start, end):
        if _GROUP.match(line):
            groups.append((squash(line), []))
        elif (m := _ITEM.match(line)) and groups:
            groups[-1][1].append([int(m.group(1)), line])
        elif groups and groups[-1][1]:
            groups[-1][1][-1][1] = f"{groups[-1][1][-1][1]} {line}"
    return tuple(
        TargetGroup(heading, tuple((int(n), squash(str(t)).lstrip(", ")) for n, t in items))
        for heading, items in groups
    )


# ------------------------------------------------------------------ IV.1, V, VI


@cache
def main_task_items() -> tuple[tuple[int, str], ...]:
    """The "(n)" items of IV.1 "Những nhiệm vụ chủ yếu", text whitespace-collapsed."""
    start = _index(r"^\s*IV\. NHIEM")
    end = _index(r"^\s*V\. CAC KHAU", start)
    items: list[list[object]] = []
    for line in _content(start + 2, end):
        if m := _ITEM.match(line):
            items.append([int(m.group(1)), line])
        elif items:
            items[-1][1] = f"{items[-1][1]} {line}"
    return tuple((int(n), squash(str(t)).lstrip(", ")) for n, t in items)


@cache
def breakthroughs() -> tuple[tuple[int, str], ...]:
    """The numbered breakthroughs of V, text whitespace-collapsed."""
    start = _index(r"^\s*V\. CAC KHAU")
    end = _index(r"^\s*VI\. GIAI PHAP", start)
    items: list[list[object]] = []
    for line in _content(start + 1, end):
        if m := re.match(r"^\s*(\d)\.\s+Kh", line):
            items.append([int(m.group(1)), line])
        elif items:
            items[-1][1] = f"{items[-1][1]} {line}"
    return tuple((int(n), squash(str(t))) for n, t in items)


@cache
def solution_headings() -> tuple[tuple[str, str], ...]:
    """(code "1", "1.1", "5.1.1"; first line of the heading) of every heading in VI."""
    start = _index(r"^\s*VI\. GIAI PHAP")
    end = _index(r"^\s*Phan t", start)
    out = []
    for line in lines()[start + 1 : end]:
        if m := _HEADING.match(line):
            code = re.sub(r"\s", "", m.group(1))
            out.append((code, squash(line).lstrip(", ")))
    return tuple(out)


# ------------------------------------------------------------------ Phần thứ nhất: figures


@cache
def targets_per_former_ward() -> tuple[tuple[str, int], ...]:
    """Footnote 1: (former ward as printed, number of targets) in printed order."""
    i = _index(r"^\s*I\s+Dang uS,\s+phuang")
    note = squash(" ".join(lines()[i : i + 2]))
    return tuple((w, int(n)) for w, n in re.findall(r"phuang (\S+ \S+) vai (\d+) chi tieu", note))


@cache
def study_rates() -> tuple[str, ...]:
    """Footnote 3: the printed rates ("97", "96,7"), one per former ward."""
    i = _index(r"^\s*3\s+TS,\s+1e h9c")
    note = squash(" ".join(lines()[i : i + 3]))
    return tuple(re.findall(r"dat (\d+(?:,\d+)?)%", note))


@cache
def dan_van_models() -> tuple[tuple[int, int], ...]:
    """Footnote 4: (registered, exemplary) "Dân vận khéo" models per former ward."""
    i = _index(r"^\s*Phut:mg Giang Bien viii \d+ me hinh")
    note = squash(" ".join(lines()[i : i + 4]))
    return tuple(
        (int(a), int(b))
        for a, b in re.findall(r"(\d+) m\S hinh \S+ ky, trong \S+ c\S (\d+) m\S hinh tieu", note)
    )


@cache
def dan_van_totals() -> tuple[int, int]:
    """Body of 1.3: the printed totals of registered and exemplary models."""
    registered = re.search(r"vii (\d+) m8 hinh", text())
    exemplary = re.search(r"trong do (\d+) mo hinh tieu", text())
    assert registered and exemplary
    return int(registered.group(1)), int(exemplary.group(1))


_INSPECTION_BULLET = re.compile(
    r"- (?:Ph\S+ (?:Dire Giang|Thugng Thanh|Giang Bien|Viet Hung) (?:da|t6|to) |Cap try va UBKT)"
)


@cache
def inspection_bullets() -> tuple[str, ...]:
    """Footnote 6: the opening of each "- ..." bullet (four former wards, then the party
    bodies of enterprises), cut at the next bullet or after 250 characters: the footnote
    is split by a page break, so a bullet may run on into the body text of the page."""
    starts = [m.start() for m in _INSPECTION_BULLET.finditer(text())]
    ends = [*starts[1:], len(text())]
    return tuple(text()[a : min(b, a + 250)] for a, b in zip(starts, ends, strict=True))


_INSPECTED = re.compile(
    r"(\d+) (?:to ch\S+ (?:Ding|Dang|dang)|chi be)(?:(?:,| va) (\d+) (?:clang|ding) vien)?"
)


@cache
def inspection_parts() -> tuple[tuple[int, int | None], ...]:
    """Footnote 6: (organisations or cells inspected, members inspected or None) per
    bullet; Giang Biên prints cells ("chi bộ") and no members."""
    out = []
    for bullet in inspection_bullets():
        m = _INSPECTED.search(bullet)
        assert m, bullet
        out.append((int(m.group(1)), int(m.group(2)) if m.group(2) else None))
    return tuple(out)


@cache
def inspection_totals() -> tuple[int, int]:
    """Body of 1.5: the printed totals of organisations and members inspected."""
    m = re.search(r"giam sat (\d+) to chin dang, (\d+) clang vien", text())
    assert m
    return int(m.group(1)), int(m.group(2))


@cache
def budget_pairs_viet_hung() -> tuple[tuple[str, str, str], ...]:
    """Footnote 8 (1): (year, revenue, estimate) as printed for the former Việt Hưng."""
    note = text()[text().index("(1) Phtrtmg Viet Hung") : text().index("(2) Phtdmg")]
    return tuple(_PAIR.findall(note))


@cache
def budget_entries_giang_bien() -> tuple[tuple[str, str], ...]:
    """Footnote 8 (4): (year, revenue in million đồng) of every printed entry, the two
    half-years of 2021 included."""
    note = text()[text().index("(4) Phtrong Giang Bien") : text().index("Chi ngan sach:")]
    return tuple(_GB_ENTRY.findall(note))
