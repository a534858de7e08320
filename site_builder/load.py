"""Load `data/` into a checked `Dataset`, or raise one `DataErrors` with every problem.

The sequence, for each ward folder `data/wards/<id>/`:

1. read each YAML file safely (`yamlread`), keeping the position of every value;
2. validate it against its model (`model.WARD_FILES`), turning pydantic's errors into
   `DataError`s located by those positions;
3. check what a single file cannot: unique ids, references to documents,
   organisations, targets, tables and former wards, one value per period.

Nothing is returned unless every ward passed every step.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from .errors import KIND, DataError, DataErrors, Invalid, Words
from .forking import map_indices
from .model import (
    INDICATORS_FILE,
    REQUIRED_FILES,
    WARD_FILES,
    Document,
    Indicator,
    IndicatorsFile,
    Organisation,
    Project,
    ProjectsFile,
    ProjectTable,
    Series,
    SeriesFile,
    Source,
    Target,
    TargetGroup,
    TargetsFile,
    Task,
    TasksFile,
    Ward,
    WardFile,
)
from .text import match_key, sort_key
from .yamlread import Loc, ReadResult, format_loc, read_yaml

if TYPE_CHECKING:
    from .cache import LoadCache

WARDS_FOLDER = "wards"
# Fewest wards per worker worth a fork (a ward loads in ≈ 7 ms; its result is pickled).
_LEAST_WARDS = 16


@dataclass(frozen=True)
class WardData:
    """Everything known about one ward, validated and cross-checked."""

    folder: Path
    ward: Ward
    organisations: tuple[Organisation, ...]
    documents: tuple[Document, ...]
    groups: tuple[TargetGroup, ...]
    targets: tuple[Target, ...]
    series: tuple[Series, ...]
    tables: tuple[ProjectTable, ...]
    projects: tuple[Project, ...]
    priority_tasks: tuple[Task, ...]
    breakthroughs: tuple[Task, ...]
    main_tasks: tuple[Task, ...]
    files: tuple[Path, ...] = field(default=())
    # Every shared indicator of the data (`indicators.yaml`), for names and links.
    indicators: tuple[Indicator, ...] = field(default=())

    def indicator(self, code: str) -> Indicator:
        """The shared indicator with this code (codes were checked on load)."""
        return next(i for i in self.indicators if i.code == code)

    def organisation_for(self, printed: str) -> Organisation | None:
        """The organisation whose name or alias matches `printed`, ignoring spelling variants."""
        return _organisation_index(self.organisations).get(match_key(printed))

    def document(self, document_id: str) -> Document:
        """The document with this id (ids were checked on load)."""
        return next(d for d in self.documents if d.id == document_id)


@dataclass(frozen=True)
class Dataset:
    """All wards, in Vietnamese alphabetical order of their names."""

    wards: tuple[WardData, ...]
    indicators: tuple[Indicator, ...] = ()


def _organisation_index(organisations: tuple[Organisation, ...]) -> dict[str, Organisation]:
    index: dict[str, Organisation] = {}
    for org in organisations:
        for name in (org.name, *org.aliases):
            index.setdefault(match_key(name), org)
    return index


# Words for pydantic's type errors, so staff read a reason, not a type name.
_TYPE_WORDS = {
    "float_type": Words("cần một số", "a number is needed"),
    "int_type": Words("cần một số nguyên", "a whole number is needed"),
    "bool_type": Words("cần true hoặc false", "true or false is needed"),
    "list_type": Words(
        "cần một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
        "a list is needed (one item per line starting with '- ')",
    ),
    "dict_type": Words(
        "cần một nhóm trường dạng 'khóa: giá trị'", "a 'key: value' mapping is needed"
    ),
    "model_type": Words(
        "cần một nhóm trường dạng 'khóa: giá trị'", "a 'key: value' mapping is needed"
    ),
    "model_attributes_type": Words(
        "cần một nhóm trường dạng 'khóa: giá trị'", "a 'key: value' mapping is needed"
    ),
    "date_type": Words(
        "cần một ngày dạng 2025-12-31 hoặc 31/12/2025",
        "a date like 2025-12-31 or 31/12/2025 is needed",
    ),
    "string_type": Words("cần văn bản", "text is needed"),
    "int_from_float": Words("cần một số nguyên", "a whole number is needed"),
}
_VALUE_WORDS = {
    "string_too_short": Words("không được để trống", "must not be empty"),
    "too_short": Words("danh sách không được để trống", "the list must not be empty"),
    "greater_than_equal": Words(
        "nhỏ hơn giá trị cho phép ({ge})", "smaller than the least allowed value ({ge})"
    ),
    "less_than_equal": Words(
        "lớn hơn giá trị cho phép ({le})", "larger than the greatest allowed value ({le})"
    ),
    "string_too_long": Words(
        "quá dài (tối đa {max_length} ký tự)", "too long (at most {max_length} characters)"
    ),
}


def _choices(expected: str) -> Words:
    """Pydantic's "'a', 'b' or 'c'" said in each language."""
    return Words(expected.replace("' or '", "' hoặc '"), expected)


