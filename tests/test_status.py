"""Status methods, table-driven, with every expected value worked out by hand below."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.model import (
    Goal,
    Observation,
    Project,
    ProjectRow,
    Series,
    Source,
    StatusChange,
    StatusOverride,
    Target,
    Timeframe,
)
from site_builder.status import (
    _ORDER,
    METHODS,
    assess_project,
    assess_target,
    period_end,
    summarise_children,
    term_elapsed_share,
)

SRC = Source(document="d", quote="q")
TERM = (2025, 2030)
AS_OF = date(2027, 6, 30)


def target(goal: Goal, unit: str | None = "%", **extra: object) -> Target:
    return Target(id="t", name="T", unit=unit, goal=goal, sources=[SRC], **extra)


def series(values: dict[str, float], area: str | None = None, **extra: object) -> Series:
    return Series(
        id=f"s-{area or 'all'}",
        name="S",
        target="t",
        area=area,
        **extra,
        observations=[Observation(period=p, value=v, source=SRC) for p, v in values.items()],
    )


def assess(
    goal: Goal,
    values: dict[str, float],
    unit: str | None = "%",
    as_of: date = AS_OF,
    **series_extra: object,
):
    return assess_target(target(goal, unit), [series(values, **series_extra)], as_of, TERM)


# Level, higher is better: 50 (2025) -> 60 (2026), target 100 by 2030.
# Required CAGR = (100/50)^(1/5) - 1 = 0.14870; observed = 60/50 - 1 = 0.2; R = 1.345 -> on track.
# 50 -> 55: observed 0.1, R = 0.6725 -> needs acceleration. 50 -> 52: R = 0.269 -> off track.
# 50 -> 45: R = -0.672 -> off track (moving away).
LEVEL = Goal(kind="level", comparator=">=", value=100, year=2030, direction="higher")


@pytest.mark.parametrize(
    ("latest", "status", "ratio"),
    [
        (60, "on_track", 1.345),
        (55, "needs_acceleration", 0.6725),
        (52, "off_track", 0.269),
        (45, "off_track", -0.6725),
        (100, "achieved", None),
    ],
)
def test_level_growth_ratio(latest: float, status: str, ratio: float | None) -> None:
    a = assess(LEVEL, {"2025": 50, "2026": latest})
    assert a.status == status
    if ratio is not None:
        assert a.ratio == pytest.approx(ratio, abs=0.001)
        assert a.preliminary  # exactly two data points
        assert a.expected_path[0] == (2025, 50) and a.expected_path[-1][1] == pytest.approx(100)


def test_level_explains_required_and_observed_growth() -> None:
    a = assess(LEVEL, {"2025": 50, "2026": 60})
    assert a.explanation.startswith("Cần tăng 14,9%/năm từ 50% (năm 2025) để đạt 100% vào năm 2030")
    assert "thực tế tăng 20%/năm" in a.explanation


def test_level_lower_is_better() -> None:
    # Poverty 4% (2025) -> 3% (2026), target < 1 by 2030: required (1/4)^(1/5)-1 = -0.2421,
    # observed -0.25, R = 1.0326 -> on track.
    goal = Goal(kind="level", comparator="<", value=1, year=2030, direction="lower")
    a = assess(goal, {"2025": 4, "2026": 3})
    assert a.status == "on_track"
    assert a.ratio == pytest.approx(1.0326, abs=0.001)


def test_zero_base_uses_open_sdg_substitute() -> None:
    # 0 -> 0.5 with target 1: 0 replaced by 0.001; observed 499x, required 0.001->1 over 5y:
    # (1000)^(0.2)-1 = 2.981; observed 499.0 -> R huge -> on track.
    a = assess(Goal(kind="level", comparator=">=", value=1, year=2030), {"2025": 0, "2026": 0.5})
    assert a.status == "on_track"


def test_negative_values_fall_back_to_distance_share() -> None:
    # -2 (2025) -> -1 (2026), target 3 by 2030: covered 1/5 = 0.2, time 1/5 = 0.2, R = 1.
    a = assess(
        Goal(kind="level", comparator=">=", value=3, year=2030), {"2025": -2, "2026": -1}, unit="%"
    )
    assert a.method == "level-distance-share"
    assert a.ratio == pytest.approx(1.0) and a.status == "on_track"


def test_percent_within_one_point_of_100_is_achieved() -> None:
    a = assess(
        Goal(kind="level", comparator=">=", value=100, year=2030), {"2025": 97, "2026": 99.2}
    )
    assert a.status == "achieved"


def test_expected_path_stays_within_0_and_100_percent() -> None:
    a = assess(
        Goal(kind="level", comparator="<=", value=0, year=2030, direction="lower"),
        {"2025": 5, "2026": 4},
    )
    assert all(0 <= y <= 100 for _, y in a.expected_path)


def test_range_target() -> None:
    goal = Goal(kind="level", comparator="range", low=12.5, high=13.5, year=2030)
    assert assess(goal, {"2025": 11, "2026": 13}).status == "achieved"
    # 10 -> 11, aim 12.5: required (1.25)^(1/5)-1 = 0.04564, observed 0.1 -> on track.
    assert assess(goal, {"2025": 10, "2026": 11}).status == "on_track"


def test_base_is_the_first_measurement_in_the_documents_period() -> None:
    # 2022 lies before the term: ignored. Base 2025 = 50.
    a = assess(LEVEL, {"2022": 10, "2025": 50, "2026": 60})
    assert a.ratio == pytest.approx(1.345, abs=0.001)


def test_observations_after_as_of_are_not_used() -> None:
    a = assess(LEVEL, {"2025": 50, "2026": 60, "2027": 100}, as_of=date(2027, 6, 30))
    assert a.status == "on_track"  # 2027 has not ended yet


def test_one_point_is_no_trend_yet() -> None:
    a = assess(LEVEL, {"2025": 50})
    assert a.status == "no_data" and a.preliminary


def test_deadline_passed_without_reaching_is_off_track() -> None:
    a = assess(LEVEL, {"2025": 50, "2030": 99}, as_of=date(2031, 3, 1), unit="người")
    assert a.status == "off_track" and a.method == "level-overdue"


def test_no_series_no_data() -> None:
    a = assess_target(target(LEVEL), [], AS_OF, TERM)
    assert a.status == "no_data" and a.explanation == "Chưa có số liệu."


def test_former_ward_series_never_measure_the_new_ward() -> None:
    a = assess_target(target(LEVEL), [series({"2025": 50, "2026": 100}, area="cu")], AS_OF, TERM)
    assert a.status == "no_data" and "phường cũ" in a.explanation


ANNUAL = Goal(kind="annual", comparator=">=", value=90, start_year=2026, end_year=2030)


@pytest.mark.parametrize(
    ("values", "status"),
    [
        ({"2026": 91, "2027": 92}, "on_track"),
        ({"2026": 80, "2027": 92}, "needs_acceleration"),
        ({"2026": 95, "2027": 85}, "off_track"),
        ({"2026": 91, "2027": 92, "2028": 93, "2029": 90, "2030": 99}, "achieved"),
    ],
)
def test_annual_threshold_year_by_year(values: dict[str, float], status: str) -> None:
    assert assess(ANNUAL, values, as_of=date(2031, 1, 1)).status == status


def test_growth_compares_rates() -> None:
    goal = Goal(kind="growth", comparator=">=", value=10)
    # Average of 9 and 10 = 9.5; R = 0.95 -> on track. Average 7 -> R = 0.7 -> accelerate.
    assert assess(goal, {"2025": 9, "2026": 10}).status == "on_track"
    assert assess(goal, {"2025": 7, "2026": 7}).status == "needs_acceleration"
    assert assess(goal, {"2025": 2, "2026": 3}).status == "off_track"
    assert "9,5%/năm" in assess(goal, {"2025": 9, "2026": 10}).explanation


def test_cumulative_pro_rata_to_time() -> None:
    goal = Goal(kind="cumulative", comparator=">=", value=5000, start_year=2026, end_year=2030)
    # 2 of 5 years done: expected 2000. 1000 + 1000 = 2000 -> R 1 -> on track.
    assert (
        assess(goal, {"2026": 1000, "2027": 1000}, unit="m²", as_of=date(2028, 1, 1)).status
        == "on_track"
    )
    # 600 + 600 = 1200, R = 0.6 -> needs acceleration; 500 + 500 -> 0.5 off track.
    assert (
        assess(goal, {"2026": 600, "2027": 600}, unit="m²", as_of=date(2028, 1, 1)).status
        == "needs_acceleration"
    )
    assert (
        assess(goal, {"2026": 500, "2027": 500}, unit="m²", as_of=date(2028, 1, 1)).status
        == "off_track"
    )
    # Running totals are not summed again: 1000 then 2000 means 2000 in all.
    a = assess(
        goal, {"2026": 1000, "2027": 2000}, unit="m²", as_of=date(2028, 1, 1), running_total=True
    )
    assert a.ratio == pytest.approx(1.0)
    assert (
        assess(goal, {"2026": 3000, "2027": 2500}, unit="m²", as_of=date(2028, 1, 1)).status
        == "achieved"
    )


def test_milestone_done_overdue_or_pending() -> None:
    goal = Goal(kind="milestone", year=2028)
    assert assess(goal, {"2027": 1}, unit=None, as_of=date(2028, 3, 1)).status == "achieved"
    assert assess(goal, {"2027": 0}, unit=None, as_of=date(2029, 3, 1)).status == "off_track"
    assert assess(goal, {"2026": 0}, unit=None, as_of=date(2027, 3, 1)).status == "no_data"


@pytest.mark.parametrize("kind", ["assigned", "qualitative"])
def test_manual_only_kinds_are_not_measurable(kind: str) -> None:
    assert assess_target(target(Goal(kind=kind)), [], AS_OF, TERM).status == "not_measurable"


def test_override_wins_and_says_so() -> None:
    override = StatusOverride(
        status="achieved", reason="Được công nhận", source="QĐ 1", date="2026-12-01"
    )
    t = target(Goal(kind="qualitative"), status_override=override)
    a = assess_target(t, [], AS_OF, TERM)
    assert a.status == "achieved" and a.overridden and "01/12/2026" in a.explanation


def test_every_kind_has_a_method() -> None:
    from typing import get_args

    from site_builder.model import TargetKind

    assert set(METHODS) == set(get_args(TargetKind))


def test_parent_takes_the_least_favourable_child() -> None:
    from site_builder.status import Assessment

    children = [
        Assessment("achieved", "x", ""),
        Assessment("needs_acceleration", "x", "", preliminary=True),
        Assessment("no_data", "x", ""),
    ]
    summary = summarise_children(children)
    assert summary.status == "needs_acceleration" and summary.preliminary
    assert summary.explanation.startswith("1/3 chỉ tiêu thành phần đã đạt")


@given(
    base=st.floats(min_value=1, max_value=1000),
    latest=st.floats(min_value=0, max_value=2000),
    better=st.floats(min_value=0, max_value=500),
    aim=st.floats(min_value=1, max_value=3000),
)
def test_a_better_latest_value_never_gives_a_worse_status(base, latest, better, aim) -> None:
    goal = Goal(kind="level", comparator=">=", value=aim, year=2030, direction="higher")
    worse = assess(goal, {"2025": base, "2026": latest}, unit="người")
    improved = assess(goal, {"2025": base, "2026": latest + better}, unit="người")
    rank = {s: i for i, s in enumerate(_ORDER)}
    assert rank[improved.status] >= rank[worse.status]


def project(**extra: object) -> Project:
    row = ProjectRow(table="b", name="P", source=SRC)
    return Project(id="p", name="P", kind="work", rows=[row], **extra)


@pytest.mark.parametrize(
    ("extra", "as_of", "status"),
    [
        ({"timeframe": Timeframe(start=2027, end=2028)}, date(2026, 6, 1), "not_started"),
        ({"timeframe": Timeframe(start=2025, end=2026)}, date(2027, 1, 1), "overdue"),
        (
            {
                "timeframe": Timeframe(start=2025, end=2030),
                "status_history": [
                    StatusChange(date="2025-03-01", status="in_progress", source="BC")
                ],
            },
            date(2026, 1, 1),
            "in_progress",
        ),
        (
            {
                "timeframe": Timeframe(start=2025, end=2026),
                "status_history": [
                    StatusChange(date="2026-10-01", status="completed", source="BC")
                ],
            },
            date(2027, 1, 1),
            "completed",
        ),
        (
            {"status_history": [StatusChange(date="2026-01-01", status="paused", source="QĐ")]},
            date(2026, 6, 1),
            "paused",
        ),
        (
            {"status_history": [StatusChange(date="2026-01-01", status="cancelled", source="QĐ")]},
            date(2026, 6, 1),
            "cancelled",
        ),
        ({"timeframe": Timeframe(start=2025, end=2030)}, date(2026, 1, 1), "unknown"),
        # A status dated after as_of is not known yet.
        (
            {
                "timeframe": Timeframe(start=2025, end=2030),
                "status_history": [
                    StatusChange(date="2027-01-01", status="completed", source="BC")
                ],
            },
            date(2026, 1, 1),
            "unknown",
        ),
    ],
)
def test_project_schedule_status(extra: dict, as_of: date, status: str) -> None:
    assert assess_project(project(**extra), as_of)[0] == status


@pytest.mark.parametrize(
    ("period", "end"),
    [
        ("2026", date(2026, 12, 31)),
        ("2026-Q1", date(2026, 3, 31)),
        ("2026-Q2", date(2026, 6, 30)),
        ("2026-05-04", date(2026, 5, 4)),
    ],
)
def test_period_end(period: str, end: date) -> None:
    assert period_end(period) == end


def test_term_elapsed_share() -> None:
    assert term_elapsed_share(date(2025, 1, 1), TERM) == 0
    assert term_elapsed_share(date(2028, 1, 1), TERM) == pytest.approx(0.5, abs=0.001)
    assert term_elapsed_share(date(2035, 1, 1), TERM) == 1


# A monthly commitment (Kiến An B.I.7.1: "Hằng tháng ... ít nhất 01 lần") is judged month
# by month; a yearly figure says nothing about each month and is left out, saying so.
MONTHLY = Goal(
    kind="annual", comparator=">=", value=1, start_year=2026, end_year=2030, frequency="monthly"
)


def test_monthly_commitment_is_judged_per_month() -> None:
    a = assess(MONTHLY, {"2026-01": 1, "2026-02": 2, "2026-03": 0}, unit="lần")
    assert a.status == "off_track"
    assert a.explanation.startswith("Đạt ngưỡng 2/3 tháng có số liệu")
    assert "Tháng 3/2026 chưa đạt" in a.explanation


def test_monthly_commitment_ignores_a_yearly_figure() -> None:
    a = assess(MONTHLY, {"2026": 12}, unit="lần")
    assert a.status == "no_data"
    assert "theo từng tháng" in a.explanation
    mixed = assess(MONTHLY, {"2026": 0, "2026-01": 1, "2026-02": 1}, unit="lần")
    assert mixed.status == "on_track"
    assert "1 số liệu theo kỳ khác không dùng để đánh giá" in mixed.explanation


def test_quarterly_commitment_is_not_complete_after_its_first_quarter_of_the_last_year() -> None:
    goal = Goal(kind="annual", comparator=">=", value=1, end_year=2026, frequency="quarterly")
    a = assess(goal, {"2026-Q1": 1}, as_of=date(2026, 6, 30))
    assert a.status == "on_track"  # not "achieved": three quarters of 2026 are still to come


# A rank goal ("nhóm 20 dẫn đầu trên 114") is better when smaller and is never given a
# growth rate: ranks 60 (2025) -> 40 (2026), aim 20 by the term's end (no printed year).
RANK = Goal(kind="level", comparator="<=", value=20, rank_of=114, direction="lower")


def test_rank_goal_is_judged_by_distance_not_growth() -> None:
    a = assess(RANK, {"2025": 60, "2026": 40}, unit=None)
    assert a.method == "level-distance-share"
    assert "hạng 60/114" in a.explanation and "hạng 20/114" in a.explanation
    assert a.status == "on_track"
    assert assess(RANK, {"2025": 60, "2026": 18}, unit=None).status == "achieved"


def test_no_printed_deadline_is_stated_when_judged_at_the_term_end() -> None:
    goal = Goal(kind="level", comparator=">=", value=100, direction="higher")
    a = assess(goal, {"2025": 50, "2026": 60})
    assert "cuối nhiệm kỳ (năm 2030; văn bản không nêu thời hạn)" in a.explanation
    late = assess(goal, {"2025": 50, "2026": 60}, as_of=date(2031, 3, 1))
    assert late.explanation.startswith(
        "Đã qua cuối nhiệm kỳ (năm 2030; văn bản không nêu thời hạn)"
    )
