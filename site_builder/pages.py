"""Page view models: everything a template shows, already formatted, linked and explained.

One dataclass per page kind (`HomePage`, `WardPage`, `TargetPage`, `ProjectPage`)
and one `build_*` function for each. Templates only display these fields: numbers
arrive formatted the Vietnamese way, URLs arrive relative to the page, labels arrive
in words. Data text stays plain `str` (the templates escape it); only sanitised note
HTML arrives as `Markup`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from markupsafe import Markup

from . import metadata, urls
from .charts import ChartSeries, period_x, target_chart
from .computed import ComputedWard
from .describe import amount, deadline_year, describe_goal, rank_words
from .fmt import day, number, period
from .labels import language, t
from .load import WardData
from .markup import note_html
from .model import (
    Document,
    Goal,
    Milestone,
    Note,
    Project,
    ProjectTable,
    Series,
    Source,
    Target,
    TargetGroup,
    Task,
    period_bounds,
)
from .status import PROJECT_STATUSES, Assessment, term_elapsed_share
from .text import ascii_fold, match_key

if TYPE_CHECKING:  # embed.py builds on this module's views
    from .embed import EmbedCodeView


@dataclass(frozen=True)
class Link:
    """A link: its text and its href relative to the page that shows it."""

    text: str
    href: str


@dataclass(frozen=True)
class DownloadLink:
    """A data file: its label, href relative to the page, the name it is saved as, its size."""

    text: str
    href: str
    filename: str
    size: str | None = None  # "12,5 KB", on the downloads page only


@dataclass(frozen=True)
class OpenDataView:
    """A page's data block: when its data files last changed, and its downloads."""

    updated: str  # dd/mm/yyyy, or "không rõ"
    updated_iso: str | None  # for <time datetime>
    basis: str  # how the date is known, in words
    links: list[DownloadLink]
    all_data: str  # link to the downloads page


@dataclass(frozen=True)
class SearchView:
    """What the search index records about a page beyond its text: filters and metadata.

    Nothing here repeats the page's text: "đ" is matched by the results page, which
    searches every word starting with d or đ both ways (overrides/assets/javascripts/
    search.js), so the index holds each page's words once, as printed.
    """

    ward: str
    kind: str
    status: str | None


@dataclass(frozen=True)
class StatusView:
    """A status with its label and the reasoning behind it."""

    key: str  # machine value, used as a CSS modifier
    label: str
    explanation: str
    preliminary: bool
    overridden: bool


@dataclass(frozen=True)
class StatusCount:
    """How many items have one status."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class StatusSummary:
    """Targets by status, with the share achieved beside the share of the term elapsed."""

    total: int
    achieved: int
    counts: list[StatusCount]
    term_elapsed: str  # "30%"
    achieved_share: str  # "25%"
    term_rule: str  # link to how the elapsed share is counted (methodology page)
    manual_help: str | None  # what "needs a manual assessment" counts, when any does
    manual_rule: str


@dataclass(frozen=True)
class SourceView:
    """Where an item is printed, with the exact quote."""

    document: str  # "Chương trình hành động số 04-CTr/ĐU ngày 12/12/2025"
    section: str | None
    row: str | None
    page: int | None
    quote: str


@dataclass(frozen=True)
class NoteView:
    """A visible note with its kind in words and its sanitised text."""

    kind: str  # machine kind, used as a CSS modifier
    label: str
    html: Markup
    sources: list[SourceView]


@dataclass(frozen=True)
class DocumentView:
    """A document as listed on a ward page."""

    title: str
    number: str | None
    date: str | None  # dd/mm/yyyy or the printed date text
    status: str  # in words
    version_label: str | None
    issuer: str
    signer: str | None  # with the signer's title when printed
    revises: str | None  # title of the revised document
    summary: Markup | None
    notes: list[NoteView]
    date_printed: bool = False  # `date` is the printed text (Vietnamese), not a formatted day


@dataclass(frozen=True)
class TargetRowView:
    """A target as a row of the ward page's table."""

    code: str | None
    name: str
    link: str
    unit: str | None
    value_text: str | None
    value_when: str | None  # the value's deadline: "năm 2026", "không nêu thời hạn"
    yearly_text: str | None
    yearly_when: str | None  # the commitment's period when not a year: "hằng tháng"
    lead_unit: str | None
    status: StatusView
    children: list[TargetRowView]


@dataclass(frozen=True)
class GroupView:
    """A group of targets on the ward page."""

    code: str | None
    name: str
    inferred: bool
    description: Markup | None
    summary: StatusSummary
    targets: list[TargetRowView]


@dataclass(frozen=True)
class ProjectRowView:
    """A printed appendix row on the ward page, linking to its project's page."""

    code: str | None
    name: str
    link: str
    kind: str
    lead_unit: str | None
    timeframe: str | None
    funding: str | None
    status: StatusView


@dataclass(frozen=True)
class ProjectTableView:
    """An appendix table on the ward page, with the rows it prints."""

    title: str
    inferred: bool
    notes: list[NoteView]
    rows: list[ProjectRowView]


@dataclass(frozen=True)
class TaskView:
    """A priority task or a breakthrough."""

    code: str | None
    text: str
    lead_unit: str | None
    partners: str | None
    timeframe: str | None
    output: str | None
    source: SourceView
    notes: list[NoteView]
    restored: bool


