"""A target's parsed goal said in plain Vietnamese ("Đạt từ 90% trở lên vào năm 2030").

The page shows the printed value first; this sentence tells the reader how the site
understood it, so a misreading is visible and can be reported.
"""

from __future__ import annotations

from .fmt import number_with_unit
from .model import Comparator, Frequency, Goal

_COMPARATOR_WORDS: dict[Comparator, str] = {
    ">=": "từ {v} trở lên",
    ">": "trên {v}",
    "<=": "không quá {v}",
    "<": "dưới {v}",
    "=": "đúng {v}",
    "about": "khoảng {v}",
    "range": "từ {low} đến {high}",
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
        return _COMPARATOR_WORDS["range"].format(
            low=number_with_unit(low, unit), high=number_with_unit(high, unit)
        )
    if value is None:
        return None
    return _COMPARATOR_WORDS[comparator].format(v=number_with_unit(value, unit))


def _period(goal: Goal, term: tuple[int, int]) -> str:
    start = goal.start_year or term[0]
    end = goal.end_year or goal.year or term[1]
    return f"giai đoạn {start}-{end}"


# "Hằng tháng đạt ...": the commitment's own period, never "yearly" for a monthly one.
EVERY: dict[Frequency, str] = {
    "monthly": "Hằng tháng",
    "quarterly": "Hằng quý",
    "yearly": "Hằng năm",
    "term": "Cả nhiệm kỳ",
}


def rank_words(goal: Goal) -> str | None:
    """A rank goal in words: "xếp hạng từ 1 đến 20 trên 114 đơn vị"."""
    if goal.rank_of is None or goal.value is None:
        return None
    best = number_with_unit(1, None)
    worst = goal.value - 1 if goal.comparator == "<" else goal.value
    if goal.comparator == "=":
        return f"xếp hạng {number_with_unit(goal.value, None)} trên {goal.rank_of} đơn vị"
    return (
        f"xếp hạng từ {best} đến {number_with_unit(worst, None)} trên {goal.rank_of} đơn vị "
        "(hạng 1 là cao nhất)"
    )


def describe_goal(goal: Goal, unit: str | None, term: tuple[int, int]) -> str:
    """One sentence saying what must be reached, by when, and which way is better."""
    rank = rank_words(goal)
    said = rank or amount(goal.comparator, goal.value, goal.low, goal.high, unit)
    no_deadline = f"Văn bản không nêu thời hạn; trang đánh giá theo cuối nhiệm kỳ (năm {term[1]})."
    if goal.kind == "assigned":
        sentence = "Theo chỉ tiêu cấp trên giao; không có con số trong văn bản."
    elif goal.kind == "qualitative":
        sentence = "Chỉ tiêu định tính: cần đánh giá thủ công, có nêu căn cứ."
    elif goal.kind == "milestone":
        sentence = (
            f"Hoàn thành chậm nhất năm {goal.year}."
            if goal.year
            else ("Hoàn thành. " + no_deadline)
        )
    elif said is None:
        sentence = "Văn bản không nêu con số cụ thể."
    elif goal.kind == "level":
        sentence = f"Đạt {said} vào năm {goal.year}." if goal.year else f"Đạt {said}. {no_deadline}"
    elif goal.kind == "annual":
        every = EVERY[goal.cadence or "yearly"]
        sentence = f"{every} đạt {said} ({_period(goal, term)})."
    elif goal.kind == "growth":
        sentence = f"Tăng bình quân {said} mỗi năm ({_period(goal, term)})."
    else:  # cumulative
        sentence = f"Cộng dồn {_period(goal, term)} đạt {said}."
    if rank is not None:
        sentence += " Thứ hạng càng nhỏ càng tốt."
    elif goal.direction == "lower":
        sentence += " Càng thấp càng tốt."
    elif goal.direction == "higher" and goal.kind in ("level", "annual", "growth"):
        sentence += " Càng cao càng tốt."
    return sentence


def deadline_year(goal: Goal) -> int | None:
    """The year the printed value is due: the goal's year, or its period's end."""
    if goal.kind in ("level", "milestone"):
        return goal.year
    return goal.end_year or goal.year
