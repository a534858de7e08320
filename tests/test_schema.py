import json
from pathlib import Path

import pytest

from site_builder.model import WARD_FILES
from site_builder.schema import schema_name, schemas, stale_schemas, write_schemas

REPO = Path(__file__).resolve().parents[1]


def test_committed_schemas_are_current() -> None:
    assert stale_schemas(REPO / "data") == [], "run: .venv/bin/site-builder schema"


def test_stale_schema_is_detected(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    path = tmp_path / "schema" / "v1" / "targets.schema.json"
    path.write_text("{}", encoding="utf-8")
    assert stale_schemas(tmp_path) == ["targets.schema.json"]


def test_every_field_has_a_description() -> None:
    def walk(node: object, where: str) -> list[str]:
        missing = []
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if "description" not in prop and "$ref" not in prop:
                    missing.append(f"{where}.{name}")
            for key, value in node.items():
                missing += walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                missing += walk(item, f"{where}[{i}]")
        return missing

    for name, text in schemas().items():
        assert walk(json.loads(text), name) == []


@pytest.mark.parametrize("data_dir", [REPO / "data", REPO / "tests" / "fixtures" / "data"])
def test_every_yaml_file_references_its_schema(data_dir: Path) -> None:
    files = sorted((data_dir / "wards").glob("*/*.yaml"))
    assert files
    for path in files:
        assert path.name in WARD_FILES
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../schema/v1/{schema_name(path.name)}"
