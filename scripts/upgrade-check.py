#!/usr/bin/env python3
"""Try the newest versions the pins allow, in a scratch venv, and say what broke.

Usage: scripts/upgrade-check.py [--venv DIR] [--no-tests] [-- PYTEST_ARGS...]
(`make upgrade-check`, `make upgrade-check PYTEST_ARGS='tests/test_plugin.py -x'`).

1. Reads pyproject.toml's exact pins (`name==X.Y.Z`, dependencies and the test, dev and
   properdocs extras) and widens each to its major bound: `>=X.Y.Z,<X+1` (for a 0.x
   version, whose minor is the breaking number, `>=0.Y.Z,<0.(Y+1)`).
2. Creates a fresh venv (default build/upgrade-venv; never .venv, which it refuses),
   installs the newest versions allowed there, every dependency upgraded too
   (constraints.txt is not used), then the project itself without dependencies.
3. Reports what changed against constraints.txt (the set CI installs): upgraded,
   added, gone; and, for the npm packages, what `npm outdated` lists (nothing is
   installed from npm).
4. Runs the test suite with the scratch venv's Python and reports the result.

Writes the report to reports/upgrade-check.md too. Exits 0 when the install and the
tests pass, 1 when either fails (the report says which tests), 2 on wrong use.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRAS = ("test", "dev", "properdocs")
_PIN = re.compile(r"^\s*([A-Za-z0-9._-]+(?:\[[^\]]*\])?)\s*==\s*([0-9][^;\s]*)\s*(;.*)?$")


def widened(requirement: str) -> str:
    """`mkdocs==1.6.1` -> `mkdocs>=1.6.1,<2`; `nh3==0.3.8` -> `nh3>=0.3.8,<0.4`."""
    match = _PIN.match(requirement)
    if match is None:
        return requirement
    name, version, marker = match.group(1), match.group(2), match.group(3) or ""
    parts = [int(p) for p in re.findall(r"\d+", version)[:2]] + [0]
    major, minor = parts[0], parts[1]
    upper = f"{major + 1}" if major > 0 else f"0.{minor + 1}"
    return f"{name}>={version},<{upper}{marker}"


def pinned_requirements() -> list[str]:
    """The project's requirements as pyproject.toml writes them, the extras included."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in EXTRAS:
        requirements += project.get("optional-dependencies", {}).get(extra, [])
    return requirements


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_freeze(text: str) -> dict[str, str]:
    """`pip freeze` (or constraints.txt) text -> normalised name: version."""
    versions = {}
    for line in text.splitlines():
        name, sep, version = line.strip().partition("==")
        if sep and not line.startswith("#"):
            versions[_key(name)] = version
    return versions


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    print("+", " ".join(command), flush=True)
    return subprocess.run(command, text=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


def _npm_outdated() -> list[str]:
    if shutil.which("npm") is None:
        return ["npm not found: front-end packages not checked"]
    result = subprocess.run(
        ["npm", "outdated", "--json"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    try:
        outdated = json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        return [f"npm outdated failed: {result.stderr.strip()[:300]}"]
    if not outdated:
        return ["npm: package-lock.json holds the newest version of every package"]
    return [
        f"npm {name}: {info.get('current')} pinned, {info.get('latest')} latest "
        "(change package.json and package-lock.json by hand, then run the tests)"
        for name, info in sorted(outdated.items())
    ]


def main() -> int:
    """Install, compare, test, report (module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "upgrade-venv")
    parser.add_argument("--no-tests", action="store_true", help="report upgrades only")
    parser.add_argument("pytest_args", nargs="*", help="arguments for pytest (after --)")
    args = parser.parse_args()
    venv = args.venv.resolve()
    if venv == (ROOT / ".venv").resolve() or venv == ROOT:
        print(f"upgrade-check: {venv} is the project's own venv; give a scratch folder")
        return 2

    requirements = [widened(r) for r in pinned_requirements()]
    shutil.rmtree(venv, ignore_errors=True)
    if _run([sys.executable, "-m", "venv", str(venv)]).returncode != 0:
        return 1
    python = str(venv / "bin" / "python")
    report = ["# Upgrade check", "", "Allowed ranges (pyproject.toml's pins, widened):", ""]
    report += [f"- `{r}`" for r in requirements]
    install = _run(
        [python, "-m", "pip", "install", "--quiet", "--upgrade", "--upgrade-strategy", "eager"]
        + requirements,
        capture_output=True,
    )
    if install.returncode == 0:
        install = _run([python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(ROOT)])
    if install.returncode != 0:
        report += ["", "## Install failed", "", "```", (install.stderr or "")[-4000:], "```"]
        return _finish(report, 1)

    frozen = _run([python, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True)
    new = read_freeze(frozen.stdout)
    old = read_freeze((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    upgraded = [
        f"- {n}: {old[n]} → {v}" for n, v in sorted(new.items()) if n in old and old[n] != v
    ]
    added = [f"- {n}: {v} (new)" for n, v in sorted(new.items()) if n not in old]
    gone = [f"- {n}: {v} (no longer installed)" for n, v in sorted(old.items()) if n not in new]
    report += ["", "## Against constraints.txt", ""]
    report += upgraded + added + gone or ["- nothing newer is allowed: every pin is the newest"]
    report += ["", "## npm", ""] + [f"- {line}" for line in _npm_outdated()]

    if args.no_tests:
        return _finish(report, 0)
    tests = _run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args.pytest_args],
        cwd=ROOT,
        capture_output=True,
    )
    print(tests.stdout[-6000:], tests.stderr[-2000:], sep="\n")
    summary = [line for line in tests.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    last = tests.stdout.strip().splitlines()[-1:] or ["(no output)"]
    report += [
        "",
        "## Tests with the newest versions",
        "",
        f"pytest exit {tests.returncode}: {last[0]}",
    ]
    report += [""] + [f"- {line}" for line in summary]
    return _finish(report, 0 if tests.returncode == 0 else 1)


def _finish(report: list[str], code: int) -> int:
    verdict = (
        "PASS: the newest allowed versions install and pass the tests"
        if code == 0
        else ("FAIL: see above; the pins stay as they are until this is fixed")
    )
    report += ["", f"**{verdict}**", ""]
    text = "\n".join(report)
    out = ROOT / "reports" / "upgrade-check.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)
    print(f"(written to {out.relative_to(ROOT)})")
    return code


if __name__ == "__main__":
    sys.exit(main())
