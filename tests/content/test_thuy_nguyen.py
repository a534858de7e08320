"""Thủy Nguyên (seed 003): `data/wards/thuy-nguyen/` against what the seed prints.

Counts come from `manifest_thuy_nguyen`, which parses the seed; nothing is typed by hand.
Checked here: the five programs and their goals, the numbered targets of every program,
program II's unnumbered paragraph, every numeric commitment of the task text, the main
task groups, every appendix table and every one of its rows (each reachable from exactly
one project page), printed values inside their own quotes, lead units taken from the
program's assignment, and the contradictions the seed's structure reveals.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest

from site_builder.load import WardData, load_dataset
from site_builder.model import Target

from ..seeds import REPO_ROOT, require_seeds, squash
from . import manifest_thuy_nguyen as manifest

WARD_ID = "thuy-nguyen"
GROUP_OF_PROGRAM = {  # program numeral -> group id in targets.yaml
    "I": "ctr-xay-dung-dang",
    "II": "ctr-xay-dung-chinh-quyen",
    "III": "ctr-phat-trien-kinh-te",
    "IV": "ctr-van-hoa-xa-hoi",
    "V": "ctr-quoc-phong-an-ninh",
}


@pytest.fixture(scope="module")
def ward() -> WardData:
    require_seeds()
    dataset = load_dataset(REPO_ROOT / "data", only=[WARD_ID])
    return dataset.wards[0]


def _walk(targets: tuple[Target, ...] | list[Target]) -> Iterator[Target]:
    for target in targets:
        yield target
        yield from _walk(target.children)


def _in_group(ward: WardData, code: str) -> list[Target]:
    return [t for t in ward.targets if t.group == GROUP_OF_PROGRAM[code]]


def _quotes(target: Target) -> list[str]:
    return [squash(s.quote) for s in target.sources]


# ---------------------------------------------------------------- programs and targets


def test_five_programs_are_the_groups_with_their_goals(ward: WardData) -> None:
    programs = manifest.programs()
    assert [g.code for g in ward.groups] == [p.code for p in programs]
    for group, program in zip(ward.groups, programs, strict=True):
        assert group.id == GROUP_OF_PROGRAM[program.code]
        assert group.name == program.title
        assert group.description == f"Mục tiêu: {program.goal}"
        assert not group.inferred


@pytest.mark.parametrize("code", list(GROUP_OF_PROGRAM))
def test_every_numbered_target_of_a_program_is_carried_once(ward: WardData, code: str) -> None:
    printed = [number for number, _ in manifest.program(code).items]
    carried = [t.code for t in _in_group(ward, code) if t.code]
    assert carried == [f"{code}.({number})" for number in printed]


@pytest.mark.parametrize("code", list(GROUP_OF_PROGRAM))
def test_numbered_target_quotes_the_whole_printed_item(ward: WardData, code: str) -> None:
    by_code = {t.code: t for t in _in_group(ward, code)}
    for number, text in manifest.program(code).items:
        target = by_code[f"{code}.({number})"]
        assert target.sources[0].row == f"({number})"
        assert squash(target.sources[0].quote) == squash(f"({number}) {text}")


_YEARS_AND_DEFINITIONS = re.compile(r"\b(?:19|20)\d{2}\b|dưới \d+ tuổi|mức độ \d|/1\.000 dân")
_VALUE = re.compile(r"\d+(?:[.,]\d+)?")


@pytest.mark.parametrize("code", list(GROUP_OF_PROGRAM))
def test_every_number_of_a_numbered_item_is_a_printed_value(ward: WardData, code: str) -> None:
    by_code = {t.code: t for t in _in_group(ward, code)}
    for number, text in manifest.program(code).items:
        values = _VALUE.findall(_YEARS_AND_DEFINITIONS.sub(" ", text))
        nodes = list(_walk([by_code[f"{code}.({number})"]]))
        carried = " | ".join(x for n in nodes for x in (n.value_text, n.yearly_text) if x)
        for value in values:
            assert re.search(rf"(?<![\d.,]){re.escape(value)}(?![\d.,]*\d)", carried), (
                f"{code}.({number}): printed value {value!r} is in no value_text/yearly_text"
            )


def test_program_ii_paragraph_is_one_target_per_subject(ward: WardData) -> None:
    subjects = manifest.paragraph_subjects("II")
    from_paragraph = [
        t for t in _in_group(ward, "II") if t.sources[0].section == "B.II.1 (Chỉ tiêu cụ thể)"
    ]
    assert len(from_paragraph) == len(subjects)
    assert all(t.code is None for t in from_paragraph)  # the paragraph prints no numbers
    quotes = " | ".join(q for t in from_paragraph for q in _quotes(t))
    for clause in manifest.paragraph_clauses("II"):
        assert squash(clause) in quotes, clause


@pytest.mark.parametrize("code", list(GROUP_OF_PROGRAM))
def test_every_numeric_commitment_of_the_task_text_is_a_target(ward: WardData, code: str) -> None:
    quotes = [q for t in _walk(_in_group(ward, code)) for q in _quotes(t)]
    for value, sentence in manifest.task_text_numbers(code):
        sentence = squash(sentence)
        assert any(value in q and (sentence in q or q in sentence) for q in quotes), (
            f"{code}: commitment {value!r} not cited by any target: {sentence[:90]!r}"
        )


def test_every_numeric_commitment_of_an_appendix_row_is_a_target(ward: WardData) -> None:
    found = manifest.appendix_numbers()
    assert found
    for index, code, value in found:
        table = ward.tables[index]
        section = table.source.section
        cited = [
            q
            for t in _walk(ward.targets)
            for s in t.sources
            if s.section == section and s.row == code
            for q in [squash(s.quote)]
        ]
        assert any(value in q for q in cited), f"{table.number} row {code}: {value!r} not a target"


def test_printed_values_occur_in_their_own_quotes(ward: WardData) -> None:
    for target in _walk(ward.targets):
        quotes = " | ".join(_quotes(target))
        for printed in (target.value_text, target.yearly_text):
            if printed:
                assert squash(printed).casefold() in quotes.casefold(), (target.id, printed)


def test_lead_units_come_from_the_program_assignment(ward: WardData) -> None:
    for code in GROUP_OF_PROGRAM:
        assignments = " | ".join(manifest.program(code).assignments)
        for target in _walk(_in_group(ward, code)):
            assert target.lead_unit, target.id
            for part in target.lead_unit.split("; "):
                assert part in assignments or part.split(", ")[0] in assignments, (target.id, part)


def test_a_program_assigned_twice_shows_both_assignments(ward: WardData) -> None:
    for program in manifest.programs():
        if len(program.assignments) < 2:
            continue
        for target in _in_group(ward, program.code):
            notes = [n for n in target.notes if n.kind == "contradiction"]
            cited = " | ".join(squash(s.quote) for n in notes for s in n.sources)
            for assignment in program.assignments:
                assert squash(assignment) in cited, (target.id, assignment)


_DEADLINE = re.compile(r"[Đđ]ến năm (\d{4})")
_QUOTED = re.compile(r"[\"“]([^\"”]+)[\"”]")


def test_two_deadlines_for_one_target_are_a_visible_contradiction(ward: WardData) -> None:
    """A quoted goal phrase given one year in "Mục tiêu" and another in the targets."""
    found = 0
    for program in manifest.programs():
        goal_year = _DEADLINE.search(program.goal)
        clauses = manifest.paragraph_clauses(program.code) + [t for _, t in program.items]
        for phrase in _QUOTED.findall(program.goal):
            for clause in clauses:
                year = _DEADLINE.search(clause)
                if phrase in clause and year and goal_year and year.group(1) != goal_year.group(1):
                    found += 1
                    holders = [
                        t
                        for t in _walk(_in_group(ward, program.code))
                        if any(squash(clause) in q for q in _quotes(t))
                    ]
                    assert holders, clause
                    for target in holders:
                        kinds = [n.kind for n in target.notes]
                        assert "contradiction" in kinds, target.id
                        years = {m.year for m in target.milestones}
                        assert {int(year.group(1)), int(goal_year.group(1))} <= years
    assert found, "the seed's two deadlines for 'chính quyền thân thiện' were not detected"


def test_main_tasks_are_the_task_groups_of_every_program(ward: WardData) -> None:
    printed = [
        (f"{p.code}.{code}", heading) for p in manifest.programs() for code, heading in p.groups
    ]
    assert [(t.code, t.text) for t in ward.main_tasks] == printed
    assert ward.priority_tasks == () and ward.breakthroughs == ()


# ---------------------------------------------------------------- appendix tables


def test_every_appendix_table_with_its_number_and_title(ward: WardData) -> None:
    tables = manifest.tables()
    assert len(ward.tables) == len(tables)
    for data, printed in zip(ward.tables, tables, strict=True):
        if printed.number:
            assert data.number == printed.number
        if printed.title:
            assert data.title == printed.title
        assert data.inferred == (printed.number is None or printed.title is None), data.id
        if data.inferred:
            assert any(n.kind == "info" for n in data.notes), data.id


def _rows_by_table(ward: WardData) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {t.id: [] for t in ward.tables}
    for project in ward.projects:
        for row in project.rows:
            out[row.table].append((row.code or "", project.id))
    return out


def test_row_count_of_every_table_matches_the_seed(ward: WardData) -> None:
    rows = _rows_by_table(ward)
    for data, printed in zip(ward.tables, manifest.tables(), strict=True):
        assert len(rows[data.id]) == len(printed.rows), data.id


def test_every_appendix_row_is_reachable_from_exactly_one_project(ward: WardData) -> None:
    carried = Counter((row.table, row.code) for project in ward.projects for row in project.rows)
    expected = Counter(
        (data.id, code)
        for data, printed in zip(ward.tables, manifest.tables(), strict=True)
        for code, _ in printed.rows
    )
    assert carried == expected
    assert all(n == 1 for n in carried.values())


def test_row_text_and_cells_are_as_printed(ward: WardData) -> None:
    by_key = {(row.table, row.code): row for p in ward.projects for row in p.rows}
    for data, printed in zip(ward.tables, manifest.tables(), strict=True):
        for code, cells in printed.rows:
            row = by_key[(data.id, code)]
            assert row.name == squash(manifest.row_text(cells)), (data.id, code)
            assert row.source.row is not None and row.source.row.rstrip(".") == code
            plain = [squash(re.sub(r"</?(?:u|p)>", "", c)) for c in cells]
            if printed.header.startswith(("STT\tNhiệm vụ", "ST T\tNhiệm vụ")):
                assert row.funding == plain[1]
                assert row.timeframe == f"Thực hiện: {plain[2]}; hoàn thành: {plain[3]}"
            else:
                assert row.lead_unit in plain, (data.id, code)


def test_a_project_in_several_tables_has_one_row_per_table(ward: WardData) -> None:
    merged = [p for p in ward.projects if len(p.rows) > 1]
    assert merged, "projects printed in two tables should be merged"
    for project in merged:
        tables = [r.table for r in project.rows]
        assert len(set(tables)) == len(tables), project.id
        names = {r.name for r in project.rows}
        assert len(names) == 1 or project.notes, f"{project.id}: names differ, no note"


def test_every_lead_unit_of_a_row_resolves(ward: WardData) -> None:
    for project in ward.projects:
        for row in project.rows:
            if row.lead_unit:
                assert ward.organisation_for(row.lead_unit), (project.id, row.lead_unit)
