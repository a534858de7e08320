"""A per-ward cache of rendered pages and downloads, so a rebuild redoes only changed wards.

A ward's pages, embed pages and open-data files are a function of its computed model
alone (`parallel.render_wards`), and that model of the ward's own YAML files, the dates
of those files (git history), the shared indicators its target pages name, the date
figures are stated at (`as_of`), the site's address and the code. The cache key is a
hash of exactly these:

- the name and bytes of every file of the ward's folder that was loaded (`WardData.files`);
- each of those files' last-changed date and its basis (history.py), which pages show;
- `as_of` and `site_url`, and whether the English copy is built;
- the shared indicators (`data/indicators.yaml`), whose names target pages print;
- the code version: a hash of every file under `site_builder/` (Python, page templates,
  assets) and the installed versions of the packages that shape the output (Jinja2,
  Markdown, nh3, openpyxl, XlsxWriter, pydantic, PyYAML, babel, MarkupSafe) and of Python.

No other data feeds a ward's pages: the JSON Schemas and the other wards are used by the
site-wide files only (the site ZIP, the home, downloads and search pages, the feeds),
which are rebuilt every time. A ward whose key is unchanged gets its stored output back;
any change to one of its inputs, or to the code, gives a new key and a fresh render.

Loading has a cache of its own (`LoadCache`): a ward's validated `WardData`, keyed on the
bytes of the files the loader reads, the shared indicators and the code version, so an
unchanged ward is not parsed and checked again (a ward with an error is never stored).

Layout: `<folder>/<ward id>/<key>/output.pickle` (the `WardOutput`) and
`<folder>/<ward id>/<key>/files/<site path>` (the downloads). An entry is written to a
temporary name and renamed, so an interrupted build leaves no half entry; older entries
of the same ward are removed when a new one is stored. The folder (`cache_dir` in
mkdocs.yml, `.cache/commitments/` by default) is safe to delete at any time.

Downloads are hard links where the file system allows (a copy elsewhere): the staging
folder, the cache entry and the built site then share one copy of each file, which saves
reading and writing 24,000 files per province build. Nothing in the build writes into an
existing file (MkDocs empties `site_dir` by unlinking; the plugin replaces a file by
unlinking it first), so the copies never diverge; an entry whose file no longer has its
recorded size (edited in place by another tool) is rendered again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from .computed import ComputedWard
from .lastsite import make_room, same_file, write_new
from .load import WardData
from .model import WARD_FILES, Indicator

if TYPE_CHECKING:
    from .parallel import WardOutput

# Bump when the layout of an entry changes.
FORMAT = "1"
# Installed packages whose versions change the pages or downloads.
KEY_PACKAGES = (
    "Jinja2",
    "MarkupSafe",
    "Markdown",
    "nh3",
    "openpyxl",
    "pydantic",
    "XlsxWriter",
    "PyYAML",
    "babel",
)
_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of site_builder's own files and of the versions of the key packages."""
    digest = hashlib.sha256(f"format {FORMAT}\npython {sys.version}\n".encode())
    for package in KEY_PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{package} {version}\n".encode())
    for path in sorted(_PACKAGE_DIR.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def ward_key(
    computed: ComputedWard, site_url: str, code: str | None = None, english: bool = False
) -> str:
    """The cache key of one ward's output (see the module docstring)."""
    digest = hashlib.sha256()
    digest.update(f"code {code or code_version()}\n".encode())
    # With the English copy (#17) the output holds twice the pages.
    digest.update(b"english\n" if english else b"")
    digest.update(f"as_of {computed.as_of.isoformat()}\nsite_url {site_url}\n".encode())
    ward = computed.ward
    digest.update(f"ward {ward.ward.id}\n".encode())
    for path in sorted(ward.files, key=lambda p: p.name):
        updated = computed.updated.get(path.name)
        when = updated.date.isoformat() if updated and updated.date else "-"
        basis = updated.basis if updated else "-"
        digest.update(f"file {path.name} {when} {basis}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    # Target pages name and link the shared indicators (data/indicators.yaml, #17).
    for indicator in ward.indicators:
        digest.update(f"indicator {indicator.model_dump_json()}\n".encode())
    return digest.hexdigest()


class WardCache:
    """Stored ward outputs under one folder, looked up by `ward_key`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _entry(self, ward_id: str, key: str) -> Path:
        return self.folder / ward_id / key

    def has(self, ward_id: str, key: str) -> bool:
        """Whether a complete entry is stored for this ward and key."""
        return (self._entry(ward_id, key) / "output.pickle").is_file()

    def restore(self, ward_id: str, key: str, downloads: Path | None) -> WardOutput | None:
        """The stored output, or None when absent or damaged.

        With `downloads` (the folder a fresh render would write them to), the output's
        `files_dir` is the entry's folder of downloads, each checked for its size: the
        site links them from there, nothing is copied.
        """
        entry = self._entry(ward_id, key)
        try:
            output: WardOutput = pickle.loads((entry / "output.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        if downloads is None:
            return output
        stored = entry / "files"
        for path, size in output.download_sizes.items():
            try:
                if (stored / path).stat().st_size != size:
                    return None  # an entry changed in place: render the ward again
            except OSError:
                return None  # an entry damaged by hand: render the ward again
        return dataclasses.replace(output, files_dir=str(stored))

    def store(self, ward_id: str, key: str, output: WardOutput, downloads: Path | None) -> None:
        """Keep this ward's output and downloads; drop its older entries."""
        ward_dir = self.folder / ward_id
        ward_dir.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=".new-", dir=ward_dir))
        try:
            if downloads is not None:
                for path in output.download_sizes:
                    target = temp / "files" / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    link_or_copy(downloads / path, target)
            (temp / "output.pickle").write_bytes(pickle.dumps(output, pickle.HIGHEST_PROTOCOL))
            entry = self._entry(ward_id, key)
            if entry.exists():
                shutil.rmtree(entry, ignore_errors=True)
            try:
                os.replace(temp, entry)
            except OSError:
                # Another build stored the same key meanwhile: its entry is as good.
                shutil.rmtree(temp, ignore_errors=True)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        for old in ward_dir.iterdir():
            if old.name != key and not old.name.startswith(".new-"):
                shutil.rmtree(old, ignore_errors=True)


