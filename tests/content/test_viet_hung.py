"""Việt Hưng: the data carry the whole draft political report (seed 004, OCR), exactly.

Counts and printed figures come from `manifest_viet_hung`, which parses the seed. The
restored Vietnamese of every item is compared with the OCR it was restored from, both
stripped of diacritics (`fold_for_ocr`), within `MAX_OCR_RATIO` edits per character of
the restored text; words the data mark as supplied ("[kỳ]") or unreadable ("[…]") are
left out of the comparison, since by definition the scan does not print them.
"""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Iterator
from datetime import date

import pytest
from pydantic import BaseModel

from site_builder.computed import compute_ward
from site_builder.load import WardData, load_dataset
from site_builder.model import Series, Source, Target
from site_builder.pages import build_ward

from ..seeds import REPO_ROOT, fold_for_ocr, require_seeds, seed_text, squash
from . import manifest_viet_hung as manifest

WARD = "viet-hung"
DOCUMENT = "bc-chinh-tri-du-thao-2025"
# At most 0.36 edits per character between a restored text and its OCR, both without
# diacritics. Measured: clauses and long headings stay under 0.25; the worst ordinary
# case is 0.35, the heading “Tiếp tục đổi mới phương thức lãnh đạo của các cấp ủy đảng”
# printed “Tdp tyc cid i mai phtrang thirc lanh (Igo cua cac cap fly acing”. A quote of
# another sentence of the report costs 0.5 or more (`test_a_wrong_quote_fails_the_ocr_comparison`).
MAX_OCR_RATIO = 0.36
MIN_ALLOWED_EDITS = 3
# Two short names are damaged beyond that ratio; each is allowed its measured ratio and
# must explain its reading in a visible note of kind "restored".
HEAVY_OCR = {
    "giai-phap-chuyen-doi-so": 0.48,  # "rd thitc ciciy chuyjn alai so"
    "cau-duong-bo-duong-moi": 0.41,  # "Cu Direyng b0 Duiing mai"
}
# Former wards whose results the report prints; the three partly merged wards have none.
FORMER_WARDS_WITH_RESULTS = {"viet-hung-cu", "duc-giang", "giang-bien", "thuong-thanh"}
# Letters the OCR prints for digits inside a number ("=I25,9%" for 125,9%).
_OCR_DIGITS = str.maketrans({"I": "1", "O": "0"})
_SUPPLIED = re.compile(r"\[[^\]]*\]")


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


def _allowed(text: str, ratio: float = MAX_OCR_RATIO) -> int:
    return max(MIN_ALLOWED_EDITS, math.ceil(ratio * len(text)))


def _ocr_mismatch(restored: str, ocr: str, ratio: float = MAX_OCR_RATIO) -> str | None:
    """Why `restored` is not a reading of `ocr`, or None when it is."""
    a = fold_for_ocr(_SUPPLIED.sub(" ", restored))
    b = fold_for_ocr(ocr)
    distance = _infix_distance(a, b)
    if distance > _allowed(a, ratio):
        return f"{distance} edits (allowed {_allowed(a, ratio)}): {restored[:60]!r} / {ocr[:60]!r}"
    # Digits are never restored: every number of the text is printed in the OCR.
    missing = set(re.findall(r"\d+", a)) - set(re.findall(r"\d+", b))
    if missing:
        return f"numbers {sorted(missing)} not in the OCR: {restored[:60]!r}"
    return None


def _restored_pairs(ward: WardData) -> Iterator[tuple[str, str, str]]:
    """(id, restored text, OCR quote) of every item restored from the scan. A project's
    names are compared with all its quotes together: a sentence split by a page break
    and a footnote is quoted in two pieces."""
    for g in ward.groups:
        assert g.source is not None
        yield g.id, g.name, g.source.quote
    for t in _all_targets(ward.targets):
        yield t.id, t.name, t.sources[0].quote
    for kind in ("priority_tasks", "breakthroughs", "main_tasks"):
        for task in getattr(ward, kind):
            yield task.id, task.text, task.source.quote
    for p in ward.projects:
        quotes = " ".join(s.quote for _, s in _sources(p, p.id))
        yield p.id, p.name, quotes
        for r in p.rows:
            yield p.id, r.name, quotes
    for f in ward.ward.facts:
        assert f.source is not None
        yield f.label, f.value_text, f.source.quote


