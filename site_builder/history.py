"""When each data file last changed, read from the git history in one pass.

Dates are never typed by hand: a page's "last updated" is the date of the last commit
that touched one of the files it is built from. The sequence:

1. `git log --name-only` over the data files, newest first, once for the whole site:
   the first commit that names a file is its last change;
2. files with changes not yet committed (a preview while editing) take their
   modification time, and say so;
3. without history the fallback is stated on the page, never hidden:
   - not a git work tree (a copied folder, git not installed): the file's
     modification time (`mtime`);
   - a shallow clone: a file whose last change is older than the clone's cut-off
     appears in the boundary commit as if created there; its date is `unknown`, since
     the boundary date would be a guess. Deploy from a full clone (fetch-depth 0,
     GIT_DEPTH 0; docs/maintainers/deploy.md).

`data_changes` reads the same history as a list of changes (commit, time, message,
files) for the Atom feeds (`feeds.py`); without history it is empty, and the feeds say so.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

Basis = Literal["git", "uncommitted", "mtime", "unknown"]


@dataclass(frozen=True)
class LastUpdated:
    """The date a file (or the newest of several files) last changed, and how it is known."""

    date: date | None
    basis: Basis

    def as_dict(self) -> dict[str, str | None]:
        """For the JSON and CSV downloads: ISO date (or null) and basis."""
        return {"date": self.date.isoformat() if self.date else None, "basis": self.basis}


UNKNOWN = LastUpdated(None, "unknown")
# When several files feed one page, a stated date beats an unknown one, and a date
# from history beats a file time only when it is newer.
_BASIS_RANK: dict[Basis, int] = {"unknown": 0, "mtime": 1, "git": 2, "uncommitted": 3}


def newest(dates: Iterable[LastUpdated]) -> LastUpdated:
    """The latest of several dates (unknown only when every one is unknown)."""
    known = [d for d in dates if d.date is not None]
    if not known:
        return UNKNOWN
    return max(known, key=lambda d: (d.date, _BASIS_RANK[d.basis]))


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotepath=off", *args],
            capture_output=True,
            check=False,
            text=True,
            encoding="utf-8",
        )
    except OSError:  # git is not installed
        return None
    return result.stdout if result.returncode == 0 else None


def _mtime(path: Path, basis: Basis) -> LastUpdated:
    try:
        return LastUpdated(datetime.fromtimestamp(path.stat().st_mtime).date(), basis)
    except OSError:
        return UNKNOWN


def _shallow_boundary(root: Path) -> set[str]:
    """The cut-off commits of a shallow clone (none in a full clone)."""
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() != "true":
        return set()
    shallow_file = (_git(root, "rev-parse", "--git-path", "shallow") or "").strip()
    shallow_path = root / shallow_file if shallow_file else None
    if shallow_path and shallow_path.is_file():
        return set(shallow_path.read_text(encoding="ascii").split())
    return set()


def _parse_log(log: str, wanted: set[str], boundary: set[str]) -> dict[str, LastUpdated]:
    """Read `git log` output: a NUL, `<hash> <iso date>`, then the commit's file names."""
    found: dict[str, LastUpdated] = {}
    for entry in log.split("\x00")[1:]:
        header, _, names = entry.partition("\n")
        commit, _, when = header.strip().partition(" ")
        day = date.fromisoformat(when[:10])
        for name in names.splitlines():
            name = name.strip()
            if name in wanted and name not in found:
                found[name] = UNKNOWN if commit in boundary else LastUpdated(day, "git")
    return found


def file_dates(paths: Iterable[Path]) -> dict[Path, LastUpdated]:
    """The last-updated date of every path (absolute paths in one git work tree, or none)."""
    files = sorted({p.resolve() for p in paths})
    if not files:
        return {}
    top = _git(files[0].parent, "rev-parse", "--show-toplevel")
    if top is None:
        return {p: _mtime(p, "mtime") for p in files}
    root = Path(top.strip()).resolve()
    rel = {p: p.relative_to(root).as_posix() for p in files}
    wanted = set(rel.values())
    boundary = _shallow_boundary(root)
    folders = sorted({Path(r).parent.as_posix() for r in wanted})
    log = (
        _git(root, "log", "--no-renames", "--format=%x00%H %cI", "--name-only", "--", *folders)
        or ""
    )
    found = _parse_log(log, wanted, boundary)
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *folders) or ""
    changed = {line[3:].strip().strip('"') for line in status.splitlines() if len(line) > 3}
    out: dict[Path, LastUpdated] = {}
    for path, name in rel.items():
        if name in changed or name not in found:
            # Edited and not committed yet, or never committed: the file's own time.
            out[path] = _mtime(path, "uncommitted")
        else:
            out[path] = found[name]
    return out


