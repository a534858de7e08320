import json
from datetime import date

import plotly.graph_objects as go
import pytest

from site_builder.charts import ChartSeries, period_x, target_chart
from site_builder.computed import compute_ward
from site_builder.load import Dataset
from site_builder.model import Goal, Observation, Source
from site_builder.pages import build_target

SOURCE = Source(document="d", quote="q")


def obs(period: str, value: float | None) -> Observation:
    return Observation(period=period, value=value, source=SOURCE)


@pytest.mark.parametrize(
    ("period", "x"), [("2026", 2026.0), ("2026-Q1", 2026.125), ("2026-Q4", 2026.875)]
)
def test_period_positions(period: str, x: float) -> None:
    assert period_x(period) == x


def test_date_period_falls_inside_its_year() -> None:
    assert 2026 < period_x("2026-06-30") < 2027


def test_no_measurement_means_no_chart() -> None:
    goal = Goal(kind="level", comparator=">=", value=90, year=2030)
    assert target_chart([], goal, "%", (2025, 2030)) is None
    assert target_chart([ChartSeries("x", (obs("2026", None),))], goal, "%", (2025, 2030)) is None


def test_level_goal_is_a_dashed_line_to_its_year() -> None:
    spec = target_chart(
        [ChartSeries("Tỷ lệ", (obs("2025", 80), obs("2026", 84)))],
        Goal(kind="level", comparator=">=", value=90, year=2030),
        "%",
        (2025, 2030),
    )
    assert spec is not None
    measured, goal = spec["data"]
    assert measured["x"] == [2025.0, 2026.0] and measured["y"] == [80, 84]
    assert goal["line"]["dash"] == "dash" and goal["y"] == [90, 90] and goal["x"] == [2025, 2030]
    assert spec["layout"]["separators"] == ",."
    assert spec["config"]["displayModeBar"] is False


def test_range_goal_is_a_band() -> None:
    spec = target_chart(
        [ChartSeries("x", (obs("2026", 12.8),))],
        Goal(kind="level", comparator="range", low=12.5, high=13.5, year=2030),
        "%",
        (2025, 2030),
    )
    assert spec is not None
    low, high = spec["data"][1:]
    assert low["y"] == [12.5, 12.5] and high["y"] == [13.5, 13.5] and high["fill"] == "tonexty"


def test_series_names_reach_plotly_escaped() -> None:
    spec = target_chart([ChartSeries("<b>x</b>", (obs("2026", 1),))], None, None, (2025, 2030))
    assert spec is not None
    assert spec["data"][0]["name"] == "&lt;b&gt;x&lt;/b&gt;"


def test_every_fixture_chart_is_a_valid_plotly_figure(fixture_dataset: Dataset) -> None:
    checked = 0
    for ward in fixture_dataset.wards:
        computed = compute_ward(ward, date(2026, 6, 30))
        for target in ward.targets:
            page = build_target(computed, target)
            for body in (page.body, *page.body.children):
                if body.chart_json:
                    spec = json.loads(body.chart_json)
                    go.Figure(data=spec["data"], layout=spec["layout"])  # raises if invalid
                    checked += 1
    assert checked >= 3


def test_points_are_drawn_in_time_order_not_file_order() -> None:
    """Mixed annual and quarterly periods, listed years first, must not double back."""
    listed = (obs("2025", 10), obs("2027", 30), obs("2026-Q2", 15), obs("2026", 12))
    spec = target_chart([ChartSeries("x", listed)], None, "%", (2025, 2030))
    assert spec is not None
    xs = spec["data"][0]["x"]
    assert xs == sorted(xs) == [2025.0, 2026.0, 2026.375, 2027.0]
    assert spec["data"][0]["y"] == [10, 12, 15, 30]