def _vietnamese_number(text: str) -> float:
    """ "5.000" is five thousand, "12,5" twelve and a half; a lone "101.6" (printed once,
    with a decimal point) is a hundred and one point six."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    if re.fullmatch(r"\d+\.\d{1,2}", text):
        return float(text)
    return float(text.replace(",", "."))


def _series(ward: WardData, prefix: str) -> list[Series]:
    return [s for s in ward.series if s.id.startswith(prefix)]


def _values(series: list[Series]) -> list[float]:
    return sorted(o.value for s in series for o in s.observations if o.value is not None)


# ---------------------------------------------------------------- document and ward


def test_document_is_the_undated_first_draft(ward: WardData) -> None:
    document = ward.document(DOCUMENT)
    assert document.kind == "political_report"
    assert document.status == "draft"
    assert document.version_label == "Dự thảo lần 01"
    assert document.date is None and document.number is None
    assert document.date_text == "tháng 7 năm 2025"
    assert document.seeds == [manifest.SEED]


def test_former_wards_are_the_seven_merged_wards(ward: WardData) -> None:
    formed = squash(ward.ward.formed or "")
    for former in ward.ward.former_wards:
        name = former.name.removeprefix("Phường ").removesuffix(" (cũ)")
        assert name in formed, former.id
    assert len(ward.ward.former_wards) == 7
    assert FORMER_WARDS_WITH_RESULTS <= {f.id for f in ward.ward.former_wards}


def test_numeric_facts_are_their_printed_text(ward: WardData) -> None:
    for fact in ward.ward.facts:
        if fact.value is not None:
            assert fact.value == _vietnamese_number(fact.value_text), fact.label
            assert fact.source and fact.value_text in fact.source.quote, fact.label


# ---------------------------------------------------------------- targets


def test_target_groups_are_the_printed_groups(ward: WardData) -> None:
    require_seeds()
    printed = manifest.target_groups()
    assert len(ward.groups) == len(printed)
    for group, heading in zip(ward.groups, printed, strict=True):
        assert group.source and squash(group.source.quote).endswith(heading.heading), group.id


def test_targets_per_group_match_the_printed_items(ward: WardData) -> None:
    require_seeds()
    for group, printed in zip(ward.groups, manifest.target_groups(), strict=True):
        carried = [t.code for t in ward.targets if t.group == group.id and t.code]
        assert carried == [f"({n})" for n, _ in printed.items], group.id


def test_each_target_item_is_quoted_whole_by_its_target(ward: WardData) -> None:
    require_seeds()
    for group, printed in zip(ward.groups, manifest.target_groups(), strict=True):
        items = dict(printed.items)
        for target in (t for t in ward.targets if t.group == group.id and t.code):
            number = int((target.code or "").strip("()"))
            assert squash(target.sources[0].quote) == items[number], target.id


def test_body_only_targets_are_every_percentage_of_the_solutions(ward: WardData) -> None:
    """Section VI prints two percentages outside the target list; each is a target."""
    require_seeds()
    text = manifest.text()
    solutions = text[text.index("VI. GIAI PHAP CHU") : text.index("Phan ti? ba")]
    printed = re.findall(r"(\d+(?:,\d+)?) ?%", solutions)
    body_only = [t for t in ward.targets if t.code is None]
    assert len(body_only) == len(printed)
    for target, value in zip(body_only, printed, strict=True):
        quote = target.sources[0].quote
        assert f"{value}%" in quote and squash(quote) in solutions, target.id
        assert any(n.kind == "info" for n in target.notes), target.id


def test_bundled_rows_have_one_child_per_target(ward: WardData) -> None:
    """A row with two values or two subjects is one target whose children carry them."""
    bundled = {t.id: len(t.children) for t in ward.targets if t.children}
    assert bundled == {
        "truong-cong-lap-chat-luong-cao": 2,  # "Duy trì 02 …; … 01 trường"
        "phuong-dat-tieu-chi-y-te": 2,  # tiêu chí quốc gia về y tế / y học cổ truyền
        "dieu-tra-kham-pha-an": 2,  # trên 75% / án rất nghiêm trọng trên 90%
    }
    for target in ward.targets:
        if target.children:
            assert target.goal is None, target.id
            assert all(c.goal is not None for c in target.children), target.id


def test_ranges_stay_ranges(ward: WardData) -> None:
    """A printed "a-b" or "từ a đến b" is a range goal, never one number."""
    for target in _all_targets(ward.targets):
        name = fold_for_ocr(target.name)
        if re.search(r"\d+-\d+%|tu \d+ den \d+", name):
            assert target.goal and target.goal.comparator == "range", target.id
            low, high = (float(x) for x in re.findall(r"(\d+)(?:-| den )(\d+)", name)[0])
            assert (target.goal.low, target.goal.high) == (low, high), target.id


def test_cumulative_and_yearly_targets_are_told_apart(ward: WardData) -> None:
    """ "bình quân hằng năm" is growth, "hằng năm" annual, "so với năm 2025" cumulative."""
    for target in _all_targets(ward.targets):
        name, goal = fold_for_ocr(target.name), target.goal
        if goal is None:
            continue
        if "binh quan hang nam" in name:
            assert goal.kind == "growth", target.id
        elif "so voi nam 2025" in name:
            assert goal.kind == "cumulative" and goal.start_year == 2025, target.id
        elif "hang nam" in name and "%" in (target.yearly_text or ""):
            assert goal.kind == "annual", target.id


# ---------------------------------------------------------------- tasks and projects


def test_main_tasks_are_the_printed_items_then_the_solution_headings(ward: WardData) -> None:
    require_seeds()
    items = manifest.main_task_items()
    headings = manifest.solution_headings()
    codes = [t.code for t in ward.main_tasks]
    assert codes == [f"IV.1 ({n})" for n, _ in items] + [f"VI.{c}" for c, _ in headings]
    for task, (_, printed) in zip(ward.main_tasks, items, strict=False):
        assert squash(task.source.quote) == printed, task.id
    for task, (_, first_line) in zip(ward.main_tasks[len(items) :], headings, strict=True):
        assert squash(task.source.quote).startswith(first_line), task.id


def test_breakthroughs_are_the_printed_items(ward: WardData) -> None:
    require_seeds()
    printed = manifest.breakthroughs()
    assert [t.code for t in ward.breakthroughs] == [f"V.{n}" for n, _ in printed]
    for task, (_, text) in zip(ward.breakthroughs, printed, strict=True):
        assert squash(task.source.quote) == text, task.id


def test_city_projects_are_context_and_ward_projects_are_not(ward: WardData) -> None:
    require_seeds()
    for project in ward.projects:
        tables = {r.table for r in project.rows}
        assert project.context == (tables == {"boi-canh-thanh-pho"}), project.id
    # Footnote 11 names the city's projects, separated by a comma.
    footnote = re.search(r"II (Cu Direyng b0 Duiing mai, duang cao t6c [^.]+)\.", manifest.text())
    assert footnote
    named = footnote.group(1).split(", ")
    carried = [p for p in ward.projects if any(r.code == "11" for r in p.rows)]
    assert len(carried) == len(named)
    assert all(p.context for p in carried)


def test_every_printed_lead_unit_resolves(ward: WardData) -> None:
    items = [*_all_targets(ward.targets), *ward.projects, *ward.breakthroughs, *ward.main_tasks]
    for item in items:
        if item.lead_unit and item.lead_orgs is None:
            assert ward.organisation_for(item.lead_unit) is not None, item.id


# ---------------------------------------------------------------- quotes and OCR


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
    problems = []
    for where, restored, ocr in _restored_pairs(ward):
        if why := _ocr_mismatch(restored, ocr, HEAVY_OCR.get(where, MAX_OCR_RATIO)):
            problems.append(f"{where}: {why}")
    assert not problems, "\n".join(problems)


def test_heavily_damaged_names_explain_their_reading(ward: WardData) -> None:
    items = {i.id: i for i in (*ward.projects, *ward.main_tasks) if i.id in HEAVY_OCR}
    assert items.keys() == HEAVY_OCR.keys()
    for item in items.values():
        assert any(n.kind == "restored" for n in item.notes), item.id


def test_a_wrong_quote_fails_the_ocr_comparison(ward: WardData) -> None:
    """The tolerance still tells a restoration from an unrelated sentence."""
    targets = list(ward.targets)
    for target, other in zip(targets, targets[1:] + targets[:1], strict=True):
        assert _ocr_mismatch(target.name, other.sources[0].quote), target.id


def test_every_item_is_marked_restored_from_ocr(ward: WardData) -> None:
    items = [*_all_targets(ward.targets), *ward.projects, *ward.breakthroughs, *ward.main_tasks]
    assert all(item.restored_from_ocr for item in items)


def test_supplied_and_unreadable_words_have_a_note(ward: WardData) -> None:
    """Every "[…]" or "[word]" in a text is explained by a visible note (a child target
    is a section of its parent's page, so the parent's note counts)."""
    parents = {c.id: t for t in _all_targets(ward.targets) for c in t.children}
    items = [*_all_targets(ward.targets), *ward.projects, *ward.main_tasks]
    for item in items:
        text = getattr(item, "name", None) or getattr(item, "text", "")
        if _SUPPLIED.search(text):
            notes = [*item.notes, *(parents[item.id].notes if item.id in parents else [])]
            assert {n.kind for n in notes} & {"unclear", "restored"}, item.id
    # A target group has no notes: its names are restored without brackets.
    assert not [g.id for g in ward.groups if _SUPPLIED.search(g.name)]


# ---------------------------------------------------------------- series (results 2020-2025)


def test_every_measurement_quote_contains_its_printed_value(ward: WardData) -> None:
    for series in ward.series:
        for obs in series.observations:
            assert obs.value_text, series.id
            quote = squash(obs.source.quote)
            if obs.value_text not in quote:
                # A digit misread as a letter must be said next to the value.
                assert obs.value_text in quote.translate(_OCR_DIGITS), series.id
                assert obs.note and "đọc nhầm" in obs.note, series.id


def test_every_measurement_value_is_its_printed_text(ward: WardData) -> None:
    for series in ward.series:
        for obs in series.observations:
            assert obs.value_text is not None
            assert obs.value == _vietnamese_number(obs.value_text), (series.id, obs.period)
            if re.fullmatch(r"\d+\.\d{1,2}", obs.value_text):
                assert obs.note and "dấu chấm" in obs.note, series.id


def test_series_belong_to_one_former_ward_or_say_their_scope(ward: WardData) -> None:
    for series in ward.series:
        if series.area is None:
            assert "như văn bản in" in series.name, series.id
        else:
            assert series.area in FORMER_WARDS_WITH_RESULTS, series.id
            assert series.id.endswith(series.area), series.id


# The one result that plainly measures the same indicator as a 2025-2030 target: shown as
# its baseline (docs/wards/viet-hung.md, "Results 2020 - 2025").
BASELINES = {"giao-vien-dat-chuan-04-phuong": "giao-vien-dat-chuan"}


def test_no_series_is_linked_to_a_target_the_document_does_not_link(ward: WardData) -> None:
    """The report never relates a 2020-2025 figure to a 2025-2030 target: no series
    measures one; only the documented same-indicator result is a baseline, and says why."""
    for series in ward.series:
        assert series.target is None, series.id
        assert series.baseline_for == BASELINES.get(series.id), series.id
        assert (series.link_note is not None) == (series.id in BASELINES), series.id


def test_a_baseline_is_the_same_indicator_in_both_quotes(ward: WardData) -> None:
    """Result and target quote the same words of the report (OCR folded): the measure
    (teachers meeting the professional standard and the 2019 Education Law)."""
    targets = {t.id: t for t in ward.targets}
    series = {s.id: s for s in ward.series}
    for series_id, target_id in BASELINES.items():
        result = series[series_id]
        target = targets[target_id]
        quotes = [result.observations[0].source.quote, target.sources[0].quote]
        for words in ("100% gido vi", "luat gido d", "2019", "chuan ngh"):
            assert all(words in fold_for_ocr(q) for q in quotes), words
        assert result.unit == target.unit == "%"


def test_term_totals_are_recorded_at_the_end_year(ward: WardData) -> None:
    """A figure for the whole 2020-2025 term sits at 2025 and says so."""
    totals = [
        (s, o)
        for s in ward.series
        for o in s.observations
        if o.note and "cả nhiệm kỳ 2020 - 2025" in o.note
    ]
    assert totals
    for series, obs in totals:
        assert obs.period == "2025" and "2020 - 2025" in series.name, series.id


def test_targets_per_former_ward_are_footnote_1(ward: WardData) -> None:
    require_seeds()
    printed = sorted(n for _, n in manifest.targets_per_former_ward())
    assert _values(_series(ward, "so-chi-tieu-nhiem-ky-2020-2025-")) == printed


def test_study_rates_are_footnote_3(ward: WardData) -> None:
    require_seeds()
    series = [s for s in _series(ward, "hoc-tap-nghi-quyet-") if s.area]
    carried = sorted(o.value_text or "" for s in series for o in s.observations)
    assert carried == sorted(manifest.study_rates())


def test_dan_van_models_are_footnote_4_and_add_up(ward: WardData) -> None:
    require_seeds()
    printed = manifest.dan_van_models()
    registered = [s for s in _series(ward, "dan-van-kheo-dang-ky-") if s.area]
    exemplary = [s for s in _series(ward, "dan-van-kheo-tieu-bieu-") if s.area]
    assert _values(registered) == sorted(a for a, _ in printed)
    assert _values(exemplary) == sorted(b for _, b in printed)
    totals = manifest.dan_van_totals()
    assert totals == (sum(a for a, _ in printed), sum(b for _, b in printed))
    assert _values(_series(ward, "dan-van-kheo-dang-ky-04-phuong")) == [totals[0]]
    assert _values(_series(ward, "dan-van-kheo-tieu-bieu-04-phuong")) == [totals[1]]


def test_inspection_totals_carry_an_inconsistency_note(ward: WardData) -> None:
    """Footnote 6's parts do not add up to the printed totals: both are published, and
    the totals say so, here and in a document note of kind "inconsistency"."""
    require_seeds()
    parts = manifest.inspection_parts()
    organisations, members = manifest.inspection_totals()
    orgs_sum = sum(o for o, _ in parts)
    members_sum = sum(m for _, m in parts if m is not None)
    assert organisations not in (orgs_sum, orgs_sum - parts[-1][0])
    assert members not in (members_sum, members_sum - (parts[-1][1] or 0))
    for series_id, total in (
        ("ktgs-to-chuc-dang-tong", organisations),
        ("ktgs-dang-vien-tong", members),
    ):
        [obs] = next(s for s in ward.series if s.id == series_id).observations
        assert obs.value == total and obs.note and "Không khớp" in obs.note, series_id
    carried_orgs = [
        s
        for s in ward.series
        if s.id.startswith(("ktgs-to-chuc-dang-", "ktgs-chi-bo-")) and not s.id.endswith("-tong")
    ]
    assert _values(carried_orgs) == sorted(o for o, _ in parts)
    notes = ward.document(DOCUMENT).notes
    assert any(n.kind == "inconsistency" and str(organisations) in n.text for n in notes)


def test_impossible_budget_total_carries_a_correction(ward: WardData) -> None:
    """“155.920 tỷ đồng” for one ward's five years is a thousandfold slip: the printed
    yearly average (31,1 tỷ đồng × 5) agrees with 155,920 tỷ đồng."""
    [total] = next(
        s for s in ward.series if s.id == "tong-thu-ngan-sach-nhiem-ky-thuong-thanh"
    ).observations
    [average] = next(
        s for s in ward.series if s.id == "thu-ngan-sach-binh-quan-nam-thuong-thanh"
    ).observations
    assert total.value is not None and average.value is not None
    assert total.value_text == "155.920" and total.value == 155920
    assert abs(total.value / 1000 - 5 * average.value) / (5 * average.value) < 0.01
    assert total.note and "Đính chính" in total.note
    assert any(
        n.kind == "correction" and "155.920" in n.text for n in ward.document(DOCUMENT).notes
    )


def test_viet_hung_budget_is_footnote_8_and_its_ratios_agree(ward: WardData) -> None:
    """Each printed ratio lies within what the rounded revenue/estimate pair allows."""
    require_seeds()
    pairs = manifest.budget_pairs_viet_hung()
    revenue = next(s for s in ward.series if s.id == "thu-ngan-sach-viet-hung-cu")
    estimate = next(s for s in ward.series if s.id == "du-toan-thu-ngan-sach-viet-hung-cu")
    ratio = next(s for s in ward.series if s.id == "thu-ngan-sach-so-du-toan-viet-hung-cu")
    revenues = [(o.period, o.value_text) for o in revenue.observations]
    estimates = [(o.period, o.value_text) for o in estimate.observations]
    assert revenues == [(y, a) for y, a, _ in pairs]
    assert estimates == [(y, b) for y, _, b in pairs]
    for (_, a, b), r in zip(pairs, ratio.observations, strict=True):
        x, y = _vietnamese_number(a), _vietnamese_number(b)
        half = 0.05 if "," in a else 0.5
        low, high = 100 * (x - half) / (y + 0.05), 100 * (x + half) / (y - 0.05)
        assert r.value is not None and low <= r.value <= high, r.period


def test_giang_bien_budget_is_every_entry_of_footnote_8(ward: WardData) -> None:
    require_seeds()
    printed = manifest.budget_entries_giang_bien()
    series = [
        s
        for s in ward.series
        if s.id in ("thu-ngan-sach-giang-bien", "thu-ngan-sach-6-thang-giang-bien")
    ]
    carried = sorted((o.period[:4], o.value_text) for s in series for o in s.observations)
    assert carried == sorted(printed)


def test_every_published_result_is_on_the_ward_page(ward: WardData) -> None:
    # No series measures a 2025-2030 target, so the ward page is where citizens see them:
    # one row per measurement, under its own former ward (or printed scope), never summed.
    page = build_ward(compute_ward(ward, date(2026, 6, 30)))
    former = {f.id: f.name for f in ward.ward.former_wards}
    expected: dict[str, list[tuple[str, str | None]]] = {}
    for series in ward.series:
        area = series.area_text or (former[series.area] if series.area else "Cả phường")
        for obs in sorted(series.observations, key=lambda o: o.period):
            expected.setdefault(area, []).append((series.name, obs.value_text))
    shown = {
        area.name: [(row.series.split(" (")[0], row.printed) for row in area.rows]
        for area in page.results
    }
    assert {a: [n.split(" (")[0] for n, _ in v] for a, v in expected.items()} == {
        a: [n for n, _ in v] for a, v in shown.items()
    }
    assert {a: [p for _, p in v] for a, v in expected.items()} == {
        a: [p for _, p in v] for a, v in shown.items()
    }
    assert sum(len(v) for v in shown.values()) == 98
    assert set(shown) >= {former[f] for f in FORMER_WARDS_WITH_RESULTS}
