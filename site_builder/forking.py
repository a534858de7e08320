"""Run independent steps on several cores by forking: loading wards, writing pages.

`Background` runs one step (the site ZIP, removing the last site) in a forked process
while this one goes on.

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
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

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


class Background(Generic[T]):
    """`task()` in a forked process, started now; `result()` waits for its value.

    Only the value travels back (pickled), or the exception the task raised, raised
    again by `result()`. With `enabled` false (`mkdocs serve`, one process) or without
    fork, the task runs here at once. A plain forked process, not a pool: a pool keeps a
    thread in this process, which later forks would copy mid-flight.
    """

    def __init__(self, task: Callable[[], T], enabled: bool = True) -> None:
        self._process: Any = None
        self._receive: Connection | None = None
        if not enabled or "fork" not in multiprocessing.get_all_start_methods():
            self._value = task()
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_result, args=(task, send), daemon=True)
        self._process.start()
        send.close()

    @property
    def pending(self) -> bool:
        """Whether the value is not in yet (the task runs in its process)."""
        return self._process is not None

    def result(self) -> T:
        """The task's value (waiting for its process), or its exception raised here."""
        if self._process is not None:
            assert self._receive is not None
            try:
                ok, value = self._receive.recv()
            except EOFError:
                ok, value = False, RuntimeError("the background step stopped without a result")
            finally:
                self._receive.close()
                self._process.join()
                self._process = None
            if not ok:
                raise value
            self._value = value
        return self._value

    def cancel(self) -> None:
        """Stop the task's process if it still runs (a failed build)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process = None
            assert self._receive is not None
            self._receive.close()


def _send_result(task: Callable[[], Any], send: Connection) -> None:
    try:
        value = (True, task())
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
        value = (False, exc)
    try:
        send.send(value)
    except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
        send.send((False, RuntimeError(f"background step failed: {value[1]!r} ({exc})")))
    finally:
        send.close()
