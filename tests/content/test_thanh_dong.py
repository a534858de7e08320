"""Thanh Đông: the data carry the whole resolution (seed 002, OCR), and nothing else.

Counts come from `manifest_thanh_dong`, which parses the seed; the restored
Vietnamese of every item is compared with the OCR it was restored from, with the
diacritics of both stripped (`fold_for_ocr`), within `MAX_OCR_RATIO` edits per
character of the restored text.
"""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from site_builder.load import WardData, load_dataset
from site_builder.model import Project, Source, Target, Task

from ..seeds import REPO_ROOT, fold_for_ocr, require_seeds, seed_text, squash
from . import manifest_thanh_dong as manifest

WARD = "thanh-dong"
DOCUMENT = "nq-04-dh-2025"
# At most one edit per five characters between a restored text and its OCR, both
# without diacritics: the measured worst case is 0.2 on a 40-character clause full of
# misread letters ("c6 tir 95% trd 1én sb chi b dat loai t6t"). A wrong word costs more.
MAX_OCR_RATIO = 0.20
MIN_ALLOWED_EDITS = 3
ELISION = "[…]"


@pytest.fixture(scope="module")
def ward(tmp_path_factory: pytest.TempPathFactory) -> WardData:
    """This ward alone, loaded and checked (other wards may be work in progress)."""
    data = tmp_path_factory.mktemp("data")
    shutil.copytree(REPO_ROOT / "data" / "wards" / WARD, data / "wards" / WARD)
    shutil.copy(REPO_ROOT / "data" / "indicators.yaml", data / "indicators.yaml")
    return load_dataset(data).wards[0]


def _all_targets(targets: tuple[Target, ...] | list[Target]) -> Iterator[Target]:
    for target in targets:
        yield target
        yield from _all_targets(target.children)


def _sources(obj: object, where: str) -> Iterator[tuple[str, Source]]:
    """Every source of the ward, notes and facts included, with its path."""
    if isinstance(obj, Source):
        yield where, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _sources(getattr(obj, name), f"{where}.{name}")
    elif isinstance(obj, WardData):
        for name in (
            "ward",
            "documents",
            "groups",
            "targets",
            "tables",
            "projects",
            "priority_tasks",
            "breakthroughs",
            "main_tasks",
            "series",
        ):
            yield from _sources(getattr(obj, name), f"{where}.{name}")
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            yield from _sources(item, f"{where}[{i}]")


