from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from site_builder.history import (
    UNKNOWN,
    LastUpdated,
    data_changes,
    file_dates,
    file_versions,
    newest,
)

from .conftest import REPO_ROOT


def _git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when}T12:00:00+07:00"
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository where a.yaml changed on 2025-12-12 and 2026-03-01, b.yaml on 2026-01-15."""
    root = tmp_path / "repo"
    ward = root / "data" / "wards" / "x"
    ward.mkdir(parents=True)
    _git(root, "init", "-q")
    (ward / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "one", when="2025-12-12")
    (ward / "b.yaml").write_text("b: 1\n", encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "two", when="2026-01-15")
    (ward / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "three", when="2026-03-01")
    return root


def test_dates_come_from_the_last_commit_of_each_file(repo: Path) -> None:
    ward = repo / "data" / "wards" / "x"
    dates = file_dates([ward / "a.yaml", ward / "b.yaml"])
    assert dates[(ward / "a.yaml").resolve()] == LastUpdated(date(2026, 3, 1), "git")
    assert dates[(ward / "b.yaml").resolve()] == LastUpdated(date(2026, 1, 15), "git")


def test_uncommitted_and_untracked_files_take_their_modification_time(repo: Path) -> None:
    ward = repo / "data" / "wards" / "x"
    (ward / "a.yaml").write_text("a: 3\n", encoding="utf-8")
    (ward / "c.yaml").write_text("c: 1\n", encoding="utf-8")
    os.utime(ward / "c.yaml", (1_700_000_000, 1_700_000_000))
    dates = file_dates([ward / "a.yaml", ward / "c.yaml", ward / "b.yaml"])
    assert dates[(ward / "a.yaml").resolve()].basis == "uncommitted"
    assert dates[(ward / "c.yaml").resolve()].basis == "uncommitted"
    assert dates[(ward / "c.yaml").resolve()].date == date.fromtimestamp(1_700_000_000)
    assert dates[(ward / "b.yaml").resolve()].basis == "git"


def test_shallow_clone_leaves_older_files_unknown(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    ward = clone / "data" / "wards" / "x"
    dates = file_dates([ward / "a.yaml", ward / "b.yaml"])
    # Both files appear in the boundary commit: neither date can be trusted.
    assert dates[(ward / "a.yaml").resolve()] == UNKNOWN
    assert dates[(ward / "b.yaml").resolve()] == UNKNOWN


def test_deeper_shallow_clone_dates_files_changed_after_the_cut(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone2"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    ward = clone / "data" / "wards" / "x"
    dates = file_dates([ward / "a.yaml", ward / "b.yaml"])
    assert dates[(ward / "a.yaml").resolve()] == LastUpdated(date(2026, 3, 1), "git")
    assert dates[(ward / "b.yaml").resolve()] == UNKNOWN


def test_outside_git_the_modification_time_is_used(tmp_path: Path) -> None:
    path = tmp_path / "plain" / "a.yaml"
    path.parent.mkdir()
    path.write_text("a: 1\n", encoding="utf-8")
    os.utime(path, (1_750_000_000, 1_750_000_000))
    assert file_dates([path]) == {
        path.resolve(): LastUpdated(date.fromtimestamp(1_750_000_000), "mtime")
    }


def test_without_git_installed_the_modification_time_is_used(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    path = repo / "data" / "wards" / "x" / "a.yaml"
    assert file_dates([path])[path.resolve()].basis == "mtime"


def test_no_paths_no_work() -> None:
    assert file_dates([]) == {}


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([], UNKNOWN),
        ([UNKNOWN, UNKNOWN], UNKNOWN),
        ([LastUpdated(date(2026, 1, 1), "git"), UNKNOWN], LastUpdated(date(2026, 1, 1), "git")),
        (
            [LastUpdated(date(2026, 1, 1), "git"), LastUpdated(date(2026, 2, 1), "git")],
            LastUpdated(date(2026, 2, 1), "git"),
        ),
        (
            [LastUpdated(date(2026, 2, 1), "git"), LastUpdated(date(2026, 2, 1), "uncommitted")],
            LastUpdated(date(2026, 2, 1), "uncommitted"),
        ),
    ],
)
def test_newest(dates: list[LastUpdated], expected: LastUpdated) -> None:
    assert newest(dates) == expected


def test_every_real_data_file_has_a_stated_date() -> None:
    files = sorted((REPO_ROOT / "data" / "wards").glob("*/*.yaml"))
    dates = file_dates(files)
    assert set(dates) == {f.resolve() for f in files}
    shallow = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "rev-parse", "--is-shallow-repository"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    for path, updated in dates.items():
        if shallow == "true":
            assert updated.basis in ("git", "uncommitted", "unknown"), path
        else:  # a full clone dates every file
            assert updated.basis in ("git", "uncommitted", "mtime"), path
            assert updated.date is not None, path


def test_data_changes_list_each_commit_with_its_files_newest_first(repo: Path) -> None:
    ward = repo / "data" / "wards" / "x"
    changes = data_changes([ward])
    assert [c.subject for c in changes] == ["three", "two", "one"]
    assert [c.when.date() for c in changes] == [
        date(2026, 3, 1),
        date(2026, 1, 15),
        date(2025, 12, 12),
    ]
    assert changes[0].when.utcoffset() is not None  # the commit's own offset is kept
    assert changes[0].files == (("M", (ward / "a.yaml").resolve()),)
    assert changes[1].files == (("A", (ward / "b.yaml").resolve()),)
    assert len({c.commit for c in changes}) == 3


def test_data_changes_see_a_deleted_file(repo: Path) -> None:
    ward = repo / "data" / "wards" / "x"
    _git(repo, "rm", "-q", "data/wards/x/b.yaml")
    _git(repo, "commit", "-q", "-m", "four", when="2026-04-01")
    assert data_changes([ward])[0].files == (("D", (ward / "b.yaml").resolve()),)


def test_data_changes_are_empty_outside_a_git_work_tree(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    if subprocess.run(["git", "-C", str(folder), "rev-parse"], capture_output=True).returncode == 0:
        pytest.skip("the temporary folder is inside a git work tree")
    assert data_changes([folder]) == []


def test_file_versions_read_each_file_before_and_after_its_commit(repo: Path) -> None:
    ward = repo / "data" / "wards" / "x"
    changes = data_changes([ward])
    pairs = [(c.commit, path) for c in changes for _, path in c.files]
    versions = file_versions(pairs)
    assert [versions[p] for p in pairs] == [
        ("a: 1\n", "a: 2\n"),  # three: a.yaml edited
        ("", "b: 1\n"),  # two: b.yaml added
        ("", "a: 1\n"),  # one: the first commit has no parent
    ]
