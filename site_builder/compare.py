"""Comparing wards: one page per shared indicator, and an index of them (`/so-sanh/`).

A target carries an indicator code (`Target.indicator`, listed in `data/indicators.yaml`)
only where its document measures the same thing as another ward's. The page puts those
targets side by side, each exactly as printed (wording, value, unit), with its deadline,
lead unit, status and source, and a link to its page. Nothing is converted or ranked:
where the printed units differ (% against households), the page says so and leaves the
values as they are.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from . import urls
from .computed import ComputedWard
from .describe import deadline_year, describe_goal
from .fmt import day
from .labels import t
from .model import Indicator, Target
from .pages import Link, SearchView, StatusView, _breadcrumbs, _status_view
from .text import match_key


@dataclass(frozen=True)
class ComparisonRow:
    """One ward's target measuring the indicator."""

    ward: str
    ward_link: str
    code: str | None  # printed code, the parent's for a child target
    name: str  # as printed
    value_text: str | None
    yearly_text: str | None
    unit: str | None  # as printed
    deadline: str
    meaning: str | None
    lead_unit: str | None
    status: StatusView
    link: str  # the target's page (a child: its section)
    source: str  # document number or title, section and row


@dataclass(frozen=True)
class ComparisonPage:
    """`/so-sanh/<code>/`: every ward's target of one indicator."""

    url: str
    title: str
    name: str  # the indicator's name (data text), after "So sánh các phường: "
    breadcrumbs: list[Link]
    search: SearchView
    as_of: str
    unit: str | None
    note: str | None
    units_differ: bool
    rows: list[ComparisonRow]
    index: str


@dataclass(frozen=True)
class ComparisonEntry:
    """One indicator on the index."""

    name: str
    link: str
    unit: str | None
    wards: int


@dataclass(frozen=True)
class ComparisonIndex:
    """`/so-sanh/`: the indicators that targets of the built wards carry."""

    url: str
    title: str
    breadcrumbs: list[Link]
    search: SearchView
    entries: list[ComparisonEntry]


def _walk(
    targets: Sequence[Target], parent: Target | None = None
) -> Iterator[tuple[Target, Target | None]]:
    for target in targets:
        yield target, parent
        yield from _walk(target.children, parent or target)


def _used(
    wards: Sequence[ComputedWard],
) -> dict[str, list[tuple[ComputedWard, Target, Target | None]]]:
    """Targets by indicator code, in ward order then file order."""
    out: dict[str, list[tuple[ComputedWard, Target, Target | None]]] = {}
    for computed in wards:
        for target, parent in _walk(computed.ward.targets):
            if target.indicator:
                out.setdefault(target.indicator, []).append((computed, target, parent))
    return out


def indicators_of(wards: Sequence[ComputedWard]) -> list[Indicator]:
    """The indicators some built ward's target carries, in `indicators.yaml` order."""
    used = _used(wards)
    known = wards[0].ward.indicators if wards else ()
    return [i for i in known if i.code in used]


def _row(here: str, computed: ComputedWard, target: Target, parent: Target | None) -> ComparisonRow:
    ward = computed.ward
    top = parent or target
    page = urls.relative(here, urls.target(ward.ward.id, top.id))
    goal = target.goal
    year = deadline_year(goal) if goal else None
    source = target.sources[0] if target.sources else top.sources[0]
    doc = ward.document(source.document)
    where = ", ".join(
        bit
        for bit in (
            doc.number or doc.title,
            source.section or "",
            f"{t('source.row').lower()} {source.row}" if source.row else "",
        )
        if bit
    )
    return ComparisonRow(
        ward=ward.ward.full_name,
        ward_link=urls.relative(here, urls.ward(ward.ward.id)),
        code=top.code,
        name=target.name,
        value_text=target.value_text,
        yearly_text=target.yearly_text,
        unit=target.unit,
        deadline=str(year) if year else t("compare.no_deadline"),
        meaning=describe_goal(goal, target.unit, (ward.ward.term_start, ward.ward.term_end))
        if goal
        else None,
        lead_unit=target.lead_unit or top.lead_unit,
        status=_status_view(computed.targets[target.id]),
        link=page + (f"#{target.id}" if parent else ""),
        source=where,
    )


def build_comparisons(wards: Sequence[ComputedWard]) -> Iterator[ComparisonPage | ComparisonIndex]:
    """The index, then one page per indicator some built ward uses."""
    used = _used(wards)
    indicators = indicators_of(wards)
    as_of = day(wards[0].as_of) if wards else ""
    here = urls.COMPARE
    yield ComparisonIndex(
        url=here,
        title=t("compare.index"),
        breadcrumbs=_breadcrumbs(here),
        search=SearchView("", t("search.kind.comparison"), None),
        entries=[
            ComparisonEntry(
                i.name,
                urls.relative(here, urls.comparison(i.code)),
                i.unit,
                len({c.ward.ward.id for c, _, _ in used[i.code]}),
            )
            for i in indicators
        ],
    )
    for indicator in indicators:
        url = urls.comparison(indicator.code)
        rows = [_row(url, c, target, parent) for c, target, parent in used[indicator.code]]
        units = {match_key(r.unit) if r.unit else "" for r in rows}
        yield ComparisonPage(
            url=url,
            title=f"{t('compare.title')}: {indicator.name}",
            name=indicator.name,
            breadcrumbs=[
                *_breadcrumbs(url),
                Link(t("compare.index"), urls.relative(url, urls.COMPARE)),
            ],
            search=SearchView("", t("search.kind.comparison"), None),
            as_of=as_of,
            unit=indicator.unit,
            note=indicator.note,
            units_differ=len(units) > 1,
            rows=rows,
            index=urls.relative(url, urls.COMPARE),
        )


def target_comparisons(computed: ComputedWard, target: Target, here: str) -> list[Link]:
    """Links from a target's page to the comparison of it or its children's indicators."""
    links = []
    for item, _ in _walk([target]):
        if item.indicator:
            indicator = computed.ward.indicator(item.indicator)
            links.append(Link(indicator.name, urls.relative(here, urls.comparison(item.indicator))))
    return list({link.href: link for link in links}.values())
