"""Progress status of targets and projects, computed as of a date and explained in words.

One method per target kind, chosen through `METHODS` (kind -> function); the table of
methods, thresholds and labels is in `content/phuong-phap.md` and
`docs/maintainers/status.md`. The methods follow established practice (FACTS.md):

- level: Statistics Canada / Open SDG ratio R of observed to required compound annual
  growth (R >= 0.95 on track, 0.60 <= R < 0.95 needs acceleration, below off track);
  where growth rates cannot be taken (a base or target at or below zero) the ratio is
  the share of the distance covered over the share of time elapsed (UN ESCAP).
- annual: each measured year judged against the threshold.
- growth: the series is itself a rate, so rates are compared (no growth of a growth).
- cumulative: the running sum against the target pro rata to time.
- milestone: done or not; overdue after the deadline.
- assigned, qualitative: not measurable; only a manual override gives a status.

A manual override always wins and is reported as such. Only observations whose period
has ended by `as_of`, of the series that measures the whole ward, are used: a former
ward's series is context, never a measure of the new ward.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .charts import period_x
from .fmt import day, number, number_with_unit, period
from .labels import t
from .model import (
    Frequency,
    Goal,
    Observation,
    Project,
    Series,
    Target,
    TargetKind,
    TargetStatus,
    period_bounds,
)

ON_TRACK_RATIO = 0.95
ACCELERATE_RATIO = 0.60
# A level within one point of a 0% or 100% target counts as achieved (UNSD, EUSTAT).
PERCENT_TOLERANCE = 1.0
# Open SDG replaces a zero base or target by this to take growth rates.
ZERO_SUBSTITUTE = 0.001

# Least to most favourable: a parent takes the least favourable of its children.
_ORDER: list[TargetStatus] = ["off_track", "needs_acceleration", "on_track", "achieved"]

ProjectScheduleStatus = str  # one of PROJECT_STATUSES
PROJECT_STATUSES = (
    "not_started",
    "in_progress",
    "completed",
    "overdue",
    "paused",
    "cancelled",
    "unknown",
)


@dataclass(frozen=True)
class Point:
    """An observation reduced to what the methods need.

    `year` is the position on the chart's year axis (`charts.period_x`), so an expected
    path drawn from these points lines up with the measured values; `end` orders points
    of mixed periods (a full year ends after its second quarter).
    """

    year: float
    value: float
    label: str  # the period as a reader says it: "2026", "Quý II/2026"
    end: date
    length: Frequency | None = None  # the period's own length: a year, quarter or month


@dataclass(frozen=True)
class Assessment:
    """A status with the reasoning a reader needs to check it."""

    status: TargetStatus
    method: str  # key of the method, e.g. "level-growth-ratio"
    explanation: str  # plain Vietnamese: inputs and result
    preliminary: bool = False
    overridden: bool = False
    ratio: float | None = None
    expected_path: list[tuple[float, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """Inputs shared by every method."""

    as_of: date
    term: tuple[int, int]
    unit: str | None
    rank_of: int | None = None  # the goal is a rank among this many units


# ---------------------------------------------------------------- inputs


def period_end(period: str) -> date:
    """The last day of a period: `2026` -> 31/12/2026, `2026-Q1` -> 31/03/2026."""
    return period_bounds(period)[1]


def _period_words(text: str) -> str:
    """`2026` -> "năm 2026"; other periods as `fmt.period` says them."""
    return t("st.year").format(year=text) if len(text) == 4 else period(text)


def period_length(text: str) -> Frequency | None:
    """`2026` -> yearly, `2026-Q2` -> quarterly, `2026-06` -> monthly, a day -> None."""
    if len(text) == 4:
        return "yearly"
    if "-Q" in text:
        return "quarterly"
    return "monthly" if len(text) == 7 else None


def period_noun(frequency: Frequency) -> str:
    """A commitment's period in words: "Đạt ngưỡng 3/4 tháng có số liệu"."""
    return t(f"st.noun.{frequency}")


def deadline_words(goal: Goal, term: tuple[int, int]) -> str:
    """The year a target is judged at, saying when the document gives none."""
    if goal.has_deadline:
        return t("st.year").format(year=goal.year or goal.end_year or term[1])
    return t("st.term_end").format(end=term[1])


def usable_points(
    observations: list[Observation] | tuple[Observation, ...], ctx: Context, start: int
) -> list[Point]:
    """Observations with a value, ended by `as_of` and inside the document's period."""
    points = [
        Point(
            period_x(o.period),
            o.value,
            _period_words(o.period),
            period_end(o.period),
            period_length(o.period),
        )
        for o in observations
        if o.value is not None and period_end(o.period) <= ctx.as_of and int(o.period[:4]) >= start
    ]
    return sorted(points, key=lambda p: p.end)