@dataclass(frozen=True)
class FactView:
    """A fact about the ward, as printed."""

    label: str
    value: str
    cite: str  # short citation: document, section
    source: SourceView


@dataclass(frozen=True)
class WardCard:
    """A ward on the home page."""

    name: str
    city: str
    link: str
    targets: int
    projects: int
    tasks: int
    documents: list[str]
    summary: StatusSummary
    project_counts: list[StatusCount]


@dataclass(frozen=True)
class HomePage:
    """`/`: the wards side by side (the intro comes from content/index.md)."""

    url: str
    title: str
    as_of: str
    methodology: str  # link to the methodology page
    wards: list[WardCard]
    comparisons: str | None = None  # link to /so-sanh/ when some target has an indicator


@dataclass(frozen=True)
class WardPage:
    """`/<ward>/`: documents, targets by group, projects, tasks, breakthroughs."""

    url: str
    title: str
    breadcrumbs: list[Link]
    search: SearchView
    name: str
    city: str
    formed: Markup | None
    facts: list[FactView]
    former_wards: list[str]
    as_of: str
    methodology: str
    summary: StatusSummary
    project_counts: list[StatusCount]
    documents: list[DocumentView]
    groups: list[GroupView]
    project_tables: list[ProjectTableView]
    priority_tasks: list[TaskView]
    breakthroughs: list[TaskView]
    main_tasks: list[TaskView]
    results: list[ResultsAreaView] = field(default_factory=list)
    plotly_src: str = ""  # relative URL of plotly.js, for the results' charts
    open_data: OpenDataView | None = None
    report: str | None = None  # link to the ward's printable report
    feed: str | None = None  # link to the ward's Atom feed of data changes


@dataclass(frozen=True)
class ResultChartView:
    """A chart of one published result series with two or more values."""

    caption: str  # "Biểu đồ kết quả đã công bố", before the series' name
    name: str  # the series and its area (data text), ending the figure's caption
    chart_json: str  # Plotly spec, JSON, for a data attribute
    chart_label: str  # text alternative: every value drawn, in a sentence


@dataclass(frozen=True)
class ResultsAreaView:
    """Published results of one area (the ward, a former ward) not tied to a target."""

    name: str
    rows: list[DataRowView]
    charts: list[ResultChartView] = field(default_factory=list)
    baselines: list[Link] = field(default_factory=list)  # targets a result is the baseline of


@dataclass(frozen=True)
class DataRowView:
    """A row of a target's data table: a measurement or the goal itself."""

    period: str
    series: str
    value: str
    printed: str | None
    flags: str | None
    source: str | None
    note: Markup | None
    is_goal: bool
    value_is_printed: bool = False  # `value` is the document's text (a milestone), not a number


@dataclass(frozen=True)
class MilestoneView:
    """An intermediate value printed for a target."""

    year: int
    text: str
    meaning: str | None


@dataclass(frozen=True)
class OverrideView:
    """A status set by hand, shown as such."""

    status: str
    reason: str
    source: str
    date: str


@dataclass(frozen=True)
class TargetBody:
    """What a target and each of its child targets show (a child is a section)."""

    anchor: str
    code: str | None
    name: str
    unit: str | None
    value_text: str | None
    value_label: str  # "Đến năm 2026", or that the document gives no deadline
    yearly_text: str | None
    yearly_label: str  # "Bình quân năm" as the appendix prints it, or "Hằng tháng"
    kind: str | None  # None for a parent whose values are its children's
    meaning: str | None
    lead_unit: str | None
    partners: str | None
    status: StatusView
    milestones: list[MilestoneView]
    notes: list[NoteView]
    override: OverrideView | None
    chart_json: str | None  # Plotly spec, JSON, for a data attribute
    chart_label: str  # text alternative of the chart
    series_notes: list[str]  # how each series relates to the target, from the document
    rows: list[DataRowView]
    children: list[TargetBody] = field(default_factory=list)
    baseline: BaselineView | None = None


@dataclass(frozen=True)
class BaselineView:
    """Results of another period shown as a target's starting point.

    Never merged into its measurements (`Series.baseline_for`).
    """

    note: str  # says what these figures are, and that no status uses them
    link_notes: list[str]  # why each series is the same indicator, as the data says
    rows: list[DataRowView]


@dataclass(frozen=True)
class TargetPage:
    """`/<ward>/chi-tieu/<id>/`."""

    url: str
    title: str
    breadcrumbs: list[Link]
    search: SearchView
    as_of: str
    methodology: str
    group: str | None
    restored: bool
    sources: list[SourceView]
    body: TargetBody
    related_projects: list[Link]
    plotly_src: str
    open_data: OpenDataView | None = None
    embed: EmbedCodeView | None = None  # iframe code for other sites (embed.embed_code)
    comparisons: list[Link] = field(default_factory=list)  # compare.target_comparisons


@dataclass(frozen=True)
class ProjectSourceRowView:
    """One appendix row that names a project."""

    table: str
    code: str | None
    name: str
    lead_unit: str | None
    partners: str | None
    timeframe: str | None
    funding: str | None
    remark: str | None
    source: SourceView