def _field_name(loc: Loc) -> str:
    return str(loc[-1]) if loc else ""


def _validation_errors(exc: ValidationError, read: ReadResult, shown_as: Path) -> list[DataError]:
    """Translate pydantic's errors into located `DataError`s."""
    out: list[DataError] = []
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(err["loc"])
        kind = err["type"]
        ctx = err.get("ctx") or {}
        info = read.positions.get(loc)
        raw = info.text if info else repr(err.get("input"))
        params: dict[str, object]
        if kind == "extra_forbidden":
            code, params = "unknown-field", {"name": _field_name(loc)}
        elif kind == "missing":
            code, params = "missing-field", {"name": _field_name(loc)}
            loc_for_position = loc[:-1]
            line, column = read.position(loc_for_position)
            out.append(DataError(shown_as, line, column, format_loc(loc), code, params))
            continue
        elif kind == "string_type" and err.get("input") is not None and info and not info.quoted:
            code = "text-needs-quotes"
            params = {"text": raw, "loaded": repr(err.get("input"))}
        elif kind == "literal_error":
            code = "invalid-choice"
            params = {"text": raw, "choices": _choices(str(ctx.get("expected", "")))}
        elif kind in _TYPE_WORDS:
            detail = _TYPE_WORDS[kind]
            if err.get("input") is None:
                detail = Words(f"giá trị trống, {detail.vi}", f"empty value, {detail.en}")
            code, params = "wrong-type", {"text": raw, "detail": detail}
        elif kind in _VALUE_WORDS:
            code = "invalid-value"
            words = _VALUE_WORDS[kind]
            params = {"detail": Words(words.vi.format(**ctx), words.en.format(**ctx))}
        elif kind == "string_pattern_mismatch":
            code = "invalid-value"
            params = {
                "detail": Words(
                    f"'{raw}' không đúng dạng (chỉ chữ thường không dấu, số và '-')",
                    f"'{raw}' has the wrong form (only lowercase ASCII letters, digits and '-')",
                )
            }
        elif kind == "value_error":
            code = "invalid-value"
            error = ctx.get("error")
            params = {
                "detail": error.words if isinstance(error, Invalid) else str(error or err["msg"])
            }
        else:
            code, params = "invalid-value", {"detail": err["msg"]}
        line, column = read.position(loc)
        out.append(DataError(shown_as, line, column, format_loc(loc), code, params))
    return out


def _iter_sources(obj: Any, loc: Loc) -> Iterator[tuple[Loc, Source]]:
    """Every `Source` inside a model, with its path."""
    if isinstance(obj, Source):
        yield loc, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _iter_sources(getattr(obj, name), (*loc, name))
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            yield from _iter_sources(item, (*loc, i))


def _iter_targets(targets: list[Target], loc: Loc) -> Iterator[tuple[Loc, Target]]:
    """Targets and, depth first, their children, with their paths."""
    for i, target in enumerate(targets):
        yield (*loc, i), target
        yield from _iter_targets(target.children, (*loc, i, "children"))


