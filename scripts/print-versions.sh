#!/usr/bin/env bash
# Print the versions a test run uses, so a CI log says what was tested.
# Usage: scripts/print-versions.sh [VENV_DIR]   (default .venv)
set -euo pipefail

venv=${1:-.venv}
"$venv/bin/python" - <<'PY'
import platform
from importlib.metadata import PackageNotFoundError, version

print(f"python: {platform.python_version()}")
for dist in ("mkdocs", "properdocs", "mkdocs-material", "pydantic", "playwright", "pytest"):
    try:
        print(f"{dist}: {version(dist)}")
    except PackageNotFoundError:
        print(f"{dist}: not installed")
PY
echo "chromium: $("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null || echo 'not found')"
echo "node: $(node --version 2>/dev/null || echo 'not found'), npm: $(npm --version 2>/dev/null || echo 'not found')"