@dataclass(frozen=True)
class TimelineItem:
    """A dated event of a project: a status change, a milestone or a progress figure."""

    when: str
    kind: str  # "status", "milestone" or "progress"
    text: str
    source: str | None
    note: Markup | None
    done: bool | None


@dataclass(frozen=True)
class ProjectPage:
    """`/<ward>/du-an/<id>/`."""

    url: str
    title: str
    breadcrumbs: list[Link]
    search: SearchView
    kind: str
    name: str
    status: StatusView
    status_rule: str | None  # link to the rule behind a status that needs one (overdue)
    as_of: str
    context: bool
    restored: bool
    lead_unit: str | None
    partners: str | None
    timeframe: str | None
    funding: str | None
    budget: str | None
    location: str | None
    rows: list[ProjectSourceRowView]
    timeline: list[TimelineItem]
    related_targets: list[Link]
    parts: list[str]
    notes: list[NoteView]
    open_data: OpenDataView | None = None


@dataclass(frozen=True)
class WardDownloads:
    """A ward's files on the downloads page."""

    name: str
    link: str
    updated: str
    basis: str
    files: list[DownloadLink]


@dataclass(frozen=True)
class DownloadsPage:
    """The generated part of `/du-lieu/`: every ward's files, the site's, the schemas."""

    url: str
    title: str
    as_of: str
    wards: list[WardDownloads]
    site: list[DownloadLink]
    schemas: list[DownloadLink]
    standard: list[DownloadLink]  # Data Package, CSVW, their schemas, the licence text
    licence_title: str
    licence_url: str  # shown as text and as a plain link: nothing is fetched from it


@dataclass(frozen=True)
class WardShortcut:
    """A ward the results page offers directly when the query names it."""

    name: str
    link: str
    key: str  # the ward's short name, lower case, without diacritics (đ as d)


@dataclass(frozen=True)
class SearchShortcuts:
    """The generated part of `/tim-kiem/`: search form, ward shortcuts, help if nothing found.

    The form has its filters; a ward named in the query gets a direct link; a query that
    finds nothing gets links to every ward and to common topics. A ward's overview is its
    longest page, so a length-normalised ranking puts the short target and project pages
    that mention the ward above it; a citizen who types a ward's name wants the ward.
    """

    url: str
    title: str
    wards: list[WardShortcut]
    kinds: list[tuple[str, str]]  # the page-kind filter: (value in the index, label)
    topics: list[Link]  # queries that find pages, for "nothing found"


# ---------------------------------------------------------------- helpers


def _document_label(doc: Document) -> str:
    """A document cited as printed, in Vietnamese on both copies (marked lang="vi")."""
    label = doc.title
    if doc.number:
        label += f" số {doc.number}"
    if doc.date:
        with language("vi"):
            label += f" ngày {day(doc.date)}"
    elif doc.date_text:
        label += f" ({doc.date_text})"
    return label


def _source_view(ward: WardData, source: Source) -> SourceView:
    return SourceView(
        document=_document_label(ward.document(source.document)),
        section=source.section,
        row=source.row,
        page=source.page,
        quote=source.quote,
    )


def _cite(ward: WardData, source: Source) -> str:
    """A short citation for a table cell."""
    parts = [_document_label(ward.document(source.document))]
    if source.section:
        parts.append(source.section)
    if source.row:
        parts.append(f"{t('source.row')} {source.row}")
    if source.page:
        parts.append(f"{t('source.page')} {source.page}")
    return ", ".join(parts)


def _notes(ward: WardData, notes: list[Note]) -> list[NoteView]:
    return [
        NoteView(
            n.kind,
            t(f"note.{n.kind}"),
            note_html(n.text),
            [_source_view(ward, s) for s in n.sources],
        )
        for n in notes
    ]


def _milestone(m: Milestone, unit: str | None) -> MilestoneView:
    return MilestoneView(m.year, m.text, amount(m.comparator, m.value, m.low, m.high, unit))


def _term(ward: WardData) -> tuple[int, int]:
    return ward.ward.term_start, ward.ward.term_end


def _area_name(ward: WardData, series: Series) -> str:
    if series.area_text is not None:
        return series.area_text
    if series.area is None:
        return t("target.whole_ward")
    return next(f.name for f in ward.ward.former_wards if f.id == series.area)


def _series_label(ward: WardData, series: Series) -> str:
    """The series' name and its area, once.

    A name that already states its scope as printed (`area_text`) is not followed by it
    again.
    """
    if series.area_text is not None and series.area_text in series.name:
        return series.name
    return f"{series.name} ({_area_name(ward, series)})"


def _observation_rows(ward: WardData, series: Series, label: str) -> list[DataRowView]:
    """A series' measurements in period order, as table rows named `label`."""
    return [
        DataRowView(
            period=period(obs.period),
            series=label,
            value=number(obs.value) if obs.value is not None else "—",
            printed=obs.value_text,
            flags=", ".join(t(f"flag.{f}") for f in obs.flags) or None,
            source=_cite(ward, obs.source),
            note=note_html(obs.note) if obs.note else None,
            is_goal=False,
        )
        # Time order by each period's last day, not text order ("2026-06-30" < "2026-Q2").
        for obs in sorted(series.observations, key=lambda o: (period_bounds(o.period)[1], o.period))
    ]