# ---------------------------------------------------------------- changes, for the feeds

ChangeKind = Literal["A", "M", "D"]  # added, modified, deleted (git's --name-status letters)


@dataclass(frozen=True)
class DataChange:
    """One commit that changed data files: when, its message, and which files how."""

    commit: str  # full hash: the stable identity of the change
    when: datetime  # commit time, with its UTC offset
    subject: str  # first line of the commit message
    files: tuple[tuple[ChangeKind, Path], ...]  # absolute paths, in git's order


def _parse_changes(log: str, root: Path, boundary: set[str]) -> list[DataChange]:
    """Read `git log --name-status` output into changes, skipping boundary commits.

    Each commit is a NUL, `<hash> <iso date> <subject>`, then a line per file: its
    letter (A, M or D), a tab and its path.
    """
    out = []
    for entry in log.split("\x00")[1:]:
        header, _, names = entry.partition("\n")
        commit, _, rest = header.partition(" ")
        when, _, subject = rest.partition(" ")
        if commit in boundary:
            # A shallow clone's cut-off commit appears to add every file: not a change.
            continue
        files: list[tuple[ChangeKind, Path]] = []
        for line in names.splitlines():
            letter, _, name = line.partition("\t")
            if letter in ("A", "M", "D") and name:
                files.append((letter, root / name))  # type: ignore[arg-type]  # checked
        if files:
            out.append(
                DataChange(commit, datetime.fromisoformat(when), subject.strip(), tuple(files))
            )
    return out


def data_changes(folders: Iterable[Path]) -> list[DataChange]:
    """Every commit that changed a file under `folders`, newest first; [] without history.

    One `git log` pass for the whole site, like `file_dates`. Not a git work tree, git
    missing, or no commit: no change is known, and the feeds say so. In a shallow clone
    the boundary commits are left out (their "changes" are the cut, not an edit).
    """
    wanted = sorted({p.resolve() for p in folders})
    if not wanted:
        return []
    top = _git(wanted[0], "rev-parse", "--show-toplevel")
    if top is None:
        return []
    root = Path(top.strip()).resolve()
    boundary = _shallow_boundary(root)
    rel = [p.relative_to(root).as_posix() for p in wanted]
    log = _git(root, "log", "--no-renames", "--format=%x00%H %cI %s", "--name-status", "--", *rel)
    return _parse_changes(log or "", root, boundary)


def file_versions(changes: Iterable[tuple[str, Path]]) -> dict[tuple[str, Path], tuple[str, str]]:
    """A changed file before and after each commit: (commit, path) -> (old text, new text).

    One `git cat-file --batch` process reads every version. A version that does not
    exist (the commit added the file, or has no parent) reads as empty; a pair that
    cannot be read at all (no git) is left out.
    """
    pairs = list(dict.fromkeys(changes))
    if not pairs:
        return {}
    top = _git(pairs[0][1].parent, "rev-parse", "--show-toplevel")
    if top is None:
        return {}
    root = Path(top.strip()).resolve()
    specs = []
    for commit, path in pairs:
        rel = path.relative_to(root).as_posix()
        specs += [f"{commit}^:{rel}", f"{commit}:{rel}"]
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "cat-file", "--batch"],
            input="".join(f"{s}\n" for s in specs).encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except OSError:
        return {}
    if result.returncode != 0:
        return {}
    texts = _read_batch(result.stdout, len(specs))
    if texts is None:
        return {}
    return {pair: (texts[2 * i], texts[2 * i + 1]) for i, pair in enumerate(pairs)}


def _read_batch(out: bytes, count: int) -> list[str] | None:
    """Split `git cat-file --batch` output into texts, one per requested object.

    Each object is a header line `<sha> <type> <size>`, its content and a newline; an
    object that does not exist is the line `<spec> missing`, read as empty text.
    """
    texts: list[str] = []
    at = 0
    for _ in range(count):
        end = out.find(b"\n", at)
        if end < 0:
            return None
        header = out[at:end].split()
        at = end + 1
        if len(header) == 3 and header[2].isdigit():
            size = int(header[2])
            texts.append(out[at : at + size].decode("utf-8", errors="replace"))
            at += size + 1
        else:  # "<spec> missing" or "ambiguous"
            texts.append("")
    return texts
