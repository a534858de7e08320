"""A target's parsed goal said in plain words ("Đạt từ 90% trở lên vào năm 2030").

The page shows the printed value first; this sentence tells the reader how the site
understood it, so a misreading is visible and can be reported. The words are labels
(labels.py), in the language being rendered.
"""

from __future__ import annotations

from .fmt import number_with_unit
from .labels import t
from .model import Comparator, Goal

_COMPARATOR_KEYS: dict[Comparator, str] = {
    ">=": "goal.at_least",
    ">": "goal.above",
    "<=": "goal.at_most",
    "<": "goal.below",
    "=": "goal.exactly",
    "about": "goal.about",
    "range": "goal.range",
}


def amount(
    comparator: Comparator | None,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str | None,
) -> str | None:
    """`">=", 90, "%"` -> `từ 90% trở lên`; None when there is no number to say."""
    if comparator is None:
        return number_with_unit(value, unit) if value is not None else None
    if comparator == "range":
        if low is None or high is None:
            return None
        return t("goal.range").format(
            low=number_with_unit(low, unit), high=number_with_unit(high, unit)
        )
    if value is None:
        return None
    return t(_COMPARATOR_KEYS[comparator]).format(v=number_with_unit(value, unit))


def _period(goal: Goal, term: tuple[int, int]) -> str:
    start = goal.start_year or term[0]
    end = goal.end_year or goal.year or term[1]
    return t("goal.period").format(start=start, end=end)


def rank_words(goal: Goal) -> str | None:
    """A rank goal in words: "xếp hạng từ 1 đến 20 trên 114 đơn vị"."""
    if goal.rank_of is None or goal.value is None:
        return None
    best = number_with_unit(1, None)
    worst = goal.value - 1 if goal.comparator == "<" else goal.value
    if goal.comparator == "=":
        return t("goal.rank_exactly").format(
            rank=number_with_unit(goal.value, None), of=goal.rank_of
        )
    return t("goal.rank_between").format(
        best=best, worst=number_with_unit(worst, None), of=goal.rank_of
    )


def describe_goal(goal: Goal, unit: str | None, term: tuple[int, int]) -> str:
    """One sentence saying what must be reached, by when, and which way is better."""
    rank = rank_words(goal)
    said = rank or amount(goal.comparator, goal.value, goal.low, goal.high, unit)
    no_deadline = t("goal.no_deadline").format(end=term[1])
    if goal.kind == "assigned":
        sentence = t("goal.assigned")
    elif goal.kind == "qualitative":
        sentence = t("goal.qualitative")
    elif goal.kind == "milestone":
        sentence = (
            t("goal.milestone_by").format(year=goal.year)
            if goal.year
            else t("goal.milestone") + " " + no_deadline
        )
    elif said is None:
        sentence = t("goal.no_number")
    elif goal.kind == "level":
        sentence = (
            t("goal.level_by").format(said=said, year=goal.year)
            if goal.year
            else t("goal.level").format(said=said) + " " + no_deadline
        )
    elif goal.kind == "annual":
        every = t(f"goal.every.{goal.cadence or 'yearly'}")
        sentence = t("goal.annual").format(every=every, said=said, period=_period(goal, term))
    elif goal.kind == "growth":
        sentence = t("goal.growth").format(said=said, period=_period(goal, term))
    else:  # cumulative
        sentence = t("goal.cumulative").format(said=said, period=_period(goal, term))
    if rank is not None:
        sentence += " " + t("goal.rank_better")
    elif goal.direction == "lower":
        sentence += " " + t("goal.lower_better")
    elif goal.direction == "higher" and goal.kind in ("level", "annual", "growth"):
        sentence += " " + t("goal.higher_better")
    return sentence


def deadline_year(goal: Goal) -> int | None:
    """The year the printed value is due: the goal's year, or its period's end."""
    if goal.kind in ("level", "milestone"):
        return goal.year
    return goal.end_year or goal.year
