"""Staff edits of a ward's YAML files: add a measurement, add a project status change.

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
from .model import Observation, ObservationFlag, ProjectStatus, Source, StatusChange
from .yamlread import Loc, read_yaml
from .yamlwrite import Append, Edit, EditError, apply_edits, expected_value

# Key orders of new items, from the model, so written items read like hand-written ones.
_OBSERVATION_KEYS = tuple(Observation.model_fields)
_SOURCE_KEYS = tuple(Source.model_fields)
_STATUS_KEYS = tuple(StatusChange.model_fields)


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
    """Append one observation to a series in `series.yaml`."""
    ward = load_ward(data_dir, ward_id)
    index = next((i for i, s in enumerate(ward.series) if s.id == series_id), None)
    if index is None:
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
    edit = Append(("series", index, "observations"), ordered)
    return commit(data_dir, ward_id, {"series.yaml": [edit]})[0]


def add_status(
    data_dir: Path,
    ward_id: str,
    project_id: str,
    *,
    when: date,
    status: ProjectStatus,
    source: str,
    note: str | None = None,
) -> Written:
    """Append one dated status change to a project in `projects.yaml`."""
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
    item = _drop_empty({"date": when.isoformat(), "status": status, "source": source, "note": note})
    ordered = {k: item[k] for k in _STATUS_KEYS if k in item}
    edit = Append(("projects", index, "status_history"), ordered)
    return commit(data_dir, ward_id, {"projects.yaml": [edit]})[0]