def _said(value: float, ctx: Context) -> str:
    if ctx.rank_of is not None:
        return t("st.rank").format(rank=number(value), of=ctx.rank_of)
    return number_with_unit(value, ctx.unit)


def _rate(rate: float) -> str:
    """A growth rate in words' numbers: -0.1109 -> "11,1%"."""
    return f"{number(round(abs(rate) * 100, 1))}%"


def _is_percent(ctx: Context) -> bool:
    return (ctx.unit or "").strip() == "%"


def _status_for_ratio(ratio: float) -> TargetStatus:
    if ratio >= ON_TRACK_RATIO:
        return "on_track"
    if ratio >= ACCELERATE_RATIO:
        return "needs_acceleration"
    return "off_track"


def _meets(value: float, goal: Goal, ctx: Context) -> bool:
    """Whether a value satisfies the goal's comparator."""
    c, v = goal.comparator, goal.value
    if c == "range":
        assert goal.low is not None and goal.high is not None
        return goal.low <= value <= goal.high
    if v is None:
        return False
    if _is_percent(ctx) and v in (0.0, 100.0) and abs(value - v) <= PERCENT_TOLERANCE:
        return True
    checks: dict[str | None, Callable[[], bool]] = {
        ">=": lambda: value >= v,
        ">": lambda: value > v,
        "<=": lambda: value <= v,
        "<": lambda: value < v,
        "=": lambda: value == v,
        "about": lambda: abs(value - v) <= 0.05 * abs(v),
        None: lambda: value >= v if goal.direction != "lower" else value <= v,
    }
    return checks[c]()


def _direction(goal: Goal) -> str:
    if goal.direction:
        return goal.direction
    return "lower" if goal.comparator in ("<", "<=") else "higher"


def _preliminary(points: list[Point]) -> bool:
    return len(points) <= 2


# ---------------------------------------------------------------- methods


def _level(goal: Goal, points: list[Point], ctx: Context) -> Assessment:
    deadline = goal.year or goal.end_year or ctx.term[1]
    if not points:
        return Assessment("no_data", "no-data", t("st.no_data_term"))
    latest = points[-1]
    if _meets(latest.value, goal, ctx):
        return Assessment(
            "achieved",
            "level-met",
            t("st.level_met").format(when=latest.label, value=_said(latest.value, ctx)),
            preliminary=len(points) == 1,
        )
    if len(points) < 2:
        return Assessment(
            "no_data",
            "level-one-point",
            t("st.one_point").format(when=latest.label, value=_said(latest.value, ctx)),
            preliminary=True,
        )
    if ctx.as_of.year > deadline:
        return Assessment(
            "off_track",
            "level-overdue",
            t("st.level_overdue").format(
                deadline=deadline_words(goal, ctx.term), value=_said(latest.value, ctx)
            ),
        )
    base = points[0]
    if goal.comparator == "range":
        assert goal.low is not None and goal.high is not None
        aim = goal.low if latest.value < goal.low else goal.high
    else:
        assert goal.value is not None
        aim = goal.value
    elapsed = latest.year - base.year
    remaining_total = deadline - base.year
    if elapsed <= 0 or remaining_total <= 0:
        return Assessment("no_data", "level-one-point", t("st.same_year"), preliminary=True)
    # A rank does not grow by a rate: it is judged by the distance covered.
    if base.value >= 0 and aim >= 0 and ctx.rank_of is None:
        v0 = base.value or ZERO_SUBSTITUTE
        target = aim or ZERO_SUBSTITUTE
        v1 = latest.value or ZERO_SUBSTITUTE
        observed = (v1 / v0) ** (1 / elapsed) - 1
        required = (target / v0) ** (1 / remaining_total) - 1
        ratio = observed / required if required != 0 else 0.0
        path = [(base.year + k, v0 * (1 + required) ** k) for k in range(int(remaining_total) + 1)]
        words = t("st.level_rate").format(
            need=t("st.rise" if required > 0 else "st.fall"),
            required=_rate(required),
            base=_said(base.value, ctx),
            base_when=base.label,
            aim=_said(aim, ctx),
            deadline=deadline_words(goal, ctx.term),
            moved=t("st.rose" if observed >= 0 else "st.fell"),
            observed=_rate(observed),
            when=latest.label,
            value=_said(latest.value, ctx),
        )
        method = "level-growth-ratio"
    else:
        covered = (latest.value - base.value) / (aim - base.value)
        time_share = elapsed / remaining_total
        ratio = covered / time_share
        path = [(base.year, base.value), (float(deadline), aim)]
        words = t("st.level_distance").format(
            covered=number(covered * 100),
            base=_said(base.value, ctx),
            aim=_said(aim, ctx),
            time=number(time_share * 100),
        )
        method = "level-distance-share"
    if _is_percent(ctx):
        path = [(x, min(100.0, max(0.0, y))) for x, y in path]
    status = _status_for_ratio(ratio)
    if ratio < 0:
        words += " " + t("st.wrong_way")
    return Assessment(status, method, words, _preliminary(points), ratio=ratio, expected_path=path)


