import pytest
from pydantic import ValidationError

from site_builder.model import Document, Goal, Observation, Source, Target


def test_text_is_nfc_and_stripped() -> None:
    source = Source(document="d", quote="  Kie\u0302\u0301n An ")
    assert source.quote == "Kiến An"


@pytest.mark.parametrize("day", ["2025-12-12", "12/12/2025"])
def test_dates_accept_iso_and_vietnamese(day: str) -> None:
    doc = Document(id="d", kind="other", title="T", issuer="I", status="issued", date=day)
    assert doc.date is not None and doc.date.isoformat() == "2025-12-12"


@pytest.mark.parametrize(
    "goal",
    [
        {"kind": "level", "comparator": "range", "low": 3},
        {"kind": "level", "comparator": "range", "low": 3, "high": 2},
        {"kind": "level", "comparator": ">="},
        {"kind": "annual", "start_year": 2030, "end_year": 2026},
    ],
)
def test_goal_shape_is_checked(goal: dict) -> None:
    with pytest.raises(ValidationError):
        Goal(**goal)


def test_models_are_strict() -> None:
    with pytest.raises(ValidationError):
        Goal(kind="level", year="2030")  # a year is a number, not text
    with pytest.raises(ValidationError):
        Source(document="d", quote="q", row=5)  # printed text must be quoted


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        Source(document="d", quote="q", colour="red")


def test_a_target_needs_a_goal_unless_its_children_carry_values() -> None:
    source = Source(document="d", quote="q")
    with pytest.raises(ValidationError):
        Target(id="t", name="T", sources=[source])
    child = Target(id="c", name="C", sources=[source], goal=Goal(kind="qualitative"))
    assert Target(id="t", name="T", sources=[source], children=[child]).goal is None


@pytest.mark.parametrize("period", ["2026", "2026-Q3", "2026-06", "2026-06-30", "2024-02-29"])
def test_periods(period: str) -> None:
    assert Observation(period=period, source=Source(document="d", quote="q")).period == period


@pytest.mark.parametrize(
    "period",
    [
        "26",
        "2026-Q5",
        "2026/06",
        "Q1-2026",
        "2025-13-45",
        "2026-02-29",
        "2026-13",
        "2026-00",
        "1900",
    ],
)
def test_bad_periods(period: str) -> None:
    with pytest.raises(ValidationError):
        Observation(period=period, source=Source(document="d", quote="q"))


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        ("2026", "2026-01-01", "2026-12-31"),
        ("2026-Q1", "2026-01-01", "2026-03-31"),
        ("2026-Q4", "2026-10-01", "2026-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2026-06-30", "2026-06-30", "2026-06-30"),
    ],
)
def test_period_bounds(period: str, first: str, last: str) -> None:
    from site_builder.model import period_bounds

    assert [d.isoformat() for d in period_bounds(period)] == [first, last]
