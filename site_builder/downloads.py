"""Open data: every download of the site, as bytes by site-relative path.

Pure functions of the computed wards (statuses, series, last-updated dates), so the
plugin adds them to the site in memory and `site-builder downloads` writes the same
bytes to a folder. For each ward:

- each target's and project's data beside its page (`data.csv`, `data.json`);
- `du-lieu/<ward>/`: targets, projects and measurements as CSV, everything as JSON,
  and the staff workbook as XLSX (`excel.export_workbook`);

and for the site `du-lieu/cam-ket-phuong.json` and `.zip`, plus the JSON Schemas of
the data files under `schema/v<n>/`.

Conventions, stated once (also in content/du-lieu.md):

- machine-readable values: ISO dates, periods as in the data (`2026`, `2026-Q2`),
  numbers with a dot and no grouping; printed text kept beside them (`value_text`);
- every row carries its status (code and Vietnamese label), its source reference
  (document id, title, number and date, section, row, page, exact quote) and the date
  its data file last changed with how that date is known (`history`);
- CSV is UTF-8 with a byte order mark and CRLF line ends, so Excel opens it with the
  right characters. A text cell that starts with `=`, `+`, `-` or `@` gets a leading
  `'`, or Excel would run it as a formula (many quotes start with "- "); the JSON
  files keep the text exactly;
- the `files` of a ward's JSON are the data files as loaded: each validates against
  `schema/v1/<file>.schema.json`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import urls
from .archive import add_entry
from .computed import ComputedWard
from .excel import export_workbook
from .history import UNKNOWN, LastUpdated
from .labels import t
from .load import WardData
from .model import (
    SCHEMA_VERSION,
    Document,
    Project,
    ProjectsFile,
    Series,
    SeriesFile,
    Source,
    Target,
    TargetsFile,
    TasksFile,
    WardFile,
)
from .schema import schemas
from .status import period_end

FORMAT_VERSION = 1
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Row = Mapping[str, Any]


# ---------------------------------------------------------------- encoding


def _cell(value: Any) -> str:
    """One CSV cell: numbers with a dot, booleans as true/false, text guarded for Excel."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(columns: Sequence[str], rows: Iterable[Row]) -> bytes:
    """CSV for Excel and for programs: UTF-8 with BOM, CRLF, a header of `columns`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def json_bytes(value: Any) -> bytes:
    """Readable, stable JSON (keys in insertion order, non-ASCII kept)."""
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def file_digests(folder: Path, paths: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Size and SHA-256 of files under `folder`, for `write_site_archive(described=...)`."""
    digests = {}
    for path in paths:
        content = (folder / path).read_bytes()
        digests[path] = (len(content), hashlib.sha256(content).hexdigest())
    return digests


# Stands for the list of wards in the site JSON until the wards' own text is put in.
_WARDS_SLOT = "\ue000wards\ue001"


def site_json_bytes(head: Mapping[str, Any], wards: Sequence[bytes]) -> bytes:
    """`json_bytes({**head, "wards": [...]})` from each ward's own JSON file, unparsed.

    Reading a province's ward files back and serialising them again was most of the
    site files' time (the indented encoder is pure Python). With `indent=1`, a ward
    nested in the list is its own text with two more spaces on every line after the
    first (JSON text holds no raw newline inside a string), so it is put in as text;
    tests/test_downloads.py checks it against the encoder on the real data.
    """
    outer = json_bytes({**head, "wards": _WARDS_SLOT})
    slot = json.dumps(_WARDS_SLOT, ensure_ascii=False).encode("utf-8")
    if not wards:
        return outer.replace(slot, b"[]", 1)
    nested = [b"\n".join(b"  " + line for line in w.rstrip(b"\n").split(b"\n")) for w in wards]
    return outer.replace(slot, b"[\n" + b",\n".join(nested) + b"\n ]", 1)


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json", exclude_none=True)


# ---------------------------------------------------------------- shared columns


