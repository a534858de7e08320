"""Staff edits of a ward's YAML files: add a measurement, a project status or milestone.

Every change goes through `commit`, the one way this package writes `data/`:

1. the ward must load cleanly before the change (otherwise its errors come first);
2. the edits are made on the files' text (`yamlwrite`), so comments, key order,
   quoting and the schema line stay byte for byte; the new text must read back as
   exactly the intended data;
3. the ward is copied to a temporary folder with the new files and loaded there with
   every check of `load.load_dataset`; any problem raises `DataErrors` (located in the
   new text, with the real file names) and nothing is written;
4. only then each file is replaced atomically.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import KIND, DataError, DataErrors
from .load import WARDS_FOLDER, WardData, load_dataset
from .model import (
    INDICATORS_FILE,
    Observation,
    ObservationFlag,
    ProjectMilestone,
    ProjectStatus,
    Series,
    Source,
    StatusChange,
    Target,
)
from .status import measuring_series
from .yamlread import Loc, read_yaml
from .yamlwrite import Append, Edit, EditError, apply_edits, expected_value

# Key orders of new items, from the model, so written items read like hand-written ones.
_OBSERVATION_KEYS = tuple(Observation.model_fields)
_SOURCE_KEYS = tuple(Source.model_fields)
_STATUS_KEYS = tuple(StatusChange.model_fields)
_SERIES_KEYS = tuple(Series.model_fields)
_MILESTONE_KEYS = tuple(ProjectMilestone.model_fields)


@dataclass(frozen=True)
class Written:
    """A file changed by `commit`, with the first line of each added item (for messages)."""

    path: Path
    lines: tuple[int, ...]


def load_ward(data_dir: Path, ward_id: str) -> WardData:
    """The ward as it is now; raises `DataErrors` if it does not load cleanly."""
    dataset = load_dataset(data_dir, [ward_id])
    if not dataset.wards:
        shown = Path(data_dir.resolve().name) / WARDS_FOLDER / ward_id / "ward.yaml"
        raise DataErrors([DataError(shown, 1, 1, "--ward", "file-missing", {"name": shown})])
    return dataset.wards[0]


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def commit(
    data_dir: Path, ward_id: str, edits: Mapping[str, Sequence[Edit]], dry_run: bool = False
) -> list[Written]:
    """Make `edits` (file name -> edits) to a ward, check the whole ward, then write.

    With `dry_run`, stop after the check: nothing is written and nothing returned.
    """
    data_dir = data_dir.resolve()
    folder = data_dir / WARDS_FOLDER / ward_id
    load_ward(data_dir, ward_id)
    texts: dict[str, str] = {}
    before: dict[str, Any] = {}
    for name, file_edits in edits.items():
        if file_edits:
            before[name] = read_yaml(folder / name).value
            source = (folder / name).read_bytes().decode("utf-8")
            texts[name] = apply_edits(source, file_edits)
    with tempfile.TemporaryDirectory(prefix="site-builder-edit-") as tmp:
        # Same folder names as the real data, so errors name the real files.
        copy = Path(tmp) / data_dir.name / WARDS_FOLDER / ward_id
        shutil.copytree(folder, copy)
        # The shared indicator list, against which the ward's indicator codes are checked.
        indicators = data_dir / INDICATORS_FILE
        if indicators.is_file():
            shutil.copy(indicators, copy.parents[1] / INDICATORS_FILE)
        added: dict[str, tuple[int, ...]] = {}
        for name, text in texts.items():
            (copy / name).write_bytes(text.encode("utf-8"))
            after = read_yaml(copy / name)
            if after.errors or after.value != expected_value(before[name], edits[name]):
                raise EditError(f"{name}: the edited text does not read back as intended")
            added[name] = tuple(
                sorted(after.positions[loc].line for loc in _added_locs(before[name], edits[name]))
            )
        load_dataset(copy.parents[1], [ward_id])
    if dry_run:
        return []
    written = []
    for name, text in texts.items():
        _atomic_write(folder / name, text)
        written.append(Written(folder / name, added[name]))
    return written


def _added_locs(value: Any, edits: Sequence[Edit]) -> list[Loc]:
    """Where each appended item stands once the edits are made."""
    locs: list[Loc] = []
    counts: dict[Loc, int] = {}
    for edit in edits:
        if isinstance(edit, Append):
            node = value
            for part in edit.path:
                node = node.get(part, []) if isinstance(node, dict) else node[part]
            index = len(node) + counts.get(edit.path, 0)
            counts[edit.path] = counts.get(edit.path, 0) + 1
            locs.append((*edit.path, index))
    return locs


def _drop_empty(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if v not in (None, [], "")}


def _arg_error(ward: WardData, name: str, option: str, code: str, **params: object) -> DataErrors:
    shown = Path(ward.folder.parents[1].name) / WARDS_FOLDER / ward.ward.id / name
    return DataErrors([DataError(shown, 1, 1, option, code, params)])


class ParentTargetError(Exception):
    """A target whose values are its children's: a measurement belongs to a child."""

    def __init__(self, target: Target) -> None:
        super().__init__(target.id)
        self.target = target

    def params(self) -> dict[str, object]:
        """Fields of the `series-parent-target` message."""
        return {"id": self.target.id, "children": ", ".join(c.id for c in self.target.children)}


