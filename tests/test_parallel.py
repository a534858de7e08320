"""Rendering wards in forked workers gives exactly what one process gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from site_builder import parallel
from site_builder.computed import ComputedWard
from site_builder.generate import compute, generate_pages
from site_builder.load import load_dataset
from site_builder.parallel import render_wards

from .conftest import REPO_ROOT

AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="module")
def real_wards() -> list[ComputedWard]:
    return compute(load_dataset(REPO_ROOT / "data"), AS_OF)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_workers_give_the_same_pages_and_files_in_order(
    real_wards: list[ComputedWard], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_WARDS_PER_PROCESS", 1)  # four wards: use the pool
    serial = render_wards(real_wards, tmp_path / "serial", processes=1)
    forked = render_wards(real_wards, tmp_path / "forked", processes=2)
    assert [(p.url, p.body) for o in forked for p in o.pages] == [
        (p.url, p.body) for o in serial for p in o.pages
    ]
    assert [o.download_sizes for o in forked] == [o.download_sizes for o in serial]
    assert _files(tmp_path / "forked") == _files(tmp_path / "serial")
    # Every ward's pages come back, in the order generate_pages gives.
    # (generate_pages then adds the site's own pages, the comparisons, which no worker makes).
    ward_urls = [p.url for p in generate_pages(real_wards) if p.ward]
    assert [p.url for o in serial for p in o.pages] == ward_urls
    sizes = {k: v for o in serial for k, v in o.download_sizes.items()}
    assert all((tmp_path / "serial" / path).stat().st_size == n for path, n in sizes.items())
    assert "du-lieu/kien-an/kien-an.xlsx" in sizes


def test_few_wards_stay_in_this_process(
    real_wards: list[ComputedWard], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for four wards")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    outputs = render_wards(real_wards, None, processes=8)  # 4 wards < 2 × MIN_WARDS_PER_PROCESS
    assert [o.download_sizes for o in outputs] == [{}, {}, {}, {}]
    assert len(outputs) == len(real_wards)
