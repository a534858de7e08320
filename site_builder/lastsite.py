"""The last build's site, reused: the files a rebuild would write again are kept.

MkDocs empties the site folder before every build (unless `--dirty`). A province's
site is 34,000 files in 17,600 folders, nearly all of them the same after a one-ward
edit; making them again is most of a warm rebuild (≈ 0.2 ms a file or folder). So the
plugin moves the site aside before MkDocs empties it (`move_aside`, one rename), and
once it knows every file it will write itself, puts the folders holding them back
(`put_back`), removing every other file in them. The files then left are exactly the
plugin's own (pages filled into a theme shell, the wards' downloads, embed pages,
feeds); each writer keeps such a file only when it holds the bytes it would write
(`same_file`, `same_bytes`), and replaces it otherwise (never writing through it: a
page or a download is a hard link into the cache). What is not put back (the search
index, the hand-written pages' folders, a removed ward) stays aside and is removed
meanwhile by a forked process (`empty`). The site is the one a build into an empty
folder gives; tests/test_lastsite.py and tests/test_cache.py compare the two.

No MkDocs import: the plugin decides when this applies (plugin.on_pre_build).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Collection
from pathlib import Path


def move_aside(site: Path, trash: Path) -> Path | None:
    """Rename `site` into a new folder in `trash`; leave its hidden entries in place.

    Returns where the site now is, or None when it could not be renamed (another file
    system: the caller lets MkDocs empty it). MkDocs keeps hidden entries (the `.git`
    of a deploy checkout, ...): they are moved back at once.
    """
    trash.mkdir(parents=True, exist_ok=True)
    aside = Path(tempfile.mkdtemp(dir=trash)) / "site"
    try:
        os.rename(site, aside)
    except OSError:
        return None
    site.mkdir()
    shutil.copymode(aside, site)
    for name in os.listdir(aside):
        if name.startswith("."):
            os.rename(aside / name, site / name)
    return aside


def put_back(aside: Path, site: Path, keep: Collection[str]) -> int:
    """Move back the top folders of `aside` that hold a path in `keep`; how many files kept.

    `keep` holds site paths (`a/b/index.html`). In the folders moved back, every file
    and link not in `keep` is removed, then every folder left empty, so that only
    files of `keep` remain. An entry `site` already has is left aside.
    """
    tops = {path.split("/", 1)[0] for path in keep}
    kept = 0
    for name in sorted(tops):
        source, target = aside / name, site / name
        if not os.path.isdir(source) or os.path.islink(source) or os.path.lexists(target):
            continue
        os.rename(source, target)
        kept += _prune(str(target), name, keep)
    return kept


def _prune(folder: str, relative: str, keep: Collection[str]) -> int:
    """Remove what is in `folder` (site path `relative`) and not in `keep`; files kept."""
    kept = 0
    with os.scandir(folder) as entries:
        listed = list(entries)
    for entry in listed:
        path = f"{relative}/{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            kept += _prune(entry.path, path, keep)
        elif path in keep:
            kept += 1
        else:
            os.unlink(entry.path)
    if not kept:
        os.rmdir(folder)
    return kept


def same_file(source: Path | str, target: Path | str) -> bool:
    """Whether `target` is already a hard link to `source` (False when either is missing)."""
    try:
        return os.path.samefile(source, target)
    except OSError:
        return False


def same_bytes(content: bytes, target: str) -> bool:
    """Whether the file `target` holds exactly `content` (False when it is missing)."""
    try:
        if os.path.getsize(target) != len(content):
            return False
        with open(target, "rb") as existing:
            return existing.read() == content
    except OSError:
        return False


def write_new(content: bytes, target: str) -> None:
    """Write `content` to `target` as a new file, its folders made as needed.

    An existing file is unlinked, not written through: it may be a hard link into the
    cache.
    """
    make_room(target)
    with open(target, "wb") as out:
        out.write(content)


def make_room(target: Path | str) -> None:
    """Unlink the file at `target`, or make its folders when there is none."""
    try:
        os.unlink(target)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)


def empty(folder: Path) -> None:
    """Remove everything in `folder` (sites moved aside), whatever is already gone."""
    for entry in folder.iterdir():
        shutil.rmtree(entry, ignore_errors=True)
