"""The ward report (`/<ward>/bao-cao/`): the ward on paper, for a meeting.

The ward page is for reading on screen: documents, quotes, notes and sources make it
dozens of printed pages. The report keeps what a meeting works through (counts by
status, then each group's targets and each appendix table's projects, one per printed
page) and leaves the evidence to the pages it links to. Its view model is built here,
next to the page view models of `pages.py` whose pieces (status badges, summaries,
document labels) it shares.

The printed header (ward, document, "số liệu đến ngày") and the page numbers are drawn
by the print stylesheet in the page margins (`@page` margin boxes, which Chromium
supports); the header text reaches the stylesheet as a CSS custom property on the root
element, so it is handed over here already escaped for CSS (`css_string`).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import urls
from .computed import ComputedWard
from .fmt import day, number_with_unit, period
from .labels import t
from .model import Document, Target
from .pages import (
    Link,
    StatusCount,
    StatusSummary,
    StatusView,
    _breadcrumbs,
    _document_label,
    _project_counts,
    _project_status_view,
    _status_view,
    _summary,
    _table_label,
    _target_links,
    _timeframe_text,
    _value_when,
    _yearly_label,
)

# The order statuses are counted in, as on the ward page's summaries.
_TARGET_STATUSES = (
    "achieved",
    "on_track",
    "needs_acceleration",
    "off_track",
    "no_data",
    "not_measurable",
)


@dataclass(frozen=True)
class ReportTargetRow:
    """A target (or a child target, `child` True) as a row of a group's table."""

    code: str | None
    name: str
    link: str
    value: str | None  # printed value with its unit: "> 15 (%)"
    yearly: str | None  # printed yearly value
    yearly_label: str  # "Bình quân năm", or "Hằng tháng" for a monthly target
    deadline: str | None  # "năm 2026", "không nêu thời hạn", or None (no goal)
    latest: str | None  # newest whole-ward measurement: "2026: 12,5%"
    lead_unit: str | None
    status: StatusView
    child: bool


@dataclass(frozen=True)
class ReportGroup:
    """A target group: its counts and its targets, on a printed page of its own."""

    heading: str
    summary: StatusSummary
    rows: list[ReportTargetRow]


@dataclass(frozen=True)
class ReportProjectRow:
    """A printed appendix row naming a project."""

    code: str | None
    name: str
    link: str
    kind: str
    timeframe: str | None
    lead_unit: str | None
    status: StatusView


@dataclass(frozen=True)
class ReportProjectTable:
    """An appendix table, on a printed page of its own."""

    title: str
    rows: list[ReportProjectRow]


@dataclass(frozen=True)
class RollupRow:
    """One line of the roll-up table: a group and its count per status column."""

    name: str
    total: int
    counts: list[int]  # aligned with `ReportPage.status_columns`


