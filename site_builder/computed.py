"""The computed view of a ward: statuses and series, worked out once per build.

Sits between the checked model and the pages: every page of a ward reads the same
assessments, so a target's status is identical on its page, in the ward's lists and in
the summaries. Computed as of one date (`as_of`), so a build is reproducible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from .history import UNKNOWN, LastUpdated, newest
from .load import WardData
from .model import Series, Target
from .status import (
    Assessment,
    assess_project,
    assess_target,
    measuring_series,
    period_end,
    summarise_children,
)


@dataclass(frozen=True)
class ComputedWard:
    """A ward with its series by target and every status."""

    ward: WardData
    as_of: date
    series_by_target: dict[str, list[Series]]
    targets: dict[str, Assessment]  # every target, children included, by id
    projects: dict[str, tuple[str, str]]  # project id -> (status, explanation)
    # YAML file name -> when it last changed (history.file_dates); empty when not asked.
    updated: Mapping[str, LastUpdated] = field(default_factory=dict)

    def updated_of(self, *names: str) -> LastUpdated:
        """The newest date of these files of the ward (all of them when none is named)."""
        chosen = names or tuple(self.updated)
        return newest(self.updated.get(n, UNKNOWN) for n in chosen)

    @property
    def term(self) -> tuple[int, int]:
        """First and last year of the ward's term."""
        return self.ward.ward.term_start, self.ward.ward.term_end

    def latest_measurement(self, target: Target) -> tuple[str, float] | None:
        """(period, value) of the newest whole-ward measurement of a target, if any.

        Only the series that measures the whole ward counts, as for the status: a former
        ward's figures or a printed part of the ward never stand for the new ward.
        """
        series = measuring_series(target, self.series_by_target.get(target.id, []))
        points = [
            (o.period, o.value)
            for o in (series.observations if series else [])
            if o.value is not None
        ]
        return max(points, key=lambda p: (period_end(p[0]), p[0])) if points else None

    def target_counts(self) -> Counter[str]:
        """Top-level targets by status."""
        return Counter(self.targets[t.id].status for t in self.ward.targets)

    def project_counts(self) -> Counter[str]:
        """Projects by schedule status (context projects of higher levels left out)."""
        return Counter(self.projects[p.id][0] for p in self.ward.projects if not p.context)


def _series_by_target(ward: WardData) -> dict[str, list[Series]]:
    out: dict[str, list[Series]] = {}
    for s in ward.series:
        if s.target:
            out.setdefault(s.target, []).append(s)
    return out


def compute_ward(
    ward: WardData, as_of: date, updated: Mapping[str, LastUpdated] | None = None
) -> ComputedWard:
    """Assess every target (children first, so parents can summarise them) and project."""
    by_target = _series_by_target(ward)
    term = (ward.ward.term_start, ward.ward.term_end)
    assessments: dict[str, Assessment] = {}

    def walk(target: Target) -> Assessment:
        children = [walk(child) for child in target.children]
        if target.goal is None and target.status_override is None and children:
            result = summarise_children(children)
        else:
            result = assess_target(target, by_target.get(target.id, []), as_of, term)
        assessments[target.id] = result
        return result

    for target in ward.targets:
        walk(target)
    projects = {p.id: assess_project(p, as_of) for p in ward.projects}
    return ComputedWard(ward, as_of, by_target, assessments, projects, dict(updated or {}))
