import pytest

from site_builder.describe import amount, describe_goal
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
            "Chỉ tiêu định tính: được đánh giá thủ công, có nêu căn cứ.",
        ),
        (Goal(kind="level", year=2030), "%", "Văn bản không nêu con số cụ thể."),
    ],
)
def test_goal_in_words(goal: Goal, unit: str | None, sentence: str) -> None:
    assert describe_goal(goal, unit, TERM) == sentence


def test_amount_without_comparator() -> None:
    assert amount(None, 2, None, None, "TCĐ") == "2 TCĐ"
    assert amount(None, None, None, None, "%") is None
