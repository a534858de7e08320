"""JSON Schemas of the data files, generated from the model.

Each YAML file starts with `# yaml-language-server: $schema=...` pointing at these
files, so editors complete field names and flag mistakes while staff type. The files
are committed under `data/schema/v<version>/` and a test fails when they are stale
(`site-builder schema` regenerates them).
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import SCHEMA_VERSION, WARD_FILES


def schema_folder(data_dir: Path) -> Path:
    """Where the current version's schemas live."""
    return data_dir / "schema" / f"v{SCHEMA_VERSION}"


def schema_name(yaml_name: str) -> str:
    """`targets.yaml` -> `targets.schema.json`."""
    return yaml_name.removesuffix(".yaml") + ".schema.json"


def schemas() -> dict[str, str]:
    """File name -> JSON text of every schema, with stable key order."""
    out: dict[str, str] = {}
    for yaml_name, model in WARD_FILES.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"{yaml_name} (schema v{SCHEMA_VERSION})"
        out[schema_name(yaml_name)] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return out


def stale_schemas(data_dir: Path) -> list[str]:
    """Names of schema files missing or different from what the model generates."""
    folder = schema_folder(data_dir)
    return [
        name
        for name, text in schemas().items()
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
    ]


def write_schemas(data_dir: Path) -> list[Path]:
    """Write every schema; return the paths written."""
    folder = schema_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