def _data_rows(ward: WardData, target: Target, series: list[Series]) -> list[DataRowView]:
    """Every measurement, then the milestones and the goal, so the table holds the target."""
    rows = [row for s in series for row in _observation_rows(ward, s, _series_label(ward, s))]
    for m in target.milestones:
        rows.append(
            DataRowView(
                str(m.year), t("target.row_goal"), m.text, m.text, None, None, None, True, True
            )
        )
    goal = target.goal
    goal_said = (
        rank_words(goal) or amount(goal.comparator, goal.value, goal.low, goal.high, target.unit)
        if goal
        else None
    )
    if goal_said or target.value_text:
        year = deadline_year(goal) if goal else None
        when = str(year) if year else f"{ward.ward.term_end} ({t('target.term_end')})"
        rows.append(
            DataRowView(
                when,
                t("target.row_goal"),
                goal_said or "—",
                target.value_text,
                None,
                None,
                None,
                True,
            )
        )
    return rows


def _result_chart(ward: WardData, series: Series) -> ResultChartView | None:
    """A chart of one result series with two or more values; one value needs no chart."""
    if sum(o.value is not None for o in series.observations) < 2:
        return None
    label = _series_label(ward, series)
    spec = target_chart(
        [ChartSeries(label, tuple(series.observations))], None, series.unit, _term(ward)
    )
    assert spec is not None
    spec["layout"]["showlegend"] = False  # one series, named by the caption
    return ResultChartView(
        caption=t("ward.results_chart"),
        name=label + (f" ({series.unit})" if series.unit else ""),
        chart_json=json.dumps(spec, ensure_ascii=False, separators=(",", ":")),
        chart_label=_chart_label(t("ward.results_chart"), [(label, series)]),
    )


def _results(ward: WardData, here: str) -> list[ResultsAreaView]:
    """Series that measure no target, by area in the order of the file; never added up.

    These are results a document reports, such as a former ward's 2020-2025 figures.
    Each series with two or more values is also charted, on its own (one series per
    chart, so values of different areas or measures are never drawn as one line).
    """
    rows: dict[str, list[DataRowView]] = {}
    charts: dict[str, list[ResultChartView]] = {}
    baselines: dict[str, list[Link]] = {}
    targets = _target_links(ward)
    for s in ward.series:
        if s.target:
            continue  # drawn on its target's page
        area = _area_name(ward, s)
        label = f"{s.name} ({s.unit})" if s.unit else s.name
        rows.setdefault(area, []).extend(_observation_rows(ward, s, label))
        chart = _result_chart(ward, s)
        if chart is not None:
            charts.setdefault(area, []).append(chart)
        if s.baseline_for:
            name, url = targets[s.baseline_for]
            baselines.setdefault(area, []).append(Link(name, urls.relative(here, url)))
    return [
        ResultsAreaView(area, area_rows, charts.get(area, []), baselines.get(area, []))
        for area, area_rows in rows.items()
        if area_rows
    ]


def _chart_label(caption: str, drawn: list[tuple[str, Series]]) -> str:
    """Text alternative of a chart: its caption, then every value it draws, in time order."""
    values = "; ".join(
        f"{label}: "
        + ", ".join(
            f"{period(o.period)} {number(o.value)}"
            for o in sorted(s.observations, key=lambda o: (period_x(o.period), o.period))
            if o.value is not None
        )
        for label, s in drawn
    )
    return f"{caption}. {values}."


def _value_label(goal: Goal | None) -> str:
    """The label of the printed value: its own deadline, never a blanket "2030"."""
    if goal is None:
        return t("target.value")
    year = deadline_year(goal)
    if year is not None:
        return t("target.value_by").format(year=year)
    return t("target.value") if goal.has_deadline else t("target.value_no_deadline")


def _value_when(goal: Goal | None) -> str | None:
    """The deadline beside a value in the ward's table."""
    if goal is None:
        return None
    year = deadline_year(goal)
    if year is not None:
        return t("target.when_year").format(year=year)
    return None if goal.has_deadline else t("target.when_none")


def _cadence(goal: Goal | None) -> str | None:
    return goal.cadence if goal is not None else None


def _yearly_label(goal: Goal | None) -> str:
    cadence = _cadence(goal)
    return t(f"target.every.{cadence}") if cadence in ("monthly", "quarterly") else t("col.yearly")


def _yearly_when(goal: Goal | None) -> str | None:
    cadence = _cadence(goal)
    return t(f"target.every.{cadence}").lower() if cadence in ("monthly", "quarterly") else None


def _kind_label(goal: Goal) -> str:
    if goal.kind == "annual" and goal.cadence in ("monthly", "quarterly"):
        return t(f"target.every.{goal.cadence}")
    if goal.rank_of is not None:
        return t("kind.rank")
    return t(f"kind.{goal.kind}")


def _status_view(assessment: Assessment) -> StatusView:
    return StatusView(
        assessment.status,
        t(f"status.{assessment.status}"),
        assessment.explanation,
        assessment.preliminary,
        assessment.overridden,
    )


def _project_status_view(computed: ComputedWard, project: Project) -> StatusView:
    key, explanation = computed.projects[project.id]
    return StatusView(key, t(f"project_status.{key}"), explanation, False, False)


def _search(ward: WardData, kind: str, status: str | None) -> SearchView:
    return SearchView(ward.ward.full_name, kind, status)