def all_targets(ward: WardData) -> dict[str, Target]:
    """Every target of the ward by id, children included."""
    out: dict[str, Target] = {}

    def walk(target: Target) -> None:
        out[target.id] = target
        for child in target.children:
            walk(child)

    for target in ward.targets:
        walk(target)
    return out


def resolve_series(ward: WardData, key: str) -> int | dict[str, Any] | None:
    """Where a measurement named by `key` (a series id or a target id) goes.

    Returns the index of an existing series in `series.yaml`; for a target that has no
    whole-ward series yet, the new series its first measurement creates (a mapping with
    no observations, fields derived from the target: its id, name and unit); None when
    `key` names neither. A series id wins over a target id. Raises `ParentTargetError`
    for a target whose values are its children's, since no unit or goal can be derived.
    """
    index = next((i for i, s in enumerate(ward.series) if s.id == key), None)
    if index is not None:
        return index
    target = all_targets(ward).get(key)
    if target is None:
        return None
    measured = measuring_series(target, [s for s in ward.series if s.target == key])
    if measured is not None:
        return ward.series.index(measured)
    if target.goal is None:
        raise ParentTargetError(target)
    item = _drop_empty(
        {"id": key, "name": target.name, "unit": target.unit, "target": key, "observations": []}
    )
    return {k: item[k] for k in _SERIES_KEYS if k in item} | {"observations": []}


def add_measurement(
    data_dir: Path,
    ward_id: str,
    series_id: str,
    *,
    period: str,
    value: float | None,
    value_text: str | None,
    document: str,
    quote: str,
    section: str | None = None,
    row: str | None = None,
    page: int | None = None,
    note: str | None = None,
    flags: Sequence[ObservationFlag] = (),
) -> Written:
    """Append one observation to a series in `series.yaml`.

    `series_id` may name a target instead: the measurement goes to the target's
    whole-ward series, which the first measurement creates (`resolve_series`).
    """
    ward = load_ward(data_dir, ward_id)
    try:
        found = resolve_series(ward, series_id)
    except ParentTargetError as exc:
        raise _arg_error(
            ward, "targets.yaml", "--series", "series-parent-target", **exc.params()
        ) from None
    if found is None:
        raise _arg_error(
            ward, "series.yaml", "--series", "unknown-reference", kind=KIND["series"], id=series_id
        )
    source = _drop_empty(
        {"document": document, "section": section, "row": row, "page": page, "quote": quote}
    )
    item = _drop_empty(
        {
            "period": period,
            "value": value,
            "value_text": value_text,
            "source": source,
            "note": note,
            "flags": list(flags),
        }
    )
    ordered = {k: item[k] for k in _OBSERVATION_KEYS if k in item}
    ordered["source"] = {k: source[k] for k in _SOURCE_KEYS if k in source}
    if isinstance(found, dict):
        edit = Append(("series",), {**found, "observations": [ordered]})
    else:
        edit = Append(("series", found, "observations"), ordered)
    return commit(data_dir, ward_id, {"series.yaml": [edit]})[0]


def add_status(
    data_dir: Path,
    ward_id: str,
    project_id: str,
    *,
    when: date,
    status: ProjectStatus | None,
    source: str,
    note: str | None = None,
    milestone: str | None = None,
    planned: bool = False,
) -> Written:
    """Append a dated status change, a milestone (`milestone`: its text), or both.

    A milestone is reached on `when` unless `planned` (then `when` is its planned date).
    Both go to the project in `projects.yaml` in one checked write.
    """
    if status is None and milestone is None:
        raise ValueError("add_status needs a status, a milestone or both")
    ward = load_ward(data_dir, ward_id)
    index = next((i for i, p in enumerate(ward.projects) if p.id == project_id), None)
    if index is None:
        raise _arg_error(
            ward,
            "projects.yaml",
            "--project",
            "unknown-reference",
            kind=KIND["project"],
            id=project_id,
        )
    edits: list[Edit] = []
    if status is not None:
        item = _drop_empty(
            {"date": when.isoformat(), "status": status, "source": source, "note": note}
        )
        ordered = {k: item[k] for k in _STATUS_KEYS if k in item}
        edits.append(Append(("projects", index, "status_history"), ordered))
    if milestone is not None:
        step = {"date": when.isoformat(), "text": milestone, "done": not planned, "source": source}
        edits.append(
            Append(
                ("projects", index, "milestones"),
                {k: step[k] for k in _MILESTONE_KEYS if k in step},
            )
        )
    return commit(data_dir, ward_id, {"projects.yaml": edits})[0]