class _Ward:
    """What every row of one ward shares: ids, names, documents, statuses, dates, URLs."""

    def __init__(self, computed: ComputedWard, site_url: str) -> None:
        self.computed = computed
        self.data: WardData = computed.ward
        self.id = self.data.ward.id
        self.site_url = site_url
        self.documents = {d.id: d for d in self.data.documents}
        self.areas = {f.id: f.name for f in self.data.ward.former_wards}
        self.groups = {g.id: g for g in self.data.groups}

    def url(self, path: str) -> str:
        return self.site_url + path

    def updated(self, *names: str) -> dict[str, Any]:
        return _updated_columns(self.computed.updated_of(*names))

    def source(self, source: Source | None) -> dict[str, Any]:
        if source is None:
            return {}
        doc: Document = self.documents[source.document]
        return {
            "source_document": source.document,
            "source_title": doc.title,
            "source_number": doc.number,
            "source_date": doc.date.isoformat() if doc.date else doc.date_text,
            "source_section": source.section,
            "source_row": source.row,
            "source_page": source.page,
            "source_quote": source.quote,
        }

    def target_status(self, target: Target) -> dict[str, Any]:
        assessment = self.computed.targets.get(target.id)
        if assessment is None:
            return {}
        return {
            "status": assessment.status,
            "status_label": t(f"status.{assessment.status}"),
            "status_method": assessment.method,
            "status_overridden": assessment.overridden,
            "status_preliminary": assessment.preliminary,
            "status_explanation": assessment.explanation,
        }

    def project_status(self, project: Project) -> dict[str, Any]:
        status, explanation = self.computed.projects.get(project.id, ("unknown", ""))
        return {
            "status": status,
            "status_label": t(f"project_status.{status}"),
            "status_explanation": explanation,
        }


def _updated_columns(updated: LastUpdated) -> dict[str, Any]:
    return {
        "updated": updated.date.isoformat() if updated.date else None,
        "updated_basis": updated.basis,
    }


def _references(sources: Sequence[Source]) -> str:
    """Every source of an item on one line: `ctr-04-2025, Phụ lục 1, mục I, hàng 1 | ...`."""
    parts = []
    for s in sources:
        bits = [
            s.document,
            s.section or "",
            f"{t('source.row').lower()} {s.row}" if s.row else "",
            f"{t('source.page').lower()} {s.page}" if s.page else "",
        ]
        parts.append(", ".join(b for b in bits if b))
    return " | ".join(parts)


_STATUS_COLUMNS = [
    "status",
    "status_label",
    "status_method",
    "status_overridden",
    "status_preliminary",
    "status_explanation",
]
_SOURCE_COLUMNS = [
    "source_document",
    "source_title",
    "source_number",
    "source_date",
    "source_section",
    "source_row",
    "source_page",
    "source_quote",
]
_UPDATED_COLUMNS = ["updated", "updated_basis"]


def _period_order(item: Any) -> tuple[date, str]:
    """Periods in time order: `2026-Q2` (ends 30/06) before `2026` (ends 31/12)."""
    return period_end(item.period), item.period


def _walk(target: Target, parent: Target | None = None) -> Iterator[tuple[Target, Target | None]]:
    yield target, parent
    for child in target.children:
        yield from _walk(child, target)


def _series_of(w: _Ward, target: Target) -> list[Series]:
    """Series measuring a target or one of its children, in file order."""
    ids = {x.id for x, _ in _walk(target)}
    return [s for s in w.data.series if s.target in ids]


# ---------------------------------------------------------------- one target


TARGET_DATA_COLUMNS = [
    "ward_id",
    "target_id",
    "parent_id",
    "target_code",
    "target_name",
    "unit",
    "row_type",
    "series_id",
    "series_name",
    "area_id",
    "area_name",
    "period",
    "value",
    "comparator",
    "value_low",
    "value_high",
    "value_text",
    "flags",
    "note",
    *_STATUS_COLUMNS,
    *_SOURCE_COLUMNS,
    *_UPDATED_COLUMNS,
    "page_url",
]


