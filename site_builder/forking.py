"""Run independent steps on several cores by forking: loading wards, writing pages.

A forked worker inherits the parent's memory, so the step (a closure) and everything it
reads need no pickling; only results travel back. Where fork is unavailable (Windows,
macOS by default), for little work, or with `processes=1` (`mkdocs serve` has threads,
which forking would copy mid-flight), the same steps run in this process, in order.
`parallel.render_wards` is the ward renderer built on the same idea.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

# The step of the running `map_indices`, inherited by its forked workers.
_TASK: Callable[[int], Any] | None = None


def _run_range(bounds: tuple[int, int]) -> list[Any]:
    assert _TASK is not None
    return [_TASK(index) for index in range(*bounds)]


def map_indices(
    count: int, task: Callable[[int], T], processes: int = 1, least: int = 1
) -> list[T]:
    """`[task(i) for i in range(count)]`, on up to `processes` forked workers.

    Each worker takes contiguous runs of indices; results come back pickled, in order.
    An exception in a worker is raised here. With fewer than `least` items per worker
    it runs in this process.
    """
    global _TASK
    processes = min(processes, count // max(1, least))
    if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(index) for index in range(count)]
    pieces = processes * 4
    bounds = [(count * i // pieces, count * (i + 1) // pieces) for i in range(pieces)]
    _TASK = task
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            return [result for run in pool.map(_run_range, bounds) for result in run]
    finally:
        _TASK = None


def for_each(count: int, task: Callable[[int], None], processes: int = 1, least: int = 500) -> None:
    """`task(i)` for every i < count, for its side effect (files written), forked."""
    map_indices(count, task, processes, least)