class _WardChecker:
    """Cross-file checks of one ward; collects errors instead of stopping at the first."""

    def __init__(
        self, folder: Path, data_dir: Path, indicators: tuple[Indicator, ...] = ()
    ) -> None:
        self.folder = folder
        self.data_dir = data_dir
        self.indicators = indicators
        self.errors: list[DataError] = []
        self.reads: dict[str, ReadResult] = {}

    def shown(self, name: str) -> Path:
        return (self.folder / name).relative_to(self.data_dir.parent)

    def error(self, name: str, loc: Loc, code: str, /, **params: object) -> None:
        read = self.reads.get(name)
        line, column = read.position(loc) if read else (1, 1)
        self.errors.append(DataError(self.shown(name), line, column, format_loc(loc), code, params))

    def parse(self, name: str) -> Any:
        path = self.folder / name
        if not path.exists():
            if name in REQUIRED_FILES:
                self.errors.append(
                    DataError(self.shown(name), 1, 1, "", "file-missing", {"name": name})
                )
                return None
            return WARD_FILES[name]()  # optional files default to empty lists
        read = read_yaml(path, self.shown(name))
        self.reads[name] = read
        self.errors.extend(read.errors)
        if read.value is None:
            return None
        try:
            model = WARD_FILES[name].model_validate(read.value)
        except ValidationError as exc:
            # A value the reader refused was replaced by None: do not report it twice.
            refused = {e.field for e in read.errors}
            self.errors.extend(
                e for e in _validation_errors(exc, read, self.shown(name)) if e.field not in refused
            )
            return None
        return None if read.errors else model

    def unique(self, name: str, items: Sequence[tuple[Loc, str]]) -> None:
        """Report every id of `items` already used by an earlier item."""
        first: dict[str, Loc] = {}
        for loc, item_id in items:
            if item_id in first:
                line = self.reads[name].position(first[item_id])[0]
                self.error(name, (*loc, "id"), "duplicate-id", id=item_id, first=f"{name}:{line}")
            else:
                first[item_id] = loc

    def load(self) -> WardData | None:
        parsed = {name: self.parse(name) for name in WARD_FILES}
        wf: WardFile | None = parsed["ward.yaml"]
        if wf is None or any(p is None for p in parsed.values()):
            return None
        tf: TargetsFile = parsed["targets.yaml"]
        pf: ProjectsFile = parsed["projects.yaml"]
        kf: TasksFile = parsed["tasks.yaml"]
        sf: SeriesFile = parsed["series.yaml"]
        self.check(wf, tf, pf, kf, sf)
        if self.errors:
            return None
        return WardData(
            folder=self.folder,
            ward=wf.ward,
            organisations=tuple(wf.organisations),
            documents=tuple(wf.documents),
            groups=tuple(tf.groups),
            targets=tuple(tf.targets),
            series=tuple(sf.series),
            tables=tuple(pf.tables),
            projects=tuple(pf.projects),
            priority_tasks=tuple(kf.priority_tasks),
            breakthroughs=tuple(kf.breakthroughs),
            main_tasks=tuple(kf.main_tasks),
            files=tuple(self.folder / n for n in self.reads),
            indicators=self.indicators,
        )

    def check(
        self, wf: WardFile, tf: TargetsFile, pf: ProjectsFile, kf: TasksFile, sf: SeriesFile
    ) -> None:
        if wf.ward.id != self.folder.name:
            self.error(
                "ward.yaml",
                ("ward", "id"),
                "ward-folder-mismatch",
                id=wf.ward.id,
                folder=self.folder.name,
            )
        all_targets = list(_iter_targets(tf.targets, ("targets",)))
        self.unique(
            "ward.yaml", [(("organisations", i), o.id) for i, o in enumerate(wf.organisations)]
        )
        self.unique("ward.yaml", [(("documents", i), d.id) for i, d in enumerate(wf.documents)])
        self.unique(
            "ward.yaml",
            [(("ward", "former_wards", i), f.id) for i, f in enumerate(wf.ward.former_wards)],
        )
        self.unique("targets.yaml", [(("groups", i), g.id) for i, g in enumerate(tf.groups)])
        self.unique("targets.yaml", [(loc, t.id) for loc, t in all_targets])
        self.unique("projects.yaml", [(("tables", i), t.id) for i, t in enumerate(pf.tables)])
        self.unique("projects.yaml", [(("projects", i), p.id) for i, p in enumerate(pf.projects)])
        tasks = [(("priority_tasks", i), t.id) for i, t in enumerate(kf.priority_tasks)]
        tasks += [(("breakthroughs", i), t.id) for i, t in enumerate(kf.breakthroughs)]
        tasks += [(("main_tasks", i), t.id) for i, t in enumerate(kf.main_tasks)]
        self.unique("tasks.yaml", tasks)
        self.unique("series.yaml", [(("series", i), s.id) for i, s in enumerate(sf.series)])

        documents = {d.id for d in wf.documents}
        orgs = {o.id for o in wf.organisations}
        org_index = _organisation_index(tuple(wf.organisations))
        target_ids = {t.id for _, t in all_targets}
        former = {f.id for f in wf.ward.former_wards}
        groups = {g.id for g in tf.groups}
        tables = {t.id for t in pf.tables}

        for i, doc in enumerate(wf.documents):
            if doc.revises and doc.revises not in documents:
                self.error(
                    "ward.yaml",
                    ("documents", i, "revises"),
                    "unknown-reference",
                    kind=KIND["document"],
                    id=doc.revises,
                )
        for name, content in (
            ("ward.yaml", wf),
            ("targets.yaml", tf),
            ("projects.yaml", pf),
            ("tasks.yaml", kf),
            ("series.yaml", sf),
        ):
            for loc, source in _iter_sources(content, ()):
                if source.document not in documents:
                    self.error(
                        name,
                        (*loc, "document"),
                        "unknown-reference",
                        kind=KIND["document"],
                        id=source.document,
                    )

        def check_orgs(
            name: str,
            loc: Loc,
            printed: str | None,
            ids: list[str] | None,
            field_name: str,
            ids_field: str,
        ) -> None:
            if ids is not None:
                for j, org_id in enumerate(ids):
                    if org_id not in orgs:
                        self.error(
                            name,
                            (*loc, ids_field, j),
                            "unknown-reference",
                            kind=KIND["organisation"],
                            id=org_id,
                        )
            elif printed is not None and match_key(printed) not in org_index:
                self.error(name, (*loc, field_name), "unknown-organisation", name=printed)

        indicator_codes = {i.code for i in self.indicators}
        for loc, target in all_targets:
            if target.indicator is not None and target.indicator not in indicator_codes:
                self.error(
                    "targets.yaml",
                    (*loc, "indicator"),
                    "unknown-reference",
                    kind=KIND["indicator"],
                    id=target.indicator,
                )
            top_level = len(loc) == 2
            if top_level and target.group is None:
                self.error("targets.yaml", (*loc, "group"), "missing-field", name="group")
            if target.group is not None and target.group not in groups:
                self.error(
                    "targets.yaml",
                    (*loc, "group"),
                    "unknown-reference",
                    kind=KIND["target group"],
                    id=target.group,
                )
            check_orgs(
                "targets.yaml", loc, target.lead_unit, target.lead_orgs, "lead_unit", "lead_orgs"
            )
            self.check_term_years(wf, loc, target)
        for i, project in enumerate(pf.projects):
            loc = ("projects", i)
            check_orgs(
                "projects.yaml", loc, project.lead_unit, project.lead_orgs, "lead_unit", "lead_orgs"
            )
            if project.partner_orgs is not None:
                check_orgs(
                    "projects.yaml", loc, None, project.partner_orgs, "partners", "partner_orgs"
                )
            for j, row in enumerate(project.rows):
                if row.table not in tables:
                    self.error(
                        "projects.yaml",
                        (*loc, "rows", j),
                        "unknown-reference",
                        kind=KIND["table"],
                        id=row.table,
                    )
            for j, target_id in enumerate(project.related_targets):
                if target_id not in target_ids:
                    self.error(
                        "projects.yaml",
                        (*loc, "related_targets", j),
                        "unknown-reference",
                        kind=KIND["target"],
                        id=target_id,
                    )
        for key in ("priority_tasks", "breakthroughs", "main_tasks"):
            for i, task in enumerate(getattr(kf, key)):
                check_orgs(
                    "tasks.yaml", (key, i), task.lead_unit, task.lead_orgs, "lead_unit", "lead_orgs"
                )
                if task.partner_orgs is not None:
                    check_orgs(
                        "tasks.yaml", (key, i), None, task.partner_orgs, "partners", "partner_orgs"
                    )
        for i, series in enumerate(sf.series):
            loc = ("series", i)
            for key, linked in (
                ("target", series.target),
                ("baseline_for", series.baseline_for),
            ):
                if linked is not None and linked not in target_ids:
                    self.error(
                        "series.yaml",
                        (*loc, key),
                        "unknown-reference",
                        kind=KIND["target"],
                        id=linked,
                    )
            if series.area is not None and series.area not in former:
                self.error(
                    "series.yaml",
                    (*loc, "area"),
                    "unknown-reference",
                    kind=KIND["former ward"],
                    id=series.area,
                )
            seen: dict[str, Loc] = {}
            for j, obs in enumerate(series.observations):
                obs_loc = (*loc, "observations", j)
                # A measurement of a 2025-2030 target after 2030 is a typo ("2062");
                # results before the term are baselines and context, so allowed.
                if series.target is not None and int(obs.period[:4]) > wf.ward.term_end:
                    self.outside_term(
                        wf, "series.yaml", (*obs_loc, "period"), "target period", obs.period
                    )
                if obs.period in seen:
                    first_line = self.reads["series.yaml"].position(seen[obs.period])[0]
                    self.error(
                        "series.yaml",
                        (*obs_loc, "period"),
                        "duplicate-period",
                        period=obs.period,
                        first_line=first_line,
                    )
                else:
                    seen[obs.period] = obs_loc

    def check_term_years(self, wf: WardFile, loc: Loc, target: Target) -> None:
        """A target's years lie in the ward's term: a 2035 deadline is a typo."""
        goal = target.goal
        if goal is not None:
            for name in ("year", "start_year", "end_year"):
                year = getattr(goal, name)
                if year is not None and not wf.ward.term_start <= year <= wf.ward.term_end:
                    self.outside_term(wf, "targets.yaml", (*loc, "goal", name), "goal year", year)
        for i, milestone in enumerate(target.milestones):
            if not wf.ward.term_start <= milestone.year <= wf.ward.term_end:
                self.outside_term(
                    wf,
                    "targets.yaml",
                    (*loc, "milestones", i, "year"),
                    "milestone year",
                    milestone.year,
                )

    def outside_term(self, wf: WardFile, name: str, loc: Loc, what: str, value: object) -> None:
        self.error(
            name,
            loc,
            "outside-term",
            what=KIND[what],
            value=value,
            start=wf.ward.term_start,
            end=wf.ward.term_end,
        )