def _annual(goal: Goal, points: list[Point], ctx: Context) -> Assessment:
    """Each period of the commitment's own length (year, quarter, month) judged on its own.

    A monthly commitment is not judged from a yearly figure (nor the other way round):
    such points are left out and the explanation says so.
    """
    end = goal.end_year or goal.year or ctx.term[1]
    cadence = goal.cadence or "yearly"
    noun = period_noun(cadence)
    if not points:
        return Assessment("no_data", "no-data", t("st.no_data_term"))
    other = [p for p in points if p.length != cadence]
    points = [p for p in points if p.length == cadence]
    if not points:
        return Assessment(
            "no_data",
            "annual-threshold",
            t("st.annual_none").format(noun=noun, other=len(other)),
        )
    met = [p for p in points if _meets(p.value, goal, ctx)]
    words = t("st.annual_met").format(met=len(met), of=len(points), noun=noun)
    if other:
        words += " " + t("st.annual_other").format(other=len(other))
    latest = points[-1]
    if len(met) == len(points):
        complete = latest.end >= date(end, 12, 31)
        status: TargetStatus = "achieved" if complete else "on_track"
        return Assessment(
            status,
            "annual-threshold",
            words + t("st.annual_latest").format(when=latest.label, value=_said(latest.value, ctx)),
            preliminary=len(points) == 1,
        )
    if _meets(latest.value, goal, ctx):
        return Assessment(
            "needs_acceleration",
            "annual-threshold",
            words + t("st.annual_latest_met").format(noun=noun),
            preliminary=len(points) == 1,
        )
    return Assessment(
        "off_track",
        "annual-threshold",
        words
        + t("st.annual_latest_missed").format(when=latest.label, value=_said(latest.value, ctx)),
        preliminary=len(points) == 1,
    )


def _growth(goal: Goal, points: list[Point], ctx: Context) -> Assessment:
    end = goal.end_year or goal.year or ctx.term[1]
    if not points or goal.value is None:
        return Assessment("no_data", "no-data", t("st.no_growth_data"))
    average = sum(p.value for p in points) / len(points)
    words = t("st.growth").format(average=_said(average, ctx), aim=_said(goal.value, ctx))
    if goal.value <= 0:
        met = average >= goal.value
        return Assessment(
            "on_track" if met else "off_track", "growth-rate", words, _preliminary(points)
        )
    ratio = average / goal.value
    status = _status_for_ratio(ratio)
    if status == "on_track" and points[-1].year >= end:
        status = "achieved"
    return Assessment(status, "growth-rate", words, _preliminary(points), ratio=ratio)


def _cumulative(goal: Goal, points: list[Point], ctx: Context, running_total: bool) -> Assessment:
    start = goal.start_year or ctx.term[0]
    end = goal.end_year or goal.year or ctx.term[1]
    if not points or goal.value is None:
        return Assessment("no_data", "no-data", t("st.no_cumulative_data"))
    total = points[-1].value if running_total else sum(p.value for p in points)
    years_done = points[-1].year - start + 1
    expected = goal.value * min(1.0, years_done / (end - start + 1))
    words = t("st.cumulative").format(
        when=points[-1].label,
        total=_said(total, ctx),
        expected=_said(expected, ctx),
        done=number(years_done),
        years=end - start + 1,
        aim=_said(goal.value, ctx),
    )
    if total >= goal.value:
        return Assessment("achieved", "cumulative-pro-rata", words, _preliminary(points))
    ratio = total / expected if expected else 0.0
    path = [(float(start - 1), 0.0), (float(end), goal.value)]
    return Assessment(
        _status_for_ratio(ratio),
        "cumulative-pro-rata",
        words,
        _preliminary(points),
        ratio=ratio,
        expected_path=path,
    )