@dataclass(frozen=True)
class ReportPage:
    """`/<ward>/bao-cao/`: summary roll-up, groups of targets, project tables."""

    url: str
    title: str
    breadcrumbs: list[Link]
    ward: str
    city: str
    documents: list[str]  # "Chương trình hành động số 04-CTr/ĐU ngày 12/12/2025"
    as_of: str  # dd/mm/yyyy
    as_of_iso: str
    updated: str  # when the ward's data files last changed, or "không rõ"
    print_header: Markup  # margin header: ward and documents, a CSS string (`css_string`)
    print_as_of: Markup  # margin header: "Số liệu đến ngày ...", a CSS string
    ward_link: str
    methodology: str
    summary: StatusSummary
    project_counts: list[StatusCount]
    status_columns: list[StatusCount]  # statuses present in the ward, ward-wide counts
    rollup: list[RollupRow]
    groups: list[ReportGroup]
    project_tables: list[ReportProjectTable]


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string, every character but letters, digits and spaces escaped.

    The result holds no quote, `<` or `&`, so it is safe inside a `<style>` element
    (where HTML escaping would not be undone) whatever the data says.
    """
    out = []
    for char in text:
        if char.isascii() and (char.isalnum() or char == " "):
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return Markup('"' + "".join(out) + '"')


def _short_document(doc: Document) -> str:
    """A document as the margin header names it: by number and date when it has them."""
    if not doc.number:
        return doc.title
    when = f" {t('report.doc_date')} {day(doc.date)}" if doc.date else ""
    return f"{t('doc.number')} {doc.number}{when}"


def _value(target: Target) -> str | None:
    if not target.value_text:
        return None
    return f"{target.value_text} ({target.unit})" if target.unit else target.value_text


def _relative_with_anchor(here: str, url: str) -> str:
    page, _, anchor = url.partition("#")
    return urls.relative(here, page) + (f"#{anchor}" if anchor else "")


def build_report(computed: ComputedWard) -> ReportPage:
    """A ward's report, from the same assessments as its other pages."""
    ward = computed.ward
    ward_id = ward.ward.id
    here = urls.report(ward_id)
    links = _target_links(ward)  # a child target is a section of its parent's page

    def rows(target: Target, child: bool = False) -> list[ReportTargetRow]:
        latest = computed.latest_measurement(target)
        row = ReportTargetRow(
            code=target.code,
            name=target.name,
            link=_relative_with_anchor(here, links[target.id][1]),
            value=_value(target),
            yearly=target.yearly_text,
            yearly_label=_yearly_label(target.goal),
            deadline=_value_when(target.goal),
            latest=(
                f"{period(latest[0])}: {number_with_unit(latest[1], target.unit)}"
                if latest
                else None
            ),
            lead_unit=target.lead_unit,
            status=_status_view(computed.targets[target.id]),
            child=child,
        )
        return [row, *(r for c in target.children for r in rows(c, child=True))]

    groups = []
    rollup = []
    present = {computed.targets[x.id].status for x in ward.targets}
    columns = [k for k in _TARGET_STATUSES if k in present]
    for group in ward.groups:
        members = [x for x in ward.targets if x.group == group.id]
        if not members:
            continue
        heading = f"{group.code}. {group.name}" if group.code else group.name
        statuses = [computed.targets[x.id].status for x in members]
        rollup.append(RollupRow(heading, len(members), [statuses.count(k) for k in columns]))
        groups.append(
            ReportGroup(
                heading, _summary(computed, members, here), [r for x in members for r in rows(x)]
            )
        )
    summary = _summary(computed, list(ward.targets), here)
    by_key = {c.key: c for c in summary.counts}
    tables = []
    for table in ward.tables:
        table_rows = [
            ReportProjectRow(
                code=row.code,
                name=row.name,
                link=urls.relative(here, urls.project(ward_id, p.id)),
                kind=t(f"project_kind.{p.kind}"),
                timeframe=row.timeframe or _timeframe_text(p),
                lead_unit=row.lead_unit or p.lead_unit,
                status=_project_status_view(computed, p),
            )
            for p in ward.projects
            for row in p.rows
            if row.table == table.id
        ]
        if table_rows:
            tables.append(ReportProjectTable(_table_label(table), table_rows))
    documents = [_document_label(d) for d in ward.documents]
    updated = computed.updated_of()
    as_of = day(computed.as_of)
    header = " · ".join([ward.ward.full_name, *(_short_document(d) for d in ward.documents)])
    return ReportPage(
        url=here,
        title=f"{t('report.title')}: {ward.ward.full_name}",
        breadcrumbs=_breadcrumbs(here, ward),
        ward=ward.ward.full_name,
        city=ward.ward.city,
        documents=documents,
        as_of=as_of,
        as_of_iso=computed.as_of.isoformat(),
        updated=day(updated.date) if updated.date else t("updated.unknown"),
        print_header=css_string(header),
        print_as_of=css_string(f"{t('report.as_of')} {as_of}"),
        ward_link=urls.relative(here, urls.ward(ward_id)),
        methodology=urls.relative(here, urls.METHODOLOGY),
        summary=summary,
        project_counts=_project_counts(computed),
        status_columns=[by_key[k] for k in columns],
        rollup=rollup,
        groups=groups,
        project_tables=tables,
    )