def _percent(share: float) -> str:
    return f"{number(round(share * 100))}%"


def _summary(
    computed: ComputedWard, targets: list[Target], here: str, explain: bool = True
) -> StatusSummary:
    """Counts by status in a fixed order, and the share achieved beside the time elapsed."""
    statuses = [computed.targets[x.id].status for x in targets]
    order = ["achieved", "on_track", "needs_acceleration", "off_track", "no_data", "not_measurable"]
    counts = [StatusCount(k, t(f"status.{k}"), statuses.count(k)) for k in order if k in statuses]
    achieved = statuses.count("achieved")
    return StatusSummary(
        total=len(statuses),
        achieved=achieved,
        counts=counts,
        term_elapsed=_percent(term_elapsed_share(computed.as_of, computed.term)),
        achieved_share=_percent(achieved / len(statuses)) if statuses else "0%",
        term_rule=urls.methodology_rule(here, urls.RULE_TERM_ELAPSED),
        manual_help=(
            t("status.not_measurable_help") if explain and "not_measurable" in statuses else None
        ),
        manual_rule=urls.methodology_rule(here, urls.RULE_MANUAL),
    )


def _project_counts(computed: ComputedWard) -> list[StatusCount]:
    counts = computed.project_counts()
    return [
        StatusCount(k, t(f"project_status.{k}"), counts[k]) for k in PROJECT_STATUSES if counts[k]
    ]


def _baseline_label(ward: WardData, series: Series) -> str:
    return f"{t('target.baseline')}: {_series_label(ward, series)}"


def _baseline(ward: WardData, starts: list[Series]) -> BaselineView | None:
    """The results shown as a target's baseline, with the note that says so."""
    if not starts:
        return None
    return BaselineView(
        note=t("target.baseline_note"),
        link_notes=[f"{_series_label(ward, s)}: {s.link_note}" for s in starts if s.link_note],
        rows=[row for s in starts for row in _observation_rows(ward, s, _baseline_label(ward, s))],
    )


def _target_body(computed: ComputedWard, target: Target) -> TargetBody:
    ward = computed.ward
    series = computed.series_by_target.get(target.id, [])
    starts = [s for s in ward.series if s.baseline_for == target.id]
    assessment = computed.targets[target.id]
    spec = (
        target_chart(
            [ChartSeries(_series_label(ward, s), tuple(s.observations)) for s in series],
            target.goal,
            target.unit,
            _term(ward),
            assessment.expected_path,
            [ChartSeries(_baseline_label(ward, s), tuple(s.observations)) for s in starts],
        )
        if series or starts
        else None
    )
    override = None
    if target.status_override:
        o = target.status_override
        override = OverrideView(t(f"status.{o.status}"), o.reason, o.source, day(o.date))
    return TargetBody(
        anchor=target.id,
        code=target.code,
        name=target.name,
        unit=target.unit,
        value_text=target.value_text,
        value_label=_value_label(target.goal),
        yearly_text=target.yearly_text,
        yearly_label=_yearly_label(target.goal),
        kind=_kind_label(target.goal) if target.goal else None,
        meaning=describe_goal(target.goal, target.unit, _term(ward)) if target.goal else None,
        lead_unit=target.lead_unit,
        partners=target.partners,
        status=_status_view(assessment),
        milestones=[_milestone(m, target.unit) for m in target.milestones],
        notes=_notes(ward, target.notes),
        override=override,
        chart_json=json.dumps(spec, ensure_ascii=False, separators=(",", ":")) if spec else None,
        chart_label=_chart_label(
            t("target.chart_caption"),
            [(_baseline_label(ward, s), s) for s in starts]
            + [(_series_label(ward, s), s) for s in series],
        ),
        series_notes=[f"{_series_label(ward, s)}: {s.link_note}" for s in series if s.link_note],
        rows=_data_rows(ward, target, series),
        children=[_target_body(computed, child) for child in target.children],
        baseline=_baseline(ward, starts),
    )


def _breadcrumbs(here: str, ward: WardData | None = None) -> list[Link]:
    crumbs = [Link(t("nav.home"), urls.relative(here, urls.HOME))]
    if ward is not None:
        crumbs.append(Link(ward.ward.full_name, urls.relative(here, urls.ward(ward.ward.id))))
    return crumbs


def _target_links(ward: WardData) -> dict[str, tuple[str, str]]:
    """Name and URL of every target; a child target lives in a section of its parent."""
    out: dict[str, tuple[str, str]] = {}

    def walk(target: Target, page_url: str, anchor: str) -> None:
        out[target.id] = (target.name, page_url + anchor)
        for child in target.children:
            walk(child, page_url, f"#{child.id}")

    for target in ward.targets:
        walk(target, urls.target(ward.ward.id, target.id), "")
    return out


def _table_label(table: ProjectTable) -> str:
    label = f"{table.number}. {table.title}" if table.number else table.title
    return label + (f" ({t('project.inferred_table')})" if table.inferred else "")


def _timeframe_text(project: Project) -> str | None:
    if project.timeframe is None:
        return None
    if project.timeframe.text:
        return project.timeframe.text
    years = [y for y in (project.timeframe.start, project.timeframe.end) if y]
    return " - ".join(str(y) for y in years) or None


