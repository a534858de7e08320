"""Render pages and write downloads for many wards on several cores.

Wards are independent once loaded and assessed, and a province has hundreds of them:
rendering their pages and writing their downloads (the XLSX workbook above all) is most
of a large build's own work. Worker processes are forked, so they inherit the loaded
wards instead of receiving them pickled; only the finished pages (strings) and the
download sizes come back. Where fork is unavailable (Windows, macOS by default), or for a
handful of wards, the same work runs in this process, with the same result.

Callers that run threads (`mkdocs serve` does) pass `processes=1`: forking a process
with threads running is unsafe.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .cache import WardCache
from .computed import ComputedWard
from .downloads import file_digests, write_ward_files
from .generate import GeneratedPage, bilingual_ward_pages, ward_pages, ward_static_files
from .markup import note_html

# Below this many wards a pool costs more than it saves (measured: starting two forked
# workers takes ≈ 30 ms; one ward's pages and downloads take 100-250 ms).
MIN_WARDS_PER_PROCESS = 4


@dataclass(frozen=True)
class WardOutput:
    """One ward's rendered pages and the sizes of the downloads written for it."""

    pages: list[GeneratedPage]
    download_sizes: dict[str, int]
    static_files: dict[str, str] = field(default_factory=dict)  # embed pages: path -> HTML
    # Size and SHA-256 of each download, for the site's metadata (no reading back).
    download_digests: dict[str, tuple[int, str]] = field(default_factory=dict)
    # Where the downloads are: "" for the folder they were written to, or the cache
    # entry's folder when the ward came from the cache (`WardCache.restore`).
    files_dir: str = ""


# What forked workers inherit: set just before the pool starts, cleared after.
_JOB: (
    tuple[Sequence[ComputedWard], Path | None, str, WardCache | None, Sequence[str] | None, bool]
    | None
) = None


def _render(
    computed: ComputedWard, folder: Path | None, site_url: str, bilingual: bool
) -> WardOutput:
    # Notes are cached for a ward's two languages, not across wards: a province of one
    # ward copied (benchmarks/province.py) would otherwise look faster than real data.
    note_html.cache_clear()
    sizes = write_ward_files(computed, folder, site_url) if folder is not None else {}
    digests = file_digests(folder, sizes) if folder is not None else {}
    if bilingual:
        pages = bilingual_ward_pages(computed, site_url)
    else:
        pages = list(ward_pages(computed, site_url))
    return WardOutput(pages, sizes, ward_static_files(computed), digests)


def _one(index: int) -> WardOutput:
    assert _JOB is not None
    wards, folder, site_url, cache, keys, bilingual = _JOB
    computed = wards[index]
    if cache is None or keys is None:
        return _render(computed, folder, site_url, bilingual)
    output = _render(computed, folder, site_url, bilingual)
    cache.store(computed.ward.ward.id, keys[index], output, folder)
    return output


def default_processes() -> int:
    """Worker processes to use: one per core this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def render_wards(
    wards: Sequence[ComputedWard],
    downloads: Path | None,
    site_url: str = "",
    processes: int = 1,
    cache: WardCache | None = None,
    keys: Sequence[str] | None = None,
    bilingual: bool = False,
) -> list[WardOutput]:
    """Every ward's pages, in the wards' order, by up to `processes` forked workers.

    Each ward's downloads are written under `downloads` (none when it is None). With a
    `cache` and one key per ward (`cache.ward_key`), a ward whose entry is stored is
    restored from it instead of rendered, and a rendered ward is stored. `bilingual`
    adds each ward's English copy (the keys must then say so: `ward_key(..., english=True)`).
    """
    global _JOB
    if keys is not None and len(keys) != len(wards):
        raise ValueError("render_wards: one cache key per ward")
    # Stored wards come back here (reading their entry is cheaper than sending it back
    # from a worker); the others are rendered, by the workers when there are enough.
    outputs: list[WardOutput | None] = [None] * len(wards)
    if cache is not None and keys is not None:
        for index, computed in enumerate(wards):
            outputs[index] = cache.restore(computed.ward.ward.id, keys[index], downloads)
    missing = [index for index, output in enumerate(outputs) if output is None]
    processes = min(processes, len(missing) // MIN_WARDS_PER_PROCESS)
    _JOB = (wards, downloads, site_url, cache, keys, bilingual)
    try:
        if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
            rendered = [_one(i) for i in missing]
        else:
            context = multiprocessing.get_context("fork")
            # Small chunks keep both workers busy to the end: wards differ in size.
            chunk = max(1, len(missing) // (processes * 8))
            with ProcessPoolExecutor(processes, mp_context=context) as pool:
                rendered = list(pool.map(_one, missing, chunksize=chunk))
    finally:
        _JOB = None
    for index, output in zip(missing, rendered, strict=True):
        outputs[index] = output
    return [output for output in outputs if output is not None]
