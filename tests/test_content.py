"""Every real item is traceable: each quote occurs in a seed file of its document.

These tests run on `data/` (the published content). Per-ward counts against the
manifests produced from the seeds live in `tests/content/`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from site_builder.load import WardData, load_dataset
from site_builder.model import Source

from .seeds import REPO_ROOT, require_seeds, seed_text, squash

DATA = REPO_ROOT / "data"


def _sources(obj: object, where: str) -> Iterator[tuple[str, Source]]:
    if isinstance(obj, Source):
        yield where, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _sources(getattr(obj, name), f"{where}.{name}")
    elif isinstance(obj, list | tuple):
        for i, item in enumerate(obj):
            yield from _sources(item, f"{where}[{i}]")


def _ward_sources(ward: WardData) -> Iterator[tuple[str, Source]]:
    for attr in (
        "documents",
        "groups",
        "targets",
        "series",
        "tables",
        "projects",
        "priority_tasks",
        "breakthroughs",
        "main_tasks",
    ):
        yield from _sources(list(getattr(ward, attr)), f"{ward.ward.id}.{attr}")
    yield from _sources(ward.ward, f"{ward.ward.id}.ward")


def _wards() -> list[WardData]:
    return list(load_dataset(DATA).wards)


@pytest.mark.parametrize("ward", _wards(), ids=lambda w: w.ward.id)
def test_every_quote_occurs_in_a_seed_of_its_document(ward: WardData) -> None:
    require_seeds()
    missing = []
    count = 0
    for where, source in _ward_sources(ward):
        seeds = ward.document(source.document).seeds
        assert seeds, f"{where}: document {source.document} names no seed file"
        count += 1
        if not any(squash(source.quote) in seed_text(name) for name in seeds):
            missing.append(f"{where}: {source.quote[:80]!r}")
    assert count > 0
    assert not missing, "quotes not found in their seed:\n" + "\n".join(missing)


@pytest.mark.parametrize("ward", _wards(), ids=lambda w: w.ward.id)
def test_every_seed_named_by_a_document_exists(ward: WardData) -> None:
    seeds_dir = require_seeds()
    for document in ward.documents:
        for name in document.seeds:
            assert (Path(seeds_dir) / name).is_file(), f"{document.id}: {name}"