def _infix_distance(needle: str, haystack: str) -> int:
    """Fewest edits turning `needle` into some substring of `haystack`."""
    previous = [0] * (len(haystack) + 1)
    for i, a in enumerate(needle, 1):
        current = [i]
        for j, b in enumerate(haystack, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return min(previous)


def _allowed(text: str) -> int:
    return max(MIN_ALLOWED_EDITS, math.ceil(MAX_OCR_RATIO * len(text)))


def _ocr_mismatch(restored: str, ocr: str) -> str | None:
    """Why `restored` is not a reading of `ocr`, or None when it is."""
    a, b = fold_for_ocr(restored), fold_for_ocr(ocr)
    distance = _infix_distance(a, b)
    if distance > _allowed(a):
        return f"{distance} edits (allowed {_allowed(a)}): {restored[:60]!r} / {ocr[:60]!r}"
    # Digits are never restored: every number of the text is printed in the OCR.
    missing = set(re.findall(r"\d+", a)) - set(re.findall(r"\d+", b))
    if missing:
        return f"numbers {sorted(missing)} not in the OCR: {restored[:60]!r}"
    return None


def _summary_paragraphs(ward: WardData) -> list[str]:
    summary = ward.document(DOCUMENT).summary or ""
    return [p.replace("**", "").strip() for p in summary.split("\n\n") if p.strip()]


def _vietnamese_numbers(text: str) -> list[float]:
    """Numbers in Vietnamese notation: "1.000" is a thousand, "12,5" twelve and a half."""
    return [
        float(n.replace(".", "").replace(",", "."))
        for n in re.findall(r"\d+(?:\.\d{3})*(?:,\d+)?", text)
    ]


# ---------------------------------------------------------------- counts


def test_targets_per_group_match_the_printed_items(ward: WardData) -> None:
    require_seeds()
    for group_code in ("3.1", "3.2"):
        group = next(g for g in ward.groups if g.code == group_code)
        printed = [f"({n})" for n in manifest.target_items(group_code)]
        carried = [t.code for t in ward.targets if t.group == group.id and t.code]
        assert carried == printed, group_code


def test_growth_target_has_one_child_per_printed_sector(ward: WardData) -> None:
    require_seeds()
    growth = next(t for t in ward.targets if t.goal and t.goal.kind == "growth")
    assert growth.code == "(2)"
    assert len(growth.children) == manifest.dash_components("3.2", "2")
    assert all(c.goal and c.goal.kind == "growth" for c in growth.children)


def test_each_target_item_is_quoted_whole_by_its_target(ward: WardData) -> None:
    require_seeds()
    for group_code in ("3.1", "3.2"):
        group = next(g for g in ward.groups if g.code == group_code)
        items = manifest.target_item_texts(group_code)
        for target in (t for t in ward.targets if t.group == group.id and t.code):
            number = (target.code or "").strip("()")
            printed = items[number]
            if manifest.dash_components(group_code, number):
                printed = printed.split(" - ", 1)[0]  # the sectors are the children
            assert squash(target.sources[0].quote) == printed, target.id


def test_body_only_targets_cover_every_figure_of_the_tasks_section(ward: WardData) -> None:
    """Percentages and "đạt chuẩn" phrases printed in section 4 are carried as targets."""
    require_seeds()
    from_tasks = [
        t
        for t in _all_targets(ward.targets)
        if any((s.section or "").startswith("II.4") for s in t.sources)
    ]
    printed_values = " ".join(t.value_text or "" for t in from_tasks)
    for figure in manifest.section4_percentages():
        assert figure.replace(" ", "") in printed_values, figure
    quotes = " ".join(squash(s.quote) for t in from_tasks for s in t.sources)
    for phrase in manifest.section4_standards():
        assert phrase[:25] in quotes, phrase
    for target in (
        t for t in ward.targets if all(s.section.startswith("II.4") for s in t.sources if s.section)
    ):
        assert target.code is None, target.id  # not a numbered item of section 3
        assert any(n.kind == "info" for n in target.notes), target.id


def test_main_tasks_are_the_printed_task_groups(ward: WardData) -> None:
    require_seeds()
    assert [t.code for t in ward.main_tasks] == manifest.task_groups()
    for task in ward.main_tasks:
        assert squash(task.source.quote) == manifest.block(task.code or "").text, task.id


def test_breakthroughs_are_the_printed_paragraphs(ward: WardData) -> None:
    require_seeds()
    assert [squash(b.source.quote) for b in ward.breakthroughs] == manifest.breakthroughs()


def test_every_key_project_line_is_carried(ward: WardData) -> None:
    """One project per line, except the roads line: one project per road."""
    require_seeds()
    items = manifest.key_project_items()
    roads = manifest.key_project_roads()
    citing = {
        item: [p for p in ward.projects if any(squash(r.source.quote) == item for r in p.rows)]
        for item in items
    }
    assert all(citing.values()), "a printed line has no project"
    road_line = next(item for item in items if all(road in item for road in roads))
    assert len(citing[road_line]) == len(roads)
    assert len(ward.projects) == len(items) - 1 + len(roads)
    for project, road in zip(citing[road_line], roads, strict=True):
        assert project.name.startswith("Mở rộng "), project.id
        assert _ocr_mismatch(project.name.removeprefix("Mở rộng "), road) is None, project.id
    tables = {t.id: t for t in ward.tables}
    assert len(tables) == 1
    (table,) = tables.values()
    assert table.inferred and table.source.section == "II.6"


def test_summary_carries_every_other_paragraph_in_order(ward: WardData) -> None:
    require_seeds()
    restored = _summary_paragraphs(ward)
    printed = manifest.summary_paragraphs()
    assert len(restored) == len(printed)
    problems = [m for r, p in zip(restored, printed, strict=True) if (m := _ocr_mismatch(r, p))]
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- restoration


def test_every_quote_occurs_in_the_seed(ward: WardData) -> None:
    require_seeds()
    seed = seed_text(manifest.SEED)
    missing = [
        f"{where}: {s.quote[:70]!r}"
        for where, s in _sources(ward, WARD)
        if squash(s.quote) not in seed
    ]
    assert not missing, "\n".join(missing)


def test_restored_texts_match_their_ocr(ward: WardData) -> None:
    require_seeds()
    pairs: list[tuple[str, str, str]] = []
    for target in _all_targets(ward.targets):
        pairs.append((target.id, target.name, target.sources[0].quote))
    for group in ward.groups:
        assert group.source is not None
        pairs.append((group.id, group.name, group.source.quote))
    for task in (*ward.breakthroughs, *ward.main_tasks):
        pairs.append((task.id, task.text, task.source.quote))
    for project in ward.projects:
        for row in project.rows:
            # A row naming one road of a shared line marks what it leaves out with "[…]".
            for piece in row.name.split(ELISION):
                if piece.strip(" ,;"):
                    pairs.append((project.id, piece.strip(), row.source.quote))
        for part in project.parts:
            pairs.append((project.id, part, project.rows[0].source.quote))
    for fact in ward.ward.facts:
        assert fact.source is not None
        pairs.append((fact.label, fact.value_text, fact.source.quote))
    problems = [f"{item}: {m}" for item, text, quote in pairs if (m := _ocr_mismatch(text, quote))]
    assert not problems, "\n".join(problems)


def test_every_item_is_marked_restored_from_ocr(ward: WardData) -> None:
    items: list[Target | Task | Project] = [
        *_all_targets(ward.targets),
        *ward.breakthroughs,
        *ward.main_tasks,
        *ward.projects,
    ]
    assert [i.id for i in items if not i.restored_from_ocr] == []


def test_doubtful_comparators_have_an_unclear_note(ward: WardData) -> None:
    """A bare ">" may be the OCR of "≥": each such value says so."""
    for target in _all_targets(ward.targets):
        if target.value_text and target.value_text.startswith(">"):
            assert any(n.kind == "unclear" for n in target.notes), target.id


def test_document_number_and_date_as_printed(ward: WardData) -> None:
    require_seeds()
    document = ward.document(DOCUMENT)
    seed = seed_text(manifest.SEED)
    assert document.number == "04-NQ/ĐH" and "S604-NQ/BH" in seed
    assert document.date is not None and document.date.isoformat() == "2025-08-09"
    assert "ngay 09 thang 8 ndm 2025" in seed and "thong qua ngay 09/8/2025" in seed


# ---------------------------------------------------------------- values


def test_printed_values_occur_in_their_quote(ward: WardData) -> None:
    for target in _all_targets(ward.targets):
        quote = target.sources[0].quote
        for text in (target.value_text, target.yearly_text):
            for number in re.findall(r"\d+(?:[.,]\d+)*", text or ""):
                assert number in quote, (target.id, number)


def test_goal_numbers_are_the_printed_numbers(ward: WardData) -> None:
    for target in _all_targets(ward.targets):
        goal = target.goal
        if goal is None:  # a parent whose children carry the values
            assert target.children, target.id
            continue
        parsed = {goal.value, goal.low, goal.high} - {None}
        printed = set(_vietnamese_numbers(f"{target.value_text or ''} {target.yearly_text or ''}"))
        if goal.kind == "milestone":
            printed = set()  # the printed year is the deadline, not a value
        if target.value_text == "không có":
            printed = {0.0}
        assert parsed <= printed, target.id
        if printed and goal.kind not in ("milestone", "assigned"):
            assert parsed, f"{target.id}: printed value without a parsed goal"


def test_ranges_stay_ranges(ward: WardData) -> None:
    """A printed "từ 2 - 5" or "15% -20%" is a range goal with both ends, and only that."""
    for target in _all_targets(ward.targets):
        printed = f"{target.value_text or ''} {target.yearly_text or ''}"
        ends = re.search(r"(\d+(?:,\d+)?)%?\s*-\s*(\d+(?:,\d+)?)", printed)
        comparator = target.goal.comparator if target.goal else None
        if ends:
            low, high = (float(x.replace(",", ".")) for x in ends.groups())
            assert target.goal is not None and comparator == "range", target.id
            assert (target.goal.low, target.goal.high) == (low, high), target.id
        else:
            assert comparator != "range", target.id


def test_manifest_finds_every_numbered_heading() -> None:
    """The OCR damaged words, not numbers: items and headings run without gaps."""
    require_seeds()
    for group_code in ("3.1", "3.2"):
        numbers = [int(n) for n in manifest.target_items(group_code)]
        assert numbers == list(range(1, len(numbers) + 1)), group_code
    viewpoints = manifest.viewpoints()
    assert viewpoints == [f"1.{i}" for i in range(1, len(viewpoints) + 1)]
    for field in manifest.task_fields():
        groups = [c for c in manifest.task_groups() if c.startswith(field + ".")]
        assert groups == [f"{field}.{i}" for i in range(1, len(groups) + 1)], field
    assert all(manifest.counts().values())
