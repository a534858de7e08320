"""Chart specs as plain dicts, ready for `Plotly.newPlot(el, data, layout, config)`.

Plain dicts, not `plotly.graph_objects`: a Figure costs about 1.9 ms to build and
embeds a 7 KB template, a dict about 0.01 ms and 0.4 KB (FACTS.md). Tests check each
spec against plotly's own Figure. The chart is drawn by plotly.js in the browser; the
same figures are always in an HTML table beside it (charts are not accessible to
screen readers).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from typing import Any

from .labels import t
from .model import Goal, Observation

# Measured values: solid, the goal: dashed and another colour, so colour is not the
# only difference (the legend also names each trace).
_SERIES_COLOURS = ["#1f4e9c", "#b3541e", "#2e7d32", "#6a1b9a", "#00838f"]
_GOAL_COLOUR = "#c62828"
_BASELINE_COLOUR = "#616161"


@dataclass(frozen=True)
class ChartSeries:
    """One measured series as the chart needs it."""

    label: str
    observations: tuple[Observation, ...]


def _chart_text(text: str) -> str:
    """Plotly reads a few HTML tags in trace names: data text reaches it escaped."""
    return html.escape(text, quote=False)


def period_x(period: str) -> float:
    """A period as a position on a year axis: `2026` -> 2026, `2026-Q2` -> 2026.375."""
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return int(year) + (int(quarter) - 0.5) / 4
    if len(period) == 10:
        day = date.fromisoformat(period)
        return day.year + (day.timetuple().tm_yday - 1) / 366
    if len(period) == 7:  # a month, "2026-06"
        return int(period[:4]) + (int(period[5:]) - 0.5) / 12
    return float(period)


def _goal_traces(goal: Goal, term: tuple[int, int], unit: str | None) -> list[dict[str, Any]]:
    """The goal as a dashed line, or a band for a range, over the years it applies to."""
    if goal.kind in ("level", "milestone"):
        start, end = term[0], goal.year or term[1]
    else:
        start, end = goal.start_year or term[0], goal.end_year or goal.year or term[1]
    xs = [start, end]
    name = t("chart.goal") + (f" ({unit})" if unit else "")
    line = {"color": _GOAL_COLOUR, "dash": "dash", "width": 2}
    if goal.comparator == "range" and goal.low is not None and goal.high is not None:
        return [
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": [goal.low, goal.low],
                "name": name + t("chart.low"),
                "line": line,
                "hoverinfo": "y+name",
            },
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": [goal.high, goal.high],
                "name": name + t("chart.high"),
                "line": line,
                "fill": "tonexty",
                "fillcolor": "rgba(198,40,40,0.12)",
                "hoverinfo": "y+name",
            },
        ]
    if goal.value is None or goal.kind in ("assigned", "qualitative", "milestone"):
        return []
    return [
        {
            "type": "scatter",
            "mode": "lines",
            "x": xs,
            "y": [goal.value, goal.value],
            "name": name,
            "line": line,
            "hoverinfo": "y+name",
        }
    ]


def _in_time_order(observations: tuple[Observation, ...]) -> list[Observation]:
    """Measured points in time order.

    By position on the time axis, not file order: a file may list the years and then the
    quarters, and a line drawn in that order would double back.
    """
    return sorted(
        (o for o in observations if o.value is not None),
        key=lambda o: (period_x(o.period), o.period),
    )


def _baseline_trace(s: ChartSeries) -> dict[str, Any]:
    """A baseline from another period's results, drawn apart from the measured values.

    Grey open diamonds, never joined to the measured line, named as a baseline in the legend.
    """
    points = _in_time_order(s.observations)
    name = _chart_text(s.label)
    return {
        "type": "scatter",
        "mode": "lines+markers" if len(points) > 1 else "markers",
        "name": name,
        "x": [period_x(o.period) for o in points],
        "y": [o.value for o in points],
        "line": {"color": _BASELINE_COLOUR, "dash": "dot", "width": 2},
        "marker": {"size": 10, "symbol": "diamond-open", "color": _BASELINE_COLOUR},
        "hovertemplate": "%{y:,.2~f}<extra>" + name + "</extra>",
    }


def target_chart(
    series: list[ChartSeries],
    goal: Goal | None,
    unit: str | None,
    term: tuple[int, int],
    expected_path: list[tuple[float, float]] | None = None,
    baselines: list[ChartSeries] | None = None,
) -> dict[str, Any] | None:
    """Spec of a target's chart; None when nothing was measured (the page says so).

    `baselines` are results of another period shown as the target's starting point
    (`Series.baseline_for`), drawn apart from the measured series.
    """
    measured = [s for s in series if any(o.value is not None for o in s.observations)]
    starts = [s for s in baselines or [] if any(o.value is not None for o in s.observations)]
    if not measured and not starts:
        return None
    data: list[dict[str, Any]] = [_baseline_trace(s) for s in starts]
    for i, s in enumerate(measured):
        points = _in_time_order(s.observations)
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": _chart_text(s.label),
                "x": [period_x(o.period) for o in points],
                "y": [o.value for o in points],
                "line": {"color": _SERIES_COLOURS[i % len(_SERIES_COLOURS)], "width": 3},
                "marker": {"size": 8},
                "hovertemplate": "%{y:,.2~f}<extra>" + _chart_text(s.label) + "</extra>",
            }
        )
    if expected_path:
        # The path the values must follow to reach the goal in time: dotted and grey,
        # so it is never mistaken for measured values.
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": t("chart.path"),
                "x": [x for x, _ in expected_path],
                "y": [round(y, 4) for _, y in expected_path],
                "line": {"color": "#616161", "dash": "dot", "width": 2},
                "hoverinfo": "y+name",
            }
        )
    if goal is not None:
        data.extend(_goal_traces(goal, term, unit))
    layout = {
        "separators": t("chart.separators"),
        "margin": {"l": 48, "r": 16, "t": 16, "b": 24},
        "height": 360,
        "showlegend": True,
        "legend": {"orientation": "h", "y": -0.12, "yanchor": "top"},
        "xaxis": {"tickformat": "d", "dtick": 1},
        "yaxis": {"title": {"text": unit or ""}, "rangemode": "tozero", "tickformat": ",~f"},
        "hovermode": "closest",
    }
    # No mode bar: its labels are English and it adds nothing a reader needs here.
    config = {"displayModeBar": False, "responsive": True}
    return {"data": data, "layout": layout, "config": config}