def _task_view(ward: WardData, task: Task) -> TaskView:
    return TaskView(
        task.code,
        task.text,
        task.lead_unit,
        task.partners,
        task.timeframe,
        task.output,
        _source_view(ward, task.source),
        _notes(ward, task.notes),
        task.restored_from_ocr,
    )


def file_size(size: int) -> str:
    """A file size the Vietnamese way: `12,5 KB`, `1,2 MB`."""
    if size < 1024 * 1024:
        return f"{number(round(size / 1024, 1))} KB"
    return f"{number(round(size / 1024 / 1024, 1))} MB"


def _download(
    here: str,
    label: str,
    path: str,
    filename: str | None = None,
    sizes: Mapping[str, int | str] | None = None,
) -> DownloadLink:
    """A link to a download; its size in bytes, or a text standing for it (below)."""
    size = sizes.get(path) if sizes else None
    return DownloadLink(
        label,
        urls.relative(here, path),
        filename or path.rsplit("/", 1)[-1],
        size if isinstance(size, str) else file_size(size) if size is not None else None,
    )


def _open_data(
    here: str, computed: ComputedWard, links: list[DownloadLink], *files: str
) -> OpenDataView:
    """Downloads and the date the page's data files (`targets.yaml`, ...) last changed."""
    updated = computed.updated_of(*files)
    return OpenDataView(
        updated=day(updated.date) if updated.date else t("updated.unknown"),
        updated_iso=updated.date.isoformat() if updated.date else None,
        basis=t(f"updated.basis.{updated.basis}"),
        links=links,
        all_data=urls.relative(here, urls.DOWNLOADS),
    )


def _page_data_links(here: str, ward_id: str, item_id: str, paths: list[str]) -> list[DownloadLink]:
    """CSV and JSON beside a page, saved as `<ward>-<item>.csv` so files do not collide."""
    return [
        _download(
            here,
            t(f"downloads.file.page_{path.rsplit('.', 1)[-1]}"),
            path,
            f"{ward_id}-{item_id}.{path.rsplit('.', 1)[-1]}",
        )
        for path in paths
    ]


# The files of a ward on the downloads page and its own page: (label key, part, extension).
WARD_DOWNLOADS = [
    ("downloads.file.ward_xlsx", None, "xlsx"),
    ("downloads.file.targets_csv", "chi-tieu", "csv"),
    ("downloads.file.projects_csv", "du-an", "csv"),
    ("downloads.file.observations_csv", "so-lieu", "csv"),
    ("downloads.file.ward_json", None, "json"),
]


def _ward_links(
    here: str, ward_id: str, sizes: Mapping[str, int | str] | None = None
) -> list[DownloadLink]:
    return [
        _download(here, t(label), urls.ward_data(ward_id, part, ext), sizes=sizes)
        for label, part, ext in WARD_DOWNLOADS
    ]


# ---------------------------------------------------------------- builders


def build_home(wards: list[ComputedWard], as_of: date) -> HomePage:
    """The home page's wards, side by side with their status summaries."""
    here = urls.HOME
    cards = [
        WardCard(
            name=c.ward.ward.full_name,
            city=c.ward.ward.city,
            link=urls.relative(here, urls.ward(c.ward.ward.id)),
            targets=len(c.ward.targets),
            projects=len(c.ward.projects),
            tasks=len(c.ward.priority_tasks),
            documents=[_document_label(d) for d in c.ward.documents],
            summary=_summary(c, list(c.ward.targets), here),
            project_counts=_project_counts(c),
        )
        for c in wards
    ]
    compared = any(w.ward.indicators and _has_indicator(w.ward.targets) for w in wards)
    return HomePage(
        here,
        t("site.wards"),
        day(as_of),
        urls.relative(here, urls.METHODOLOGY),
        cards,
        urls.relative(here, urls.COMPARE) if compared else None,
    )


def _has_indicator(targets: Sequence[Target]) -> bool:
    return any(x.indicator or _has_indicator(x.children) for x in targets)