def link_or_copy(source: Path, target: Path) -> None:
    """A second name for `source` (a hard link), or a copy across file systems.

    The downloads are written once and never changed in place: the staging folder, the
    cache entry and the built site can share one copy of each (module docstring). A
    target that already is that link is left as it is; another file there is replaced.
    """
    try:
        _link(source, target)
        return
    except OSError:
        pass
    make_room(target)
    shutil.copyfile(source, target)


class PageStore:
    """Finished pages by the SHA-256 of their bytes, hard-linked into the site.

    Writing 12,000 pages of ≈ 30 kB is most of a warm rebuild, and nearly all of them are
    the same bytes as in the last build. A page is filled (cheap), hashed, and linked
    from `<folder>/<2 hex>/<digest>` when that file holds exactly its bytes, or written
    there first; a site file that is already that link (the last build's site, put back
    by lastsite.py) is left as it is. Content-addressed, so no key can be wrong. `prune`
    removes the pages no site links any more. Where links are refused (another file
    system) the page is written as usual.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def place(self, content: bytes, target: str) -> None:
        """Make `target` hold `content` (its folders made as needed)."""
        digest = hashlib.sha256(content).hexdigest()
        stored = self.folder / digest[:2] / digest
        try:
            # Compared whole, not trusted by name: a site file edited in place by another
            # tool is this file too.
            if stored.read_bytes() == content:
                _link(stored, target)
                return
        except OSError:
            pass
        try:
            stored.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".new-", dir=stored.parent)
            with os.fdopen(fd, "wb") as out:
                out.write(content)
            os.replace(temp, stored)
            _link(stored, target)
        except OSError:
            write_new(content, target)

    def prune(self) -> int:
        """Remove the pages no site links (a link count of one); how many.

        A site moved aside still links its pages until it is removed: they go with a
        later build.
        """
        removed = 0
        for sub in self.folder.glob("??"):
            for entry in os.scandir(sub):
                try:
                    if entry.stat().st_nlink == 1:
                        os.unlink(entry.path)
                        removed += 1
                except OSError:
                    continue
        return removed


def _link(source: Path, target: Path | str) -> None:
    """Make `target` a hard link to `source`; kept when it is one, else replaced.

    Its folders are made as needed.
    """
    try:
        os.link(source, target)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.link(source, target)
    except FileExistsError:
        if same_file(source, target):
            return
        os.unlink(target)
        os.link(source, target)


class LoadCache:
    """Validated wards as `load.load_dataset` made them, by the content of their files.

    One file per ward: `<folder>/<ward id>.pickle` holds the key and the `WardData`
    (without the shared indicators, put back on the way out). The key hashes the
    folder's path, the name and bytes of every file the loader reads (`WARD_FILES`, a
    missing one included as missing), the indicators and the code version; any change
    reloads the ward, through every check.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(ward_folder: Path, indicators: tuple[Indicator, ...]) -> str:
        """The ward's load key (see the class docstring)."""
        digest = hashlib.sha256(f"code {code_version()}\nfolder {ward_folder}\n".encode())
        for indicator in indicators:
            digest.update(f"indicator {indicator.model_dump_json()}\n".encode())
        for name in WARD_FILES:
            try:
                content = (ward_folder / name).read_bytes()
            except FileNotFoundError:
                digest.update(f"missing {name}\n".encode())
                continue
            digest.update(f"file {name}\n".encode() + hashlib.sha256(content).digest())
        return digest.hexdigest()

    def get(
        self, ward_folder: Path, key: str, indicators: tuple[Indicator, ...]
    ) -> WardData | None:
        """The stored ward for this key, or None."""
        try:
            stored_key, ward = pickle.loads(
                (self.folder / f"{ward_folder.name}.pickle").read_bytes()
            )
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
            return None
        if stored_key != key or not isinstance(ward, WardData):
            return None
        return dataclasses.replace(ward, indicators=indicators)

    def put(self, ward_folder: Path, key: str, ward: WardData) -> None:
        """Store a ward that loaded without error (written whole or not at all)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(
            (key, dataclasses.replace(ward, indicators=())), pickle.HIGHEST_PROTOCOL
        )
        fd, temp = tempfile.mkstemp(prefix=".new-", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temp, self.folder / f"{ward_folder.name}.pickle")
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