def ward_folders(data_dir: Path, only: list[str] | None = None) -> list[Path]:
    """Ward folders under `data/wards/`, optionally limited to some ids."""
    root = data_dir / WARDS_FOLDER
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    if only:
        folders = [p for p in folders if p.name in only]
    return folders


def load_indicators(data_dir: Path) -> tuple[tuple[Indicator, ...], list[DataError]]:
    """The shared indicators of `data/indicators.yaml` (none when the file is missing)."""
    path = data_dir / INDICATORS_FILE
    if not path.exists():
        return (), []
    shown = path.relative_to(data_dir.parent)
    read = read_yaml(path, shown)
    errors = list(read.errors)
    if read.value is None:
        return (), errors
    try:
        parsed = IndicatorsFile.model_validate(read.value)
    except ValidationError as exc:
        refused = {e.field for e in read.errors}
        errors += [e for e in _validation_errors(exc, read, shown) if e.field not in refused]
        return (), errors
    first: dict[str, int] = {}
    for i, indicator in enumerate(parsed.indicators):
        loc = ("indicators", i, "code")
        if indicator.code in first:
            line, column = read.position(loc)
            errors.append(
                DataError(
                    shown,
                    line,
                    column,
                    format_loc(loc),
                    "duplicate-id",
                    {"id": indicator.code, "first": f"{INDICATORS_FILE}:{first[indicator.code]}"},
                )
            )
        else:
            first[indicator.code] = read.position(loc)[0]
    return tuple(parsed.indicators), errors