def _milestone(goal: Goal, points: list[Point], ctx: Context) -> Assessment:
    deadline = goal.year or goal.end_year or ctx.term[1]
    if any(p.value >= 1 for p in points):
        done = next(p for p in points if p.value >= 1)
        return Assessment("achieved", "milestone", t("st.milestone_done").format(when=done.label))
    when = deadline_words(goal, ctx.term)
    if ctx.as_of.year > deadline:
        return Assessment(
            "off_track",
            "milestone",
            t("st.milestone_overdue").format(deadline=when),
        )
    return Assessment("no_data", "milestone", t("st.milestone_waiting").format(deadline=when))


def _not_measurable(goal: Goal, points: list[Point], ctx: Context) -> Assessment:
    return Assessment(
        "not_measurable",
        "manual-only",
        t("st.manual_only"),
    )


Method = Callable[[Goal, list[Point], Context], Assessment]

METHODS: dict[TargetKind, Method] = {
    "level": _level,
    "annual": _annual,
    "growth": _growth,
    "cumulative": lambda goal, points, ctx: _cumulative(goal, points, ctx, running_total=False),
    "milestone": _milestone,
    "assigned": _not_measurable,
    "qualitative": _not_measurable,
}


def measuring_series(target: Target, series: list[Series]) -> Series | None:
    """The series that measures the target for the whole ward, if any."""
    return next(
        (s for s in series if s.target == target.id and s.area is None and s.area_text is None),
        None,
    )


def assess_target(
    target: Target, series: list[Series], as_of: date, term: tuple[int, int]
) -> Assessment:
    """Status of one target (children are assessed on their own)."""
    if target.status_override is not None:
        o = target.status_override
        return Assessment(
            o.status,
            "manual-override",
            t("st.override").format(day=day(o.date), reason=o.reason, source=o.source),
            overridden=True,
        )
    if target.goal is None:
        return Assessment("no_data", "children", t("st.see_children"))
    ctx = Context(as_of, term, target.unit, target.goal.rank_of)
    measured = measuring_series(target, series)
    if measured is None:
        if target.goal.kind in ("assigned", "qualitative"):
            return _not_measurable(target.goal, [], ctx)
        others = [s for s in series if s.target == target.id]
        extra = " " + t("st.former_wards_only") if others else ""
        if target.goal.kind == "milestone":
            return _milestone(target.goal, [], ctx)
        return Assessment("no_data", "no-data", t("st.no_data") + extra)
    start = target.goal.start_year or term[0]
    points = usable_points(measured.observations, ctx, start)
    if target.goal.kind == "cumulative":
        return _cumulative(target.goal, points, ctx, running_total=measured.running_total)
    return METHODS[target.goal.kind](target.goal, points, ctx)


def summarise_children(children: list[Assessment]) -> Assessment:
    """A parent without its own value: the least favourable measured child, explained."""
    measured = [a for a in children if a.status in _ORDER]
    achieved = sum(a.status == "achieved" for a in children)
    counts = t("st.children_achieved").format(achieved=achieved, of=len(children))
    if not measured:
        if children and all(a.status == "not_measurable" for a in children):
            return Assessment("not_measurable", "children", counts + ".")
        return Assessment("no_data", "children", counts + t("st.children_no_data"))
    worst = min(measured, key=lambda a: _ORDER.index(a.status))
    return Assessment(
        worst.status, "children", counts + ".", preliminary=any(a.preliminary for a in measured)
    )


def assess_project(project: Project, as_of: date) -> tuple[str, str]:
    """Schedule status of a project and its explanation."""
    history = sorted((c for c in project.status_history if c.date <= as_of), key=lambda c: c.date)
    last = history[-1] if history else None
    if last and last.status in ("completed", "paused", "cancelled"):
        return last.status, t("pst.according").format(source=last.source, day=day(last.date))
    end = None
    if project.timeframe:
        end = project.timeframe.end_date or (
            date(project.timeframe.end, 12, 31) if project.timeframe.end else None
        )
    if end is not None and as_of > end:
        return "overdue", t("pst.overdue").format(day=day(end))
    started = last is not None and last.status == "in_progress"
    if started or any(p.value > 0 and period_end(p.period) <= as_of for p in project.progress):
        return "in_progress", t("pst.in_progress")
    start = project.timeframe.start if project.timeframe else None
    if start is not None and as_of.year < start:
        return "not_started", t("pst.not_started").format(year=start)
    return "unknown", t("pst.unknown")


def term_elapsed_share(as_of: date, term: tuple[int, int]) -> float:
    """Share of the term elapsed at `as_of` (0 to 1), counting from 1 January of its first year."""
    start, end = date(term[0], 1, 1), date(term[1], 12, 31)
    share = (as_of - start).days / (end - start).days
    return min(1.0, max(0.0, share))