def build_ward(computed: ComputedWard) -> WardPage:
    """A ward's overview page."""
    ward = computed.ward
    here = urls.ward(ward.ward.id)
    titles = {d.id: d.title for d in ward.documents}

    def row(target: Target) -> TargetRowView:
        return TargetRowView(
            code=target.code,
            name=target.name,
            link=urls.relative(here, urls.target(ward.ward.id, target.id)),
            unit=target.unit,
            value_text=target.value_text,
            value_when=_value_when(target.goal) if target.value_text else None,
            yearly_text=target.yearly_text,
            yearly_when=_yearly_when(target.goal) if target.yearly_text else None,
            lead_unit=target.lead_unit,
            status=_status_view(computed.targets[target.id]),
            children=[row(c) for c in target.children],
        )

    def group_view(group: TargetGroup) -> GroupView:
        members = [x for x in ward.targets if x.group == group.id]
        return GroupView(
            group.code,
            group.name,
            group.inferred,
            note_html(group.description) if group.description else None,
            _summary(computed, members, here, explain=False),
            [row(x) for x in members],
        )

    groups = [group_view(g) for g in ward.groups]
    documents = [
        DocumentView(
            title=d.title,
            number=d.number,
            date=day(d.date) if d.date else d.date_text,
            date_printed=d.date is None,
            status=t(f"doc.status.{d.status}"),
            version_label=d.version_label,
            issuer=d.issuer,
            signer=", ".join(x for x in (d.signer_title, d.signer) if x) or None,
            revises=titles.get(d.revises) if d.revises else None,
            summary=note_html(d.summary) if d.summary else None,
            notes=_notes(ward, d.notes),
        )
        for d in ward.documents
    ]
    project_tables = [
        ProjectTableView(
            title=_table_label(table),
            inferred=table.inferred,
            notes=_notes(ward, table.notes),
            rows=[
                ProjectRowView(
                    code=row.code,
                    name=row.name,
                    link=urls.relative(here, urls.project(ward.ward.id, p.id)),
                    kind=t(f"project_kind.{p.kind}"),
                    lead_unit=row.lead_unit or p.lead_unit,
                    timeframe=row.timeframe or _timeframe_text(p),
                    funding=row.funding or p.funding,
                    status=_project_status_view(computed, p),
                )
                for p in ward.projects
                for row in p.rows
                if row.table == table.id
            ],
        )
        for table in ward.tables
    ]
    return WardPage(
        url=here,
        title=ward.ward.full_name,
        breadcrumbs=_breadcrumbs(here),
        search=_search(ward, t("search.kind.ward"), None),
        name=ward.ward.full_name,
        city=ward.ward.city,
        formed=note_html(ward.ward.formed) if ward.ward.formed else None,
        facts=[
            FactView(
                f.label,
                f.value_text + (f" {f.unit}" if f.unit else ""),
                _cite(ward, f.source),
                _source_view(ward, f.source),
            )
            for f in ward.ward.facts
        ],
        former_wards=[f.name for f in ward.ward.former_wards],
        as_of=day(computed.as_of),
        methodology=urls.relative(here, urls.METHODOLOGY),
        summary=_summary(computed, list(ward.targets), here),
        project_counts=_project_counts(computed),
        documents=documents,
        groups=groups,
        project_tables=project_tables,
        priority_tasks=[_task_view(ward, x) for x in ward.priority_tasks],
        breakthroughs=[_task_view(ward, x) for x in ward.breakthroughs],
        main_tasks=[_task_view(ward, x) for x in ward.main_tasks],
        results=_results(ward, here),
        plotly_src=urls.relative(here, urls.PLOTLY_JS),
        open_data=_open_data(here, computed, _ward_links(here, ward.ward.id)),
        report=urls.relative(here, urls.report(ward.ward.id)),
        feed=urls.relative(here, urls.ward_feed(ward.ward.id)),
    )


def build_target(computed: ComputedWard, target: Target) -> TargetPage:
    """A target's page, with its children as sections."""
    ward = computed.ward
    here = urls.target(ward.ward.id, target.id)
    group = next((g for g in ward.groups if g.id == target.group), None)
    title = f"{target.code} {target.name}" if target.code else target.name
    related = [
        Link(p.name, urls.relative(here, urls.project(ward.ward.id, p.id)))
        for p in ward.projects
        if target.id in p.related_targets
    ]
    return TargetPage(
        url=here,
        title=title,
        breadcrumbs=_breadcrumbs(here, ward),
        search=_search(
            ward, t("search.kind.target"), t(f"status.{computed.targets[target.id].status}")
        ),
        as_of=day(computed.as_of),
        methodology=urls.relative(here, urls.METHODOLOGY),
        group=(f"{group.code}. {group.name}" if group.code else group.name) if group else None,
        restored=target.restored_from_ocr,
        sources=[_source_view(ward, s) for s in target.sources],
        body=_target_body(computed, target),
        related_projects=related,
        plotly_src=urls.relative(here, urls.PLOTLY_JS),
        open_data=_open_data(
            here,
            computed,
            _page_data_links(
                here,
                ward.ward.id,
                target.id,
                [urls.target_data(ward.ward.id, target.id, x) for x in ("csv", "json")],
            ),
            "targets.yaml",
            "series.yaml",
        ),
    )


def _timeline(ward: WardData, project: Project) -> list[TimelineItem]:
    """Status changes, milestones and progress, oldest first; undated milestones last."""
    dated: list[tuple[tuple[int, int, int], TimelineItem]] = []
    for change in project.status_history:
        item = TimelineItem(
            day(change.date),
            "status",
            t(f"project_status.{change.status}"),
            change.source,
            note_html(change.note) if change.note else None,
            None,
        )
        dated.append(((change.date.year, change.date.month, change.date.day), item))
    for m in project.milestones:
        when = day(m.date) if m.date else (str(m.year) if m.year else "")
        key_date = m.date or (date(m.year, 12, 31) if m.year else date(9999, 12, 31))
        dated.append(
            (
                (key_date.year, key_date.month, key_date.day),
                TimelineItem(when, "milestone", m.text, m.source, None, m.done),
            )
        )
    for p in project.progress:
        item = TimelineItem(
            period(p.period), "progress", f"{number(p.value)}%", p.source, None, None
        )
        end = period_bounds(p.period)[1]
        dated.append(((end.year, end.month, end.day), item))
    dated.sort(key=lambda pair: pair[0])
    return [item for _, item in dated]


