"""The core does not depend on MkDocs, so it can be tested alone and ported."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "site_builder"
ADAPTERS = {"plugin.py", "cli.py"}


@pytest.mark.parametrize(
    "module", sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in ADAPTERS)
)
def test_core_module_does_not_import_mkdocs(module: str) -> None:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert not any(name == "mkdocs" or name.startswith("mkdocs.") for name in imported)


def test_every_core_module_has_a_test_module() -> None:
    tests = {p.name for p in Path(__file__).parent.glob("test_*.py")}
    untested = [
        p.name
        for p in PACKAGE.glob("*.py")
        if not p.name.startswith("_") and f"test_{p.stem}.py" not in tests
    ]
    assert untested == []