def _target_data_rows(w: _Ward, top: Target) -> Iterator[dict[str, Any]]:
    page = w.url(urls.target(w.id, top.id))
    updated = w.updated("targets.yaml", "series.yaml")
    series = _series_of(w, top)
    for target, parent in _walk(top):
        base = {
            "ward_id": w.id,
            "target_id": target.id,
            "parent_id": parent.id if parent else None,
            "target_code": target.code,
            "target_name": target.name,
            "unit": target.unit,
            **w.target_status(target),
            **updated,
            "page_url": page,
        }
        for s in series:
            if s.target != target.id:
                continue
            for obs in sorted(s.observations, key=_period_order):
                yield {
                    **base,
                    "row_type": "observation",
                    "series_id": s.id,
                    "series_name": s.name,
                    "area_id": s.area,
                    "area_name": w.areas.get(s.area) if s.area else None,
                    "period": obs.period,
                    "value": obs.value,
                    "value_text": obs.value_text,
                    "flags": " ".join(obs.flags) or None,
                    "note": obs.note,
                    **w.source(obs.source),
                }
        principal = target.sources[0] if target.sources else None
        for m in target.milestones:
            yield {
                **base,
                "row_type": "milestone",
                "period": str(m.year),
                "value": m.value,
                "comparator": m.comparator,
                "value_low": m.low,
                "value_high": m.high,
                "value_text": m.text,
                **w.source(m.source or principal),
            }
        goal = target.goal
        if goal is not None:
            year = goal.year or goal.end_year
            yield {
                **base,
                "row_type": "goal",
                "period": str(year) if year else None,
                "value": goal.value,
                "comparator": goal.comparator,
                "value_low": goal.low,
                "value_high": goal.high,
                "value_text": target.value_text or target.yearly_text,
                **w.source(principal),
            }


