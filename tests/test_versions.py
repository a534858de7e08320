"""Pins and their records: pyproject, constraints.txt, package-lock, the upgrade check's ranges."""

from __future__ import annotations

import importlib.util
import json
import re
import tomllib
from types import ModuleType

from .conftest import REPO_ROOT


def _upgrade_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "upgrade_check", REPO_ROOT / "scripts" / "upgrade-check.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _constraints() -> dict[str, str]:
    text = (REPO_ROOT / "constraints.txt").read_text(encoding="utf-8")
    return _upgrade_check().read_freeze(text)  # type: ignore[no-any-return]


def test_every_requirement_is_an_exact_pin_recorded_in_constraints() -> None:
    check = _upgrade_check()
    constraints = _constraints()
    requirements = check.pinned_requirements()
    assert len(requirements) > 20
    for requirement in requirements:
        match = check._PIN.match(requirement)  # noqa: SLF001
        assert match, f"{requirement}: not an exact pin"
        name = re.sub(r"\[.*\]", "", match.group(1))
        assert constraints[check._key(name)] == match.group(2), requirement  # noqa: SLF001


def test_constraints_hold_the_resolved_set_not_only_the_direct_pins() -> None:
    constraints = _constraints()
    # Dependencies of dependencies: Material's, pydantic's, ProperDocs'.
    for indirect in ("pymdown-extensions", "pydantic-core", "click", "pagefind-bin"):
        assert indirect in constraints, indirect
    assert constraints["mkdocs"] == "1.6.1" and constraints["properdocs"] == "1.6.7"


def test_widened_ranges_stay_within_the_major_version() -> None:
    widened = _upgrade_check().widened
    assert widened("mkdocs==1.6.1") == "mkdocs>=1.6.1,<2"
    assert widened("pagefind[bin]==1.5.2") == "pagefind[bin]>=1.5.2,<2"
    assert widened("nh3==0.3.8") == "nh3>=0.3.8,<0.4"
    assert widened("types-PyYAML==6.0.12.20261113") == "types-PyYAML>=6.0.12.20261113,<7"
    assert widened("x>=1") == "x>=1"


def test_npm_lock_pins_what_package_json_pins() -> None:
    package = json.loads((REPO_ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO_ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in package["devDependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name}: {version} is not exact"
        entry = lock["packages"][f"node_modules/{name}"]
        assert entry["version"] == version and entry["integrity"].startswith("sha512-")


def test_properdocs_gets_our_plugin_from_its_own_entry_point_group() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    groups = project["project"]["entry-points"]
    assert groups["mkdocs.plugins"] == groups["properdocs.plugins"]
    assert groups["properdocs.plugins"]["commitments"] == "site_builder.plugin:CommitmentsPlugin"


def test_versions_doc_states_every_direct_pin() -> None:
    doc = " ".join((REPO_ROOT / "docs" / "maintainers" / "versions.md").read_text("utf-8").split())
    check = _upgrade_check()
    for requirement in check.pinned_requirements():
        match = check._PIN.match(requirement)  # noqa: SLF001
        name = re.sub(r"\[.*\]", "", match.group(1))
        assert f"{name} {match.group(2)}" in doc, requirement
    assert "5 May 2027" in doc and "1.6.1" in doc