def build_project(computed: ComputedWard, project: Project) -> ProjectPage:
    """A project's page, listing every appendix row that names it."""
    ward = computed.ward
    here = urls.project(ward.ward.id, project.id)
    tables = {tb.id: tb for tb in ward.tables}
    target_links = _target_links(ward)

    budget = None
    if project.budget:
        budget = project.budget.text
    return ProjectPage(
        url=here,
        title=project.name,
        breadcrumbs=_breadcrumbs(here, ward),
        search=_search(
            ward, t("search.kind.project"), t(f"project_status.{computed.projects[project.id][0]}")
        ),
        kind=t(f"project_kind.{project.kind}"),
        name=project.name,
        status=_project_status_view(computed, project),
        status_rule=(
            urls.methodology_rule(here, urls.RULE_PROJECT_OVERDUE)
            if computed.projects[project.id][0] == "overdue"
            else None
        ),
        as_of=day(computed.as_of),
        context=project.context,
        restored=project.restored_from_ocr,
        lead_unit=project.lead_unit,
        partners=project.partners,
        timeframe=_timeframe_text(project),
        funding=project.funding,
        budget=budget,
        location=project.location,
        rows=[
            ProjectSourceRowView(
                _table_label(tables[r.table]),
                r.code,
                r.name,
                r.lead_unit,
                r.partners,
                r.timeframe,
                r.funding,
                r.remark,
                _source_view(ward, r.source),
            )
            for r in project.rows
        ],
        timeline=_timeline(ward, project),
        related_targets=[
            Link(target_links[i][0], urls.relative(here, target_links[i][1]))
            for i in project.related_targets
        ],
        parts=list(project.parts),
        notes=_notes(ward, project.notes),
        open_data=_open_data(
            here,
            computed,
            _page_data_links(
                here,
                ward.ward.id,
                project.id,
                [urls.project_data(ward.ward.id, project.id, x) for x in ("csv", "json")],
            ),
            "projects.yaml",
        ),
    )


def build_downloads(wards: list[ComputedWard], sizes: Mapping[str, int | str]) -> DownloadsPage:
    """The downloads page's list of files, with their sizes (path -> bytes).

    A size may be a text to show instead: the plugin's placeholder for a file still
    being written (`plugin._shown_sizes`), replaced in the finished page.
    """
    here = urls.DOWNLOADS
    ward_views = []
    for computed in wards:
        ward = computed.ward
        data = _open_data(here, computed, [])
        ward_views.append(
            WardDownloads(
                name=ward.ward.full_name,
                link=urls.relative(here, urls.ward(ward.ward.id)),
                updated=data.updated,
                basis=data.basis,
                files=_ward_links(here, ward.ward.id, sizes),
            )
        )
    site = [
        _download(here, t("downloads.file.site_json"), urls.site_data("json"), sizes=sizes),
        _download(here, t("downloads.file.site_zip"), urls.site_data("zip"), sizes=sizes),
    ]
    schemas = [
        _download(here, path.rsplit("/", 1)[-1], path, sizes=sizes)
        for path in sorted(sizes)
        if path.startswith("schema/v")
    ]
    standard = [
        _download(here, t("downloads.file.datapackage"), metadata.DATAPACKAGE, sizes=sizes),
        _download(here, t("downloads.file.csvw"), metadata.CSVW_METADATA, sizes=sizes),
        *(
            _download(here, path.removeprefix("schema/"), path, sizes=sizes)
            for path in sorted(sizes)
            if path.startswith((metadata.TABLE_SCHEMA_FOLDER, metadata.CSVW_SCHEMA_FOLDER))
        ),
        _download(here, t("downloads.file.licence"), metadata.LICENCE_FILE, sizes=sizes),
    ]
    as_of = day(wards[0].as_of) if wards else ""
    return DownloadsPage(
        here,
        t("downloads.page"),
        as_of,
        ward_views,
        site,
        schemas,
        [link for link in standard if link.size is not None],
        t("downloads.licence.title"),
        metadata.LICENCE_URL,
    )


def build_search_shortcuts(wards: list[ComputedWard]) -> SearchShortcuts:
    """The wards the results page can offer when a query names one."""
    here = urls.SEARCH
    shortcuts = [
        WardShortcut(
            name=c.ward.ward.full_name,
            link=urls.relative(here, urls.ward(c.ward.ward.id)),
            key=ascii_fold(c.ward.ward.name).casefold(),
        )
        for c in wards
    ]
    # The filter's values are the index's (Vietnamese); the labels the page's language.
    kinds = [
        (t(key, "vi"), t(key))
        for key in (
            "search.kind.ward",
            "search.kind.target",
            "search.kind.project",
            "search.kind.comparison",
        )
    ]
    return SearchShortcuts(here, t("search.shortcuts"), shortcuts, kinds, _topics(wards))


def _topics(wards: list[ComputedWard]) -> list[Link]:
    """The candidate topics (label `search.topics`) that some target or project names."""
    names = [match_key(p.name) for c in wards for p in c.ward.projects]

    def collect(target: Target) -> None:
        names.append(match_key(target.name))
        for child in target.children:
            collect(child)

    for c in wards:
        for target in c.ward.targets:
            collect(target)
    topics = [topic.strip() for topic in t("search.topics").split(";") if topic.strip()]
    return [
        Link(topic, "?" + urlencode({"q": topic}))
        for topic in topics
        if any(match_key(topic) in name for name in names)
    ]