def _cited(value: Any) -> Iterator[str]:
    """Ids of the documents every `Source` inside `value` cites."""
    if isinstance(value, Source):
        yield value.document
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _cited(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _cited(item)


def _documents_for(w: _Ward, models: Iterable[Any]) -> list[dict[str, Any]]:
    """The documents cited anywhere inside `models`, in the ward's order."""
    cited = {doc for model in models for doc in _cited(model)}
    return [
        {
            "id": d.id,
            "title": d.title,
            "number": d.number,
            "date": d.date.isoformat() if d.date else d.date_text,
            "status": d.status,
        }
        for d in w.data.documents
        if d.id in cited
    ]


def _target_json(w: _Ward, top: Target) -> dict[str, Any]:
    series = _series_of(w, top)
    return {
        "format": "cam-ket-phuong/target",
        "format_version": FORMAT_VERSION,
        "as_of": w.computed.as_of.isoformat(),
        "ward": {"id": w.id, "name": w.data.ward.full_name},
        "page_url": w.url(urls.target(w.id, top.id)),
        "updated": w.computed.updated_of("targets.yaml", "series.yaml").as_dict(),
        "status": {x.id: w.target_status(x) for x, _ in _walk(top)},
        "target": _dump(top),
        "series": [_dump(s) for s in series],
        "documents": _documents_for(w, [top, *series]),
    }


# ---------------------------------------------------------------- one project


PROJECT_DATA_COLUMNS = [
    "ward_id",
    "project_id",
    "project_name",
    "kind",
    "row_type",
    "date",
    "period",
    "value",
    "text",
    "event_status",
    "event_status_label",
    "done",
    "basis",
    "table_id",
    "table_title",
    "row_code",
    "lead_unit",
    "partners",
    "timeframe",
    "funding",
    "remark",
    "status",
    "status_label",
    "status_explanation",
    *_SOURCE_COLUMNS,
    *_UPDATED_COLUMNS,
    "page_url",
]


def _project_data_rows(w: _Ward, project: Project) -> Iterator[dict[str, Any]]:
    tables = {tb.id: tb for tb in w.data.tables}
    base = {
        "ward_id": w.id,
        "project_id": project.id,
        "project_name": project.name,
        "kind": project.kind,
        **w.project_status(project),
        **w.updated("projects.yaml"),
        "page_url": w.url(urls.project(w.id, project.id)),
    }
    for row in project.rows:
        yield {
            **base,
            "row_type": "appendix_row",
            "text": row.name,
            "table_id": row.table,
            "table_title": tables[row.table].title,
            "row_code": row.code,
            "lead_unit": row.lead_unit,
            "partners": row.partners,
            "timeframe": row.timeframe,
            "funding": row.funding,
            "remark": row.remark,
            **w.source(row.source),
        }
    for change in sorted(project.status_history, key=lambda c: c.date):
        yield {
            **base,
            "row_type": "status",
            "date": change.date.isoformat(),
            "event_status": change.status,
            "event_status_label": t(f"project_status.{change.status}"),
            "text": change.note,
            "basis": change.source,
        }
    for m in project.milestones:
        yield {
            **base,
            "row_type": "milestone",
            "date": m.date.isoformat() if m.date else None,
            "period": str(m.year) if m.year else None,
            "text": m.text,
            "done": m.done,
            "basis": m.source,
        }
    for p in sorted(project.progress, key=_period_order):
        yield {
            **base,
            "row_type": "progress",
            "period": p.period,
            "value": p.value,
            "basis": p.source,
        }


def _project_json(w: _Ward, project: Project) -> dict[str, Any]:
    status = w.project_status(project)
    return {
        "format": "cam-ket-phuong/project",
        "format_version": FORMAT_VERSION,
        "as_of": w.computed.as_of.isoformat(),
        "ward": {"id": w.id, "name": w.data.ward.full_name},
        "page_url": w.url(urls.project(w.id, project.id)),
        "updated": w.computed.updated_of("projects.yaml").as_dict(),
        "status": status,
        "project": _dump(project),
        "tables": [
            _dump(tb) for tb in w.data.tables if any(r.table == tb.id for r in project.rows)
        ],
        "documents": _documents_for(w, [project]),
    }


# ---------------------------------------------------------------- one ward


WARD_TARGET_COLUMNS = [
    "ward_id",
    "target_id",
    "parent_id",
    "group_id",
    "group_code",
    "group_name",
    "code",
    "name",
    "unit",
    "indicator",
    "value_text",
    "yearly_text",
    "goal_kind",
    "goal_comparator",
    "goal_value",
    "goal_low",
    "goal_high",
    "goal_year",
    "goal_start_year",
    "goal_end_year",
    "goal_direction",
    "lead_unit",
    "partners",
    *_STATUS_COLUMNS,
    "latest_period",
    "latest_value",
    "sources",
    *_SOURCE_COLUMNS,
    *_UPDATED_COLUMNS,
    "page_url",
    "data_csv",
    "data_json",
]


def _ward_target_rows(w: _Ward) -> Iterator[dict[str, Any]]:
    updated = w.updated("targets.yaml", "series.yaml")
    for top in w.data.targets:
        group = w.groups.get(top.group) if top.group else None
        for target, parent in _walk(top):
            goal = target.goal
            last = w.computed.latest_measurement(target) or (None, None)
            yield {
                "ward_id": w.id,
                "target_id": target.id,
                "parent_id": parent.id if parent else None,
                "group_id": group.id if group else None,
                "group_code": group.code if group else None,
                "group_name": group.name if group else None,
                "code": target.code,
                "name": target.name,
                "unit": target.unit,
                "indicator": target.indicator,
                "value_text": target.value_text,
                "yearly_text": target.yearly_text,
                **({f"goal_{k}": v for k, v in goal.model_dump().items()} if goal else {}),
                "lead_unit": target.lead_unit,
                "partners": target.partners,
                **w.target_status(target),
                "latest_period": last[0],
                "latest_value": last[1],
                "sources": _references(target.sources),
                **w.source(target.sources[0] if target.sources else None),
                **updated,
                "page_url": w.url(urls.target(w.id, top.id)) + (f"#{target.id}" if parent else ""),
                "data_csv": w.url(urls.target_data(w.id, top.id, "csv")),
                "data_json": w.url(urls.target_data(w.id, top.id, "json")),
            }


WARD_PROJECT_COLUMNS = [
    "ward_id",
    "project_id",
    "name",
    "kind",
    "context",
    "lead_unit",
    "partners",
    "timeframe_text",
    "timeframe_start",
    "timeframe_end",
    "timeframe_end_date",
    "funding",
    "budget_text",
    "budget_value",
    "budget_unit",
    "location",
    "status",
    "status_label",
    "status_explanation",
    "last_status",
    "last_status_date",
    "last_progress_period",
    "last_progress_value",
    "related_targets",
    "tables",
    "sources",
    *_UPDATED_COLUMNS,
    "page_url",
    "data_csv",
    "data_json",
]


def _ward_project_rows(w: _Ward) -> Iterator[dict[str, Any]]:
    updated = w.updated("projects.yaml")
    for p in w.data.projects:
        history = sorted(p.status_history, key=lambda c: c.date)
        progress = sorted(p.progress, key=_period_order)
        tf = p.timeframe
        yield {
            "ward_id": w.id,
            "project_id": p.id,
            "name": p.name,
            "kind": p.kind,
            "context": p.context,
            "lead_unit": p.lead_unit,
            "partners": p.partners,
            "timeframe_text": tf.text if tf else None,
            "timeframe_start": tf.start if tf else None,
            "timeframe_end": tf.end if tf else None,
            "timeframe_end_date": tf.end_date.isoformat() if tf and tf.end_date else None,
            "funding": p.funding,
            "budget_text": p.budget.text if p.budget else None,
            "budget_value": p.budget.value if p.budget else None,
            "budget_unit": p.budget.unit if p.budget else None,
            "location": p.location,
            **w.project_status(p),
            "last_status": history[-1].status if history else None,
            "last_status_date": history[-1].date.isoformat() if history else None,
            "last_progress_period": progress[-1].period if progress else None,
            "last_progress_value": progress[-1].value if progress else None,
            "related_targets": " ".join(p.related_targets) or None,
            "tables": " ".join(dict.fromkeys(r.table for r in p.rows)),
            "sources": _references([r.source for r in p.rows]),
            **updated,
            "page_url": w.url(urls.project(w.id, p.id)),
            "data_csv": w.url(urls.project_data(w.id, p.id, "csv")),
            "data_json": w.url(urls.project_data(w.id, p.id, "json")),
        }


WARD_OBSERVATION_COLUMNS = [
    "ward_id",
    "series_id",
    "series_name",
    "unit",
    "area_id",
    "area_name",
    "target_id",
    "period",
    "value",
    "value_text",
    "flags",
    "note",
    *_SOURCE_COLUMNS,
    *_UPDATED_COLUMNS,
]


def _ward_observation_rows(w: _Ward) -> Iterator[dict[str, Any]]:
    updated = w.updated("series.yaml")
    for s in w.data.series:
        for obs in sorted(s.observations, key=_period_order):
            yield {
                "ward_id": w.id,
                "series_id": s.id,
                "series_name": s.name,
                "unit": s.unit,
                "area_id": s.area,
                "area_name": w.areas.get(s.area) if s.area else None,
                "target_id": s.target,
                "period": obs.period,
                "value": obs.value,
                "value_text": obs.value_text,
                "flags": " ".join(obs.flags) or None,
                "note": obs.note,
                **w.source(obs.source),
                **updated,
            }


def _ward_json(w: _Ward) -> dict[str, Any]:
    d = w.data
    files = {
        "ward.yaml": WardFile(
            ward=d.ward, organisations=list(d.organisations), documents=list(d.documents)
        ),
        "targets.yaml": TargetsFile(groups=list(d.groups), targets=list(d.targets)),
        "projects.yaml": ProjectsFile(tables=list(d.tables), projects=list(d.projects)),
        "tasks.yaml": TasksFile(
            priority_tasks=list(d.priority_tasks),
            breakthroughs=list(d.breakthroughs),
            main_tasks=list(d.main_tasks),
        ),
        "series.yaml": SeriesFile(series=list(d.series)),
    }
    targets = [x for top in d.targets for x, _ in _walk(top)]
    return {
        "format": "cam-ket-phuong/ward",
        "format_version": FORMAT_VERSION,
        "as_of": w.computed.as_of.isoformat(),
        "ward": {"id": w.id, "name": d.ward.full_name, "city": d.ward.city},
        "page_url": w.url(urls.ward(w.id)),
        "schema": {
            name: w.url(
                urls.schema_file(SCHEMA_VERSION, name.removesuffix(".yaml") + ".schema.json")
            )
            for name in files
        },
        "updated": {name: w.computed.updated.get(name, UNKNOWN).as_dict() for name in files},
        "status": {
            "targets": {x.id: w.target_status(x) for x in targets},
            "projects": {p.id: w.project_status(p) for p in d.projects},
        },
        "files": {name: _dump(model) for name, model in files.items()},
    }


def ward_files(computed: ComputedWard, site_url: str = "") -> dict[str, bytes]:
    """Every download of one ward, by site-relative path."""
    w = _Ward(computed, site_url)
    out: dict[str, bytes] = {}
    for top in w.data.targets:
        out[urls.target_data(w.id, top.id, "csv")] = csv_bytes(
            TARGET_DATA_COLUMNS, _target_data_rows(w, top)
        )
        out[urls.target_data(w.id, top.id, "json")] = json_bytes(_target_json(w, top))
    for project in w.data.projects:
        out[urls.project_data(w.id, project.id, "csv")] = csv_bytes(
            PROJECT_DATA_COLUMNS, _project_data_rows(w, project)
        )
        out[urls.project_data(w.id, project.id, "json")] = json_bytes(_project_json(w, project))
    out[urls.ward_data(w.id, "chi-tieu", "csv")] = csv_bytes(
        WARD_TARGET_COLUMNS, _ward_target_rows(w)
    )
    out[urls.ward_data(w.id, "du-an", "csv")] = csv_bytes(
        WARD_PROJECT_COLUMNS, _ward_project_rows(w)
    )
    out[urls.ward_data(w.id, "so-lieu", "csv")] = csv_bytes(
        WARD_OBSERVATION_COLUMNS, _ward_observation_rows(w)
    )
    out[urls.ward_data(w.id, None, "json")] = json_bytes(_ward_json(w))
    out[urls.ward_data(w.id, None, "xlsx")] = export_workbook(computed)
    return out


# ---------------------------------------------------------------- the site


def schema_files(data_dir: Path) -> dict[str, bytes]:
    """The JSON Schemas to publish: every version kept under `data/schema/`, and the current.

    Versions kept are `v1/`, later `v2/`; the current version is taken as the model
    generates it (the same bytes as the committed files, which a test keeps fresh; also
    there for data folders without them).
    """
    root = data_dir / "schema"
    out = {
        f"schema/{path.relative_to(root).as_posix()}": path.read_bytes()
        for path in sorted(root.glob("v*/*.schema.json"))
    }
    for name, text in schemas().items():
        out[urls.schema_file(SCHEMA_VERSION, name)] = text.encode("utf-8")
    return dict(sorted(out.items()))


_README = """Cam kết phường 2025-2030: dữ liệu mở
======================================

{site}

Mỗi phường một thư mục:
  <phường>.json           toàn bộ dữ liệu của phường, trạng thái, ngày cập nhật
  <phường>.xlsx           bảng tính (bố cục như phụ lục của văn bản)
  <phường>-chi-tieu.csv   chỉ tiêu, mỗi chỉ tiêu một hàng
  <phường>-du-an.csv      dự án, công trình, mỗi dự án một hàng
  <phường>-so-lieu.csv    số liệu đo được, mỗi kỳ một hàng
cam-ket-phuong.json       mọi phường trong một tệp
schema/v1/                lược đồ JSON Schema của các tệp dữ liệu
schema/table/             lược đồ bảng (Table Schema) của mỗi loại tệp CSV
schema/csvw/              lược đồ CSVW của mỗi loại tệp CSV
datapackage.json          mô tả mọi tệp theo chuẩn Frictionless Data Package
csv-metadata.json         mô tả các tệp CSV theo chuẩn CSV on the Web (CSVW)
LICENSE.txt               giấy phép dữ liệu: CC BY 4.0

CSV: UTF-8 có BOM, dấu phẩy phân cách, số dùng dấu chấm thập phân, ngày dạng 2026-06-30.
Ô văn bản bắt đầu bằng = + - @ được thêm dấu ' ở đầu để Excel không hiểu là công thức;
tệp JSON giữ nguyên văn.
Số liệu tính đến: {as_of}.
"""


def _put(folder: Path, path: str, content: bytes) -> int:
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return len(content)


def write_ward_files(computed: ComputedWard, folder: Path, site_url: str = "") -> dict[str, int]:
    """Write one ward's downloads under `folder`; their sizes by site path.

    Wards are independent, so a build may run this for several wards at once in worker
    processes; `write_site_archive` then gathers the ward files into the site's own.
    """
    return {
        path: _put(folder, path, content)
        for path, content in ward_files(computed, site_url).items()
    }


# A ward's own files, as they appear in the site ZIP (the per-page files stay out).
_ZIPPED_WARD_FILES = (
    (None, "json"),
    (None, "xlsx"),
    ("chi-tieu", "csv"),
    ("du-an", "csv"),
    ("so-lieu", "csv"),
)


def site_archive_paths(schemas: Mapping[str, bytes]) -> list[str]:
    """The paths `write_site_archive` writes, known before it runs (it may run aside)."""
    from . import metadata

    return [
        *schemas,
        *metadata.schema_files(),
        urls.site_data("json"),
        metadata.LICENCE_FILE,
        urls.site_data("zip"),
        metadata.CSVW_METADATA,
        metadata.DATAPACKAGE,
    ]


def write_site_archive(
    ward_ids: Sequence[str],
    schemas: Mapping[str, bytes],
    folder: Path,
    as_of: date | None,
    site_url: str = "",
    ward_paths: Iterable[str] = (),
    described: Mapping[str, tuple[int, str]] | None = None,
    sources: Mapping[str, Path] | None = None,
) -> dict[str, int]:
    """Write the site's own files and the site ZIP; their sizes by path.

    They are made from the ward files that `write_ward_files` left under `folder`
    (`ward_paths`, every one of them, per-page files included): the JSON Schemas, the
    Table Schemas and CSVW schemas, the whole-site JSON, the licence, the ZIP, and the
    metadata describing them all (`metadata.py`): `csv-metadata.json` and
    `datapackage.json` at the site root, another pair inside the ZIP for its layout.

    The ZIP is written as it grows and the ward files are read back one at a time, so
    memory never holds a province's downloads (≈ 2 GB at 12,000 pages when it did).
    `sources` gives the file of a ward's download kept elsewhere (a cache entry);
    `described` the size and hash of those already known.
    """
    # Imported here: metadata.py describes this module's columns.
    from . import metadata

    def ward_file(path: str) -> bytes:
        """A ward's download: where `sources` says (a cache entry), else under `folder`."""
        return (sources or {}).get(path, folder / path).read_bytes()

    own = {**schemas, **metadata.schema_files()}
    sizes = {path: _put(folder, path, content) for path, content in own.items()}
    as_of_text = as_of.isoformat() if as_of else ""
    ward_json = [ward_file(urls.ward_data(w, None, "json")) for w in ward_ids]
    site_json = site_json_bytes(
        {
            "format": "cam-ket-phuong/site",
            "format_version": FORMAT_VERSION,
            "as_of": as_of_text,
            "site_url": site_url or None,
        },
        ward_json,
    )
    sizes[urls.site_data("json")] = _put(folder, urls.site_data("json"), site_json)
    licence = metadata.licence_text(as_of, site_url)
    sizes[metadata.LICENCE_FILE] = _put(folder, metadata.LICENCE_FILE, licence)
    zip_path = folder / urls.site_data("zip")
    zipped: list[metadata.Described] = []
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:

        def add(name: str, content: bytes) -> None:
            add_entry(archive, name, content)
            zipped.append(metadata.Described.of(name, content))

        readme = _README.format(site=site_url or "", as_of=as_of_text).encode("utf-8")
        add("README.txt", readme)
        add("LICENSE.txt", licence)
        add(Path(urls.site_data("json")).name, site_json)
        for path, content in own.items():
            add(path, content)
        for ward_id in ward_ids:
            for part, extension in _ZIPPED_WARD_FILES:
                path = urls.ward_data(ward_id, part, extension)
                add(f"{ward_id}/{Path(path).name}", ward_file(path))
        for name, content in metadata.metadata_files(zipped, as_of, site_url).items():
            add_entry(archive, name, content)
    sizes[urls.site_data("zip")] = zip_path.stat().st_size
    # The site's own description: every download, each read back once for its hash
    # unless `described` (the workers, the cache: `file_digests`) knows it.
    known = described or {}
    files = [
        metadata.Described(path, *known[path])
        if path in known
        else metadata.Described.of(path, ward_file(path))
        for path in sorted({*ward_paths, *sizes})
    ]
    for name, content in metadata.metadata_files(files, as_of, site_url).items():
        sizes[name] = _put(folder, name, content)
    return sizes


def write_site_files(
    wards: Sequence[ComputedWard],
    schemas: Mapping[str, bytes],
    folder: Path,
    site_url: str = "",
) -> dict[str, int]:
    """Write every download of the site under `folder`; their sizes by site path."""
    sizes: dict[str, int] = {}
    for computed in wards:
        sizes.update(write_ward_files(computed, folder, site_url))
    ward_ids = [c.ward.ward.id for c in wards]
    as_of = wards[0].as_of if wards else None
    sizes.update(
        write_site_archive(ward_ids, schemas, folder, as_of, site_url, ward_paths=list(sizes))
    )
    return dict(sorted(sizes.items()))
