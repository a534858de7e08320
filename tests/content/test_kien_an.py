"""Kiến An: the data in `data/wards/kien-an/` against its seeds (000 issued OCR, 001 clean).

Every count below comes from `manifest_kien_an`, which parses the seed text; nothing is
typed by hand from the document. Checks:

- Phụ lục 1: one target per printed row, in its group, with the printed code;
- body: every item of the 14 "Một số chỉ tiêu cụ thể" blocks is a source of some target
  (restating a Phụ lục 1 row, or a body-only target of its own), and the issued OCR has
  the same number of items per block;
- Phụ lục 2: one priority task per printed row; Phụ lục 3: one project row per printed row;
  the 14 body sections are the main tasks with their "Phân công thực hiện";
- printed fields (names, values, units, lead and partner units, timeframes, funding,
  outputs) occur in their sources' quotes, in order; the cells carried for an appendix
  row use every printed word of that row exactly once; parsed numbers occur in the
  printed values;
- every organisation resolves, and the ids listed for a cell are exactly the units the
  cell names;
- quotes marked as taken from the issued version (000) occur in 000, all others in 001;
- number, date and title (restored from the OCR) match the issued header.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date

import pytest

from site_builder.load import WardData, load_dataset
from site_builder.model import Note, Source, Target
from site_builder.text import match_key, nfc

from ..seeds import REPO_ROOT, edit_distance, fold_for_ocr, require_seeds, seed_text, squash
from . import manifest_kien_an as m

WARD = "kien-an"
ISSUED_MARK = "(bản ban hành, 000)"
CLEAN_MARK = "(bản sạch, 001)"
# The restored title may differ from its OCR by this share of its length (diacritics
# aside, the OCR misreads "Đ" as "P"/"B", "ư" as "w", "ơ" as "6", drops letters).
OCR_TITLE_TOLERANCE = 0.15


@pytest.fixture(scope="module")
def ward() -> WardData:
    require_seeds()
    return load_dataset(REPO_ROOT / "data", only=[WARD]).wards[0]


# ---------------------------------------------------------------- helpers


def walk(targets: tuple[Target, ...] | list[Target]) -> Iterator[Target]:
    for t in targets:
        yield t
        yield from walk(t.children)


def tree_sources(t: Target) -> Iterator[Source]:
    """Sources of a target, its children, its milestones and its notes."""
    for x in walk([t]):
        yield from x.sources
        for ms in x.milestones:
            if ms.source:
                yield ms.source
        for n in x.notes:
            yield from n.sources


def appendix_rows(t: Target) -> set[tuple[str | None, str | None]]:
    """(section, row) of the Phụ lục 1 sources of a target itself."""
    return {
        (s.section, s.row) for s in t.sources if s.section and s.section.startswith("Phụ lục 1")
    }


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+|[%≥>]", nfc(text).casefold())


def in_order(field: str, *quotes: str) -> bool:
    """Whether the words of a printed field occur, in order, in the quotes (cells of a
    row may be interleaved in the text copy, so gaps are allowed)."""
    hay = iter(tokens(" ".join(quotes)))
    return all(any(tok == h for h in hay) for tok in tokens(field))


def numbers(text: str) -> set[float]:
    """Numbers printed in a value: "5.000" -> 5000, "12,5" -> 12.5, "02" -> 2."""
    out = set()
    for raw in re.findall(r"\d+(?:\.\d{3})*(?:,\d+)?", text):
        out.add(float(raw.replace(".", "").replace(",", ".")))
    return out


def scan_orgs(ward: WardData, text: str) -> list[str]:
    """Organisation ids named in a printed cell: longest name or alias first, each span once."""
    key = match_key(text)
    pairs = sorted(
        ((match_key(a), o.id) for o in ward.organisations for a in (o.name, *o.aliases)),
        key=lambda p: -len(p[0]),
    )
    found: list[tuple[int, str]] = []
    for alias, org_id in pairs:
        while alias in key:
            i = key.index(alias)
            key = key[:i] + "\0" * len(alias) + key[i + len(alias) :]
            found.append((i, org_id))
    out: list[str] = []
    for _, org_id in sorted(found):
        if org_id not in out:
            out.append(org_id)
    return out


def all_sources(ward: WardData) -> Iterator[tuple[str, Source]]:
    for doc in ward.documents:
        for n in doc.notes:
            for s in n.sources:
                yield f"document {doc.id}", s
    for g in ward.groups:
        if g.source:
            yield f"group {g.id}", g.source
    for t in ward.targets:
        for s in tree_sources(t):
            yield f"target {t.id}", s
    for tb in ward.tables:
        yield f"table {tb.id}", tb.source
        for n in tb.notes:
            for s in n.sources:
                yield f"table {tb.id}", s
    for p in ward.projects:
        for r in p.rows:
            yield f"project {p.id}", r.source
        for n in p.notes:
            for s in n.sources:
                yield f"project {p.id}", s
    for task in (*ward.priority_tasks, *ward.main_tasks):
        yield f"task {task.id}", task.source
        for n in task.notes:
            for s in n.sources:
                yield f"task {task.id}", s


# ---------------------------------------------------------------- the manifest itself


def test_manifest_structure_is_consistent() -> None:
    counts = m.counts()
    assert counts["body blocks"] == counts["body sections"] == 14
    # The issued OCR prints the same items per block as the clean text.
    assert m.issued_block_item_counts() == [len(b.items) for b in m.specific_blocks()]
    # Printed row numbers run 1..n in every group of every appendix.
    for n in (1, 2, 3):
        a = m.appendix(n)
        for group in [g for g, _ in a.groups] or [""]:
            numbers_ = [int(x) for x in a.numbers(group)]
            assert numbers_ == list(range(1, len(numbers_) + 1)), (n, group)


# ---------------------------------------------------------------- Phụ lục 1


def test_one_target_per_appendix1_row(ward: WardData) -> None:
    a = m.appendix(1)
    groups = {g.code: g for g in ward.groups}
    assert [g for g, _ in a.groups] == [g.code for g in ward.groups]
    for roman, title in a.groups:
        assert groups[roman].name == title
        printed = a.numbers(roman)
        section = f"Phụ lục 1, mục {roman}"
        rows = [t for t in ward.targets if (section, t.sources[0].row) in appendix_rows(t)]
        assert [t.sources[0].row for t in rows] == printed, roman
        for t in rows:
            row = t.sources[0].row or ""
            assert t.code == f"{roman}.{row}"
            assert t.group == groups[roman].id
            assert t.sources[0].quote == a.row(roman, row).text
    coded = [t for t in ward.targets if t.code]
    assert len(coded) == len(a.rows)


# ---------------------------------------------------------------- body blocks


def body_sources(ward: WardData) -> list[tuple[Target, Source]]:
    codes = {b.code for b in m.specific_blocks()}
    return [(t, s) for t in ward.targets for s in tree_sources(t) if s.section in codes]


def test_every_body_item_is_carried(ward: WardData) -> None:
    sources = body_sources(ward)
    for block in m.specific_blocks():
        covered = [False] * len(block.items)
        for _t, s in sources:
            if s.section != block.code:
                continue
            hits = [i for i, item in enumerate(block.items) if squash(s.quote) in item]
            assert len(hits) == 1, f"{block.code}: quote in {len(hits)} items: {s.quote[:60]!r}"
            covered[hits[0]] = True
        missing = [block.items[i][:70] for i, ok in enumerate(covered) if not ok]
        assert not missing, f"{block.code}: items without a target: {missing}"


def body_only(ward: WardData) -> list[Target]:
    return [
        t
        for t in ward.targets
        if not any(
            s.section and s.section.startswith("Phụ lục 1") for x in walk([t]) for s in x.sources
        )
    ]


def test_body_only_targets(ward: WardData) -> None:
    codes = [b.code for b in m.specific_blocks()]
    only = body_only(ward)
    for t in only:
        first = t.sources[0]
        assert first.section in codes and not t.code, t.id
        assert first.quote in m.block(first.section).items, t.id  # the whole item
        # B.I.x go to group I, B.II.x to group II (the group of their theme).
        roman = (first.section or "").split(".")[1]
        assert t.group == next(g.id for g in ward.groups if g.code == roman), t.id
        assert t.notes and "chỉ nêu ở phần thân" in t.notes[0].text, t.id
    # Each body item is the first source of at most one body-only target.
    firsts = [(t.sources[0].section, t.sources[0].quote) for t in only]
    assert len(firsts) == len(set(firsts))
    # The rest of the items restate a Phụ lục 1 row or another body item.
    items = sum(len(b.items) for b in m.specific_blocks())
    restating = {
        (s.section, s.quote)
        for t in ward.targets
        if t not in only
        for s in tree_sources(t)
        if s.section in codes
    }
    restating_items = {
        (b.code, item)
        for b in m.specific_blocks()
        for item in b.items
        if any(sec == b.code and squash(q) in item for sec, q in restating)
    }
    merged = [t for t in only if len({s.section for s in t.sources if s.section in codes}) > 1]
    assert len(only) + len(merged) + len(restating_items) >= items
    assert len(only) + len(merged) + len(restating_items - set(firsts)) == items


# ---------------------------------------------------------------- Phụ lục 2, 3 and sections


def test_one_priority_task_per_appendix2_row(ward: WardData) -> None:
    a = m.appendix(2)
    expected = [f"{g}.{n}" for g, _ in a.groups for n in a.numbers(g)]
    assert [t.code for t in ward.priority_tasks] == expected
    titles = dict(a.groups)
    for t in ward.priority_tasks:
        g, n = (t.code or "").split(".")
        assert t.source.row == n
        assert t.source.section == f"Phụ lục 2, mục {g}. {titles[g]}"
        assert t.source.quote == a.row(g, n).text
        for field in (t.text, t.output, t.timeframe, t.lead_unit, t.partners):
            assert field and in_order(field, t.source.quote), (t.code, field)


def test_one_project_row_per_appendix3_row(ward: WardData) -> None:
    a = m.appendix(3)
    assert [t.title for t in ward.tables] == [a.title]
    rows = [r for p in ward.projects for r in p.rows]
    assert [r.code for r in rows] == a.numbers("")
    for p in ward.projects:
        assert len(p.rows) == 1  # no work is listed twice
        row = p.rows[0]
        assert row.code and row.source.quote == a.row("", row.code).text
        assert (p.name, p.lead_unit, p.partners, p.funding) == (
            row.name,
            row.lead_unit,
            row.partners,
            row.funding,
        )
        assert p.timeframe and p.timeframe.text == row.timeframe
        for field in (row.name, row.lead_unit, row.partners, row.timeframe, row.funding):
            assert field and in_order(field, row.source.quote), (row.code, field)
        for part in p.parts:
            assert in_order(part, row.source.quote), (row.code, part)
        if p.timeframe.start or p.timeframe.end:
            years = numbers(p.timeframe.text or "")
            assert {y for y in (p.timeframe.start, p.timeframe.end) if y} <= years, row.code


def test_main_tasks_are_the_body_sections(ward: WardData) -> None:
    sections = m.body_sections()
    assignments = m.assignments()
    assert [t.code for t in ward.main_tasks] == [code for code, _, _ in sections]
    for task, (code, heading, _) in zip(ward.main_tasks, sections, strict=True):
        assert task.text == re.sub(r"^\d\.\s*", "", heading)
        if code in assignments:
            assert task.source.quote == assignments[code]
            for field in (task.lead_unit, task.partners, task.timeframe):
                assert field and squash(field) in task.source.quote, (code, field)
        else:
            assert task.lead_unit is None and task.source.quote == heading


# ---------------------------------------------------------------- printed fields and numbers


def test_printed_target_fields_occur_in_their_quotes(ward: WardData) -> None:
    for top in ward.targets:
        parent_quotes = [s.quote for s in top.sources] + [
            s.quote for n in top.notes for s in n.sources
        ]
        for t in walk([top]):
            quotes = [s.quote for s in t.sources] + [s.quote for n in t.notes for s in n.sources]
            if t is not top:
                quotes += parent_quotes
            for field in (t.name, t.unit, t.value_text, t.yearly_text, t.lead_unit, t.partners):
                if field:
                    assert in_order(field, *quotes), (t.id, field)


def test_parsed_numbers_are_printed(ward: WardData) -> None:
    for t in walk(ward.targets):
        if not t.goal:
            continue
        printed = " ".join(x for x in (t.value_text, t.yearly_text) if x)
        found = numbers(printed) | ({0.0} if "không" in printed else set())
        for value in (t.goal.value, t.goal.low, t.goal.high):
            if value is not None:
                assert value in found, (t.id, value, printed)
        for ms in t.milestones:
            assert str(ms.year) in ms.text or (ms.source and str(ms.year) in ms.source.quote), t.id


# ---------------------------------------------------------------- organisations


def test_every_organisation_resolves(ward: WardData) -> None:
    def check(
        where: str,
        lead: str | None,
        lead_orgs: list[str] | None,
        partners: str | None,
        partner_orgs: list[str] | None,
    ) -> None:
        if lead:
            # A lead cell may also name the partners ("X chủ trì, phối hợp Y"): those are
            # carried in `partners` and checked there.
            own = lead.replace(partners, "") if partners and partners in lead else lead
            named = scan_orgs(ward, own)
            if lead_orgs is None:
                assert ward.organisation_for(lead), (where, lead)
            else:
                assert named == lead_orgs and len(named) >= 1, (where, lead, named)
        if partners is not None:
            assert scan_orgs(ward, partners) == (partner_orgs or []), (where, partners)

    for t in walk(ward.targets):
        check(
            t.id,
            t.lead_unit,
            t.lead_orgs,
            t.partners,
            None if not t.partners else scan_orgs(ward, t.partners),
        )
    for p in ward.projects:
        check(p.id, p.lead_unit, p.lead_orgs, p.partners, p.partner_orgs)
        for r in p.rows:
            assert r.lead_unit and (ward.organisation_for(r.lead_unit) or p.lead_orgs), p.id
    for task in (*ward.priority_tasks, *ward.main_tasks):
        check(task.id, task.lead_unit, task.lead_orgs, task.partners, task.partner_orgs)


def test_every_listed_organisation_is_named_somewhere(ward: WardData) -> None:
    cells = [x for t in walk(ward.targets) for x in (t.lead_unit, t.partners) if x]
    cells += [x for p in ward.projects for x in (p.lead_unit, p.partners) if x]
    cells += [
        x for t in (*ward.priority_tasks, *ward.main_tasks) for x in (t.lead_unit, t.partners) if x
    ]
    named = {org for cell in cells for org in scan_orgs(ward, cell)}
    assert named == {o.id for o in ward.organisations}


# ---------------------------------------------------------------- the two versions


def test_quotes_come_from_the_version_they_name(ward: WardData) -> None:
    issued, clean = seed_text(m.ISSUED), seed_text(m.CLEAN)
    for where, s in all_sources(ward):
        q = squash(s.quote)
        if ISSUED_MARK in (s.section or ""):
            assert q in issued, (where, q[:60])
        else:
            assert q in clean, (where, q[:60])


def test_every_issued_quote_has_its_clean_counterpart(ward: WardData) -> None:
    """A note that cites the issued OCR (a difference or an unclear cell) cites 001 too."""
    notes: list[tuple[str, Note]] = []
    for t in walk(ward.targets):
        notes += [(t.id, n) for n in t.notes]
    notes += [(d.id, n) for d in ward.documents for n in d.notes]
    notes += [(p.id, n) for p in ward.projects for n in p.notes]
    notes += [(t.id, n) for t in (*ward.priority_tasks, *ward.main_tasks) for n in t.notes]
    cited = 0
    for where, n in notes:
        sections = [s.section or "" for s in n.sources]
        if any(ISSUED_MARK in s for s in sections):
            cited += 1
            assert n.kind in ("unclear", "difference", "info"), where
            assert any(ISSUED_MARK not in s for s in sections), where
    assert cited >= 8


def test_number_date_and_title_come_from_the_issued_header(ward: WardData) -> None:
    header = m.issued_header()
    doc = ward.document("ctr-04-2025")
    assert doc.number == "04-CTr/ĐU"
    number = re.search(r"S6 (\d+) -CTr/", header)
    assert number and doc.number.startswith(number.group(1))
    day = re.search(r"ngay (\d+) thang (\d+) n\S*m (\d{4})", header)
    assert day and doc.date == date(int(day.group(3)), int(day.group(2)), int(day.group(1)))
    ocr_title = fold_for_ocr(header[header.index("CHUONG TRINH") :])
    restored = fold_for_ocr(doc.title)
    assert edit_distance(ocr_title, restored) <= OCR_TITLE_TOLERANCE * len(restored)
    assert doc.version_label and fold_for_ocr(doc.version_label) == "sua doi, bo sung"
    assert "(sira d6i, b6 sung)" in header


def test_cells_partition_their_printed_row(ward: WardData) -> None:
    """Every word of a printed appendix row is in exactly one carried cell: nothing lost,
    nothing added, no cell split wrongly (a cell's text may be interleaved in the copy)."""

    def check(label: str, quote: str, cells: list[str | None]) -> None:
        printed = Counter(tokens(re.sub(r"^\d+\.\s*", "", quote)))
        carried = Counter(tokens(" ".join(c for c in cells if c)))
        assert printed == carried, (label, printed - carried, carried - printed)

    for task in ward.priority_tasks:
        cells = [task.text, task.output, task.timeframe, task.lead_unit, task.partners]
        check(f"P2 {task.code}", task.source.quote, cells)
    for p in ward.projects:
        r = p.rows[0]
        check(
            f"P3 {r.code}",
            r.source.quote,
            [r.name, r.lead_unit, r.partners, r.timeframe, r.funding],
        )
    for t in ward.targets:
        if t.code:
            # A row whose "Đến năm 2030" cell holds one value per child carries it there.
            values = [t.value_text] if t.value_text else [c.value_text for c in t.children]
            cells = [t.name, t.unit, *values, t.yearly_text, t.lead_unit]
            check(f"P1 {t.code}", t.sources[0].quote, cells)