def load_dataset(
    data_dir: Path,
    only: list[str] | None = None,
    cache: LoadCache | None = None,
    processes: int = 1,
) -> Dataset:
    """Load and check every ward of `data_dir`; raise `DataErrors` listing every problem.

    With a `cache` (cache.LoadCache), a ward whose files, indicators and code are those
    of a ward loaded before comes back from it; the others are loaded and stored. Wards
    are loaded by up to `processes` forked workers (forking.py); same result.
    """
    data_dir = data_dir.resolve()
    indicators, errors = load_indicators(data_dir)
    wards: list[WardData] = []
    folders = ward_folders(data_dir, only)
    if not folders:
        shown = Path(data_dir.name) / WARDS_FOLDER
        errors.append(
            DataError(
                shown, 1, 1, "", "file-missing", {"name": f"{WARDS_FOLDER}/<phường>/ward.yaml"}
            )
        )
    store = cache if not errors else None  # indicators with errors: nothing is cached
    keys = {folder: store.key(folder, indicators) for folder in folders} if store else {}
    # Stored wards are read here (cheaper than sending them back from a worker).
    stored: dict[Path, WardData] = {}
    for folder in folders:
        if store is not None and (ward := store.get(folder, keys[folder], indicators)):
            stored[folder] = ward
    todo = [folder for folder in folders if folder not in stored]

    def load_one(index: int) -> tuple[WardData | None, list[DataError]]:
        folder = todo[index]
        checker = _WardChecker(folder, data_dir, indicators)
        ward = checker.load()
        if ward is not None and store is not None:
            store.put(folder, keys[folder], ward)
        return ward, checker.errors

    results = map_indices(len(todo), load_one, processes, _LEAST_WARDS)
    fresh = dict(zip(todo, results, strict=True))
    for folder in folders:
        ward, ward_errors = (stored[folder], []) if folder in stored else fresh[folder]
        errors.extend(ward_errors)
        if ward is not None:
            # A forked worker's ward is a copy: give it back the one tuple of indicators.
            shared = ward.indicators is indicators
            wards.append(ward if shared else replace(ward, indicators=indicators))
    if errors:
        raise DataErrors(errors)
    wards.sort(key=lambda w: (sort_key(w.ward.name), w.ward.id))
    return Dataset(wards=tuple(wards), indicators=indicators)
