"""Steps run by forked workers give what one process gives, and raise their errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_builder import forking


def test_for_each_runs_every_item_once_in_workers(tmp_path: Path) -> None:
    # Each item writes a file naming the process that ran it: all items are done, once,
    # and by forked workers (not this process) when there is enough work.
    def task(index: int) -> None:
        (tmp_path / f"{index}.txt").write_text(str(os.getpid()), encoding="utf-8")

    forking.for_each(40, task, processes=2, least=10)
    written = sorted(int(p.stem) for p in tmp_path.glob("*.txt"))
    assert written == list(range(40))
    pids = {p.read_text(encoding="utf-8") for p in tmp_path.glob("*.txt")}
    assert str(os.getpid()) not in pids and len(pids) >= 1


def test_for_each_raises_a_workers_error() -> None:
    def task(index: int) -> None:
        if index == 7:
            raise ValueError("item 7")

    with pytest.raises(ValueError, match="item 7"):
        forking.for_each(40, task, processes=2, least=10)


def test_map_indices_keeps_the_order_and_runs_in_this_process_for_little_work() -> None:
    def task(index: int) -> tuple[int, int]:
        return index * index, os.getpid()

    forked = forking.map_indices(50, task, processes=2, least=5)
    assert [value for value, _ in forked] == [i * i for i in range(50)]
    assert os.getpid() not in {pid for _, pid in forked}
    # Fewer items than `least` per worker: this process, same results.
    here = forking.map_indices(6, task, processes=2, least=5)
    assert here == [(i * i, os.getpid()) for i in range(6)]


def test_background_runs_in_another_process_and_returns_its_value(tmp_path: Path) -> None:
    def task() -> tuple[int, str]:
        (tmp_path / "done.txt").write_text("written", encoding="utf-8")
        return os.getpid(), "value"

    step = forking.Background(task)
    assert step.pending
    pid, value = step.result()
    assert value == "value" and pid != os.getpid()
    assert (tmp_path / "done.txt").read_text(encoding="utf-8") == "written"
    assert not step.pending and step.result() == (pid, "value")  # asked twice: the same


def test_background_raises_the_tasks_error_here() -> None:
    def task() -> None:
        raise OSError("disk full")

    step = forking.Background(task)
    with pytest.raises(OSError, match="disk full"):
        step.result()


def test_background_not_enabled_runs_the_task_at_once() -> None:
    step = forking.Background(os.getpid, enabled=False)
    assert not step.pending and step.result() == os.getpid()


def test_a_cancelled_background_step_leaves_no_process(tmp_path: Path) -> None:
    def task() -> None:
        import time

        time.sleep(30)

    step = forking.Background(task)
    step.cancel()
    assert not step.pending
