import pytest

from site_builder.describe import amount, deadline_year, describe_goal
from site_builder.model import Goal

TERM = (2025, 2030)


@pytest.mark.parametrize(
    ("goal", "unit", "sentence"),
    [
        (
            Goal(kind="level", comparator=">=", value=90, year=2030, direction="higher"),
            "%",
            "Đạt từ 90% trở lên vào năm 2030. Càng cao càng tốt.",
        ),
        (
            Goal(kind="level", comparator="<", value=1, year=2030, direction="lower"),
            "%",
            "Đạt dưới 1% vào năm 2030. Càng thấp càng tốt.",
        ),
        (
            Goal(kind="level", comparator="range", low=12.5, high=13.5, year=2030),
            "%",
            "Đạt từ 12,5% đến 13,5% vào năm 2030.",
        ),
        (
            Goal(kind="annual", comparator=">=", value=90, start_year=2026, end_year=2030),
            "%",
            "Hằng năm đạt từ 90% trở lên (giai đoạn 2026-2030).",
        ),
        (
            Goal(kind="growth", comparator=">=", value=10),
            "%",
            "Tăng bình quân từ 10% trở lên mỗi năm (giai đoạn 2025-2030).",
        ),
        (
            Goal(kind="cumulative", comparator=">=", value=5000),
            "m²",
            "Cộng dồn giai đoạn 2025-2030 đạt từ 5.000 m² trở lên.",
        ),
        (Goal(kind="milestone", year=2028), None, "Hoàn thành chậm nhất năm 2028."),
        (
            Goal(kind="assigned"),
            None,
            "Theo chỉ tiêu cấp trên giao; không có con số trong văn bản.",
        ),
        (
            Goal(kind="qualitative"),
            None,
            "Chỉ tiêu định tính: cần đánh giá thủ công, có nêu căn cứ.",
        ),
        (Goal(kind="level", year=2030), "%", "Văn bản không nêu con số cụ thể."),
        # The goal's own year, never the term's end, when the document prints an earlier one.
        (
            Goal(kind="level", comparator=">", value=90, year=2026),
            "%",
            "Đạt trên 90% vào năm 2026.",
        ),
        # A monthly commitment is said to be monthly (Kiến An B.I.7.1).
        (
            Goal(
                kind="annual",
                comparator=">=",
                value=1,
                start_year=2026,
                end_year=2030,
                frequency="monthly",
            ),
            "lần",
            "Hằng tháng đạt từ 1 lần trở lên (giai đoạn 2026-2030).",
        ),
        (
            Goal(kind="annual", comparator=">=", value=4, frequency="quarterly"),
            None,
            "Hằng quý đạt từ 4 trở lên (giai đoạn 2025-2030).",
        ),
        # No printed deadline: said so; 2030 only as the term's end, stated as such.
        (
            Goal(kind="level", comparator="=", value=100),
            "%",
            "Đạt đúng 100%. Văn bản không nêu thời hạn; trang đánh giá theo cuối nhiệm kỳ "
            "(năm 2030).",
        ),
        (
            Goal(kind="milestone"),
            None,
            "Hoàn thành. Văn bản không nêu thời hạn; trang đánh giá theo cuối nhiệm kỳ (năm 2030).",
        ),
        # A rank is described as a rank, not a score "không quá 20".
        (
            Goal(kind="level", comparator="<=", value=20, rank_of=114, direction="lower"),
            None,
            "Đạt xếp hạng từ 1 đến 20 trên 114 đơn vị (hạng 1 là cao nhất). Văn bản không nêu "
            "thời hạn; trang đánh giá theo cuối nhiệm kỳ (năm 2030). Thứ hạng càng nhỏ càng tốt.",
        ),
    ],
)
def test_goal_in_words(goal: Goal, unit: str | None, sentence: str) -> None:
    assert describe_goal(goal, unit, TERM) == sentence


def test_amount_without_comparator() -> None:
    assert amount(None, 2, None, None, "TCĐ") == "2 TCĐ"
    assert amount(None, None, None, None, "%") is None


@pytest.mark.parametrize(
    ("goal", "year"),
    [
        (Goal(kind="level", comparator=">", value=90, year=2026), 2026),
        (Goal(kind="level", comparator=">", value=90), None),
        (Goal(kind="milestone", year=2027), 2027),
        (Goal(kind="annual", comparator=">=", value=1, end_year=2030), 2030),
        (Goal(kind="cumulative", comparator=">=", value=5, year=2030, end_year=2030), 2030),
        (Goal(kind="assigned"), None),
    ],
)
def test_deadline_year_is_the_goals_own(goal: Goal, year: int | None) -> None:
    assert deadline_year(goal) == year
