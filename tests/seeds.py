"""Access to the seed documents (`../shared/seeds/`) for content tests.

The seeds sit beside the repository, not in it. Without them the content tests skip on
a developer's machine and *fail* in CI (`REQUIRE_SEEDS=1`, set by `.ci/run`), so a
missing folder can never pass silently.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest

from site_builder.text import ascii_fold

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", REPO_ROOT.parent / "shared" / "seeds"))
_SPACE = re.compile(r"\s+")


def require_seeds() -> Path:
    """The seeds folder; skip (locally) or fail (CI) when it is absent."""
    if SEEDS_DIR.is_dir():
        return SEEDS_DIR
    message = f"seed documents not found at {SEEDS_DIR}"
    if os.environ.get("REQUIRE_SEEDS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def squash(text: str) -> str:
    """Collapse runs of whitespace: quotes may normalise line breaks and spacing."""
    return _SPACE.sub(" ", text).strip()


@cache
def seed_text(name: str) -> str:
    """A seed file's text with whitespace collapsed."""
    return squash((require_seeds() / name).read_text(encoding="utf-8"))


def fold_for_ocr(text: str) -> str:
    """Text stripped of diacritics, lower case, for comparing OCR with its restoration."""
    return squash(ascii_fold(text).lower())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings only)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
