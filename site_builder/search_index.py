"""The Pagefind search index of a built site, written in parts of bounded size.

Pagefind's own indexing needs ≈ 170 kB of memory per page when it writes its bundle
(measured with Pagefind 1.5.2 on the synthetic province: 285 MB at 1,500 pages, 1,036 MB
at 6,000, 1,950-2,050 MB at 12,000, the same through its CLI and its service), whatever the
pages hold. A province of 12,000 pages therefore needs 2 GB in one process. Here the
built pages are split into parts of at most `PART_PAGES` pages, whole top-level folders
(a ward and all its pages) at a time, and each part is indexed by its own Pagefind
process, at most `processes` at a time:

- part 1 is written to `<site>/pagefind/`, a complete bundle with Pagefind's UI;
- part k > 1 to `<site>/pagefind/part-k/`, its index files only (the browser merges it
  with `mergeIndex`, which uses part 1's scripts and WebAssembly);
- `<site>/pagefind/parts.json` lists the further parts' folders (`["part-2/", ...]`,
  `[]` for a site of one part), for the search script to merge.

Parts are assigned so that an edit stays in its part (`plan_parts`): the site-wide pages
(the root's files and every top-level folder that is not a ward: home, hand-written
pages, comparisons) are part 1, and each ward's folder goes to the part its name hashes
to, among the fewest parts that keep every part within `PART_PAGES`. Editing a ward
therefore changes the input of its own part and, when site-wide pages list it, part 1.

With a cache folder (the plugin's `cache_dir`), each part's bundle files are kept under
`<cache>/.search-index/<key>/`, the key a hash of the part's input (every page's path
and bytes, whether the part is the complete bundle), of Pagefind (its version and
binary) and of this module's source. A rebuild hard-links back every part whose key is
unchanged (the bundle folder is made anew each build, and nothing writes a file in
place) and runs Pagefind for the others only: what a part holds is a function of its
pages alone, so the merged index is the one a cold build writes (Pagefind's filter and
meta files differ in byte order between any two runs, cold or not; the search results
do not). Entries this build did not use are removed at its end.

A site of fewer pages than `PART_PAGES` (the real site, the tests) gets one part, the
index as `pagefind --site` (same fragments; Pagefind numbers pages in the order they
come, which varies from run to run in its CLI). Pages are sent through Pagefind's
service mode (the protocol of its Python and Node APIs: base64 JSON messages separated
by commas on the process's stdin and stdout), read one at a time from the built site,
so Pagefind sees exactly the HTML a visitor gets (`data-pagefind-body`,
`data-pagefind-ignore`, filters and metadata). The
bundle's files come back with `GetFiles` and are written here: Pagefind's `WriteFiles`
replies before its writes are done (a process stopped then left an empty
`pagefind-entry.json`). The `pagefind` package's Python API is not used: it reads each
reply after a 0.1 s sleep, 20 minutes for 12,000 pages.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import os
import shutil
import subprocess
import tempfile
import threading
from collections import deque
from collections.abc import Collection, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

from . import urls
from .cache import link_or_copy

BUNDLE = "pagefind"
"""The bundle's folder in the site, as Pagefind's CLI names it."""
PARTS_FILE = "parts.json"
"""In the bundle: the folders of the further parts, relative to the bundle."""
PART_PAGES = 4_000
"""Most pages in one part: ≤ ≈ 700 MB for Pagefind's process (see the module docstring)."""
_IN_FLIGHT = 32
"""Pages sent to Pagefind ahead of its replies (it answers each in turn)."""
# What a further part keeps: mergeIndex reads the index, never the UI or WebAssembly.
_PART_KEEPS = ("pagefind-entry.json", "index", "fragment", "filter")
CACHE_FOLDER = ".search-index"
"""In the cache folder: one entry per part's key (a dot: never a ward id)."""
_CACHE_FORMAT = "1"
_ENTRY_INFO = "part.json"


class SearchIndexError(Exception):
    """Pagefind failed, or refused a page; the message names the page."""


@dataclass(frozen=True)
class IndexedPart:
    """One part of the index, as written."""

    folder: str
    """The part's bundle folder, relative to the site: `pagefind` or `pagefind/part-2`."""
    pages: int
    """HTML files sent to Pagefind (it leaves out those without `data-pagefind-body`)."""
    indexed: int
    """Pages in the part's index."""
    peak_rss_mb: float | None
    """Peak resident memory of the part's Pagefind process (Linux), or None."""
    reused: bool = False
    """Copied from the cache: its pages had not changed (no Pagefind process ran)."""


# Not sent to Pagefind: its own bundle, and the English copy (#17), which has no
# `data-pagefind-body` (a part holding only such pages would be indexed whole).
_NOT_INDEXED = (BUNDLE, urls.ENGLISH.rstrip("/"))


def html_files(site_dir: Path) -> list[str]:
    """Every HTML file to index, as sorted site-relative paths (see `_NOT_INDEXED`).

    `os.walk` with string paths, the left-out folders never entered: `Path.rglob` and
    `relative_to` took 0.4 s at 12,000 pages, on every rebuild.
    """
    found: list[str] = []
    root = str(site_dir)
    for folder, subfolders, names in os.walk(root):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        if not prefix:
            subfolders[:] = [name for name in subfolders if name not in _NOT_INDEXED]
        found.extend(prefix + name for name in names if name.endswith(".html"))
    return sorted(found)


# Pagefind indexes only the pages holding this attribute once any page does.
_BODY_MARK = b"data-pagefind-body"


def indexed_files(site_dir: Path) -> list[str]:
    """The HTML files Pagefind will index: those with `data-pagefind-body`.

    Pagefind leaves out the others (embeds, the reports: 40 % of a province's files)
    once any page has the attribute, after reading and parsing them; they are not sent.
    A site with no such page is sent whole (Pagefind then indexes every page).
    """
    files = html_files(site_dir)
    marked = [path for path in files if _BODY_MARK in (site_dir / path).read_bytes()]
    return marked or files


def plan_parts(
    files: Sequence[str], part_pages: int = PART_PAGES, wards: Collection[str] | None = None
) -> list[list[str]]:
    """Split `files` into parts of at most `part_pages`, keeping top-level folders whole.

    A site of at most `part_pages` pages is one part. Otherwise part 1 holds the site-wide
    pages: files at the site's root and, when `wards` (the top-level folders that are
    wards) is given, every other top-level folder. The remaining folders are spread over
    the fewest parts that keep each within `part_pages`, each folder in the part its
    name's hash picks: the plan depends on each folder's name and the number of parts
    only, so a ward's edit (even one adding pages) leaves the other wards where they
    were. A folder larger than `part_pages` is a part of its own. Parts are in the order
    of their first file; each part's files in the order of `files`.
    """
    if part_pages < 1:
        raise SearchIndexError(f"search_part_pages must be at least 1, not {part_pages}")
    if len(files) <= part_pages:
        return [list(files)] if files else []
    position = {path: number for number, path in enumerate(files)}
    groups: dict[str, list[str]] = {}
    for path in files:
        top = path.split("/", 1)[0] if "/" in path else ""
        groups.setdefault(top, []).append(path)
    site_wide: list[str] = []
    spread: dict[str, list[str]] = {}
    alone: list[list[str]] = []
    for top, group in groups.items():
        if top == "" or (wards is not None and top not in wards):
            site_wide.extend(group)
        elif len(group) > part_pages:
            alone.append(group)
        else:
            spread[top] = group
    buckets = _spread(spread, part_pages)
    further = [sorted(part, key=position.__getitem__) for part in [*buckets, *alone] if part]
    further.sort(key=lambda part: position[part[0]])
    return [sorted(site_wide, key=position.__getitem__), *further] if site_wide else further


def _spread(groups: dict[str, list[str]], part_pages: int) -> list[list[str]]:
    """The folders in the fewest hash buckets of at most `part_pages` pages each."""
    if not groups:
        return []
    total = sum(len(group) for group in groups.values())
    hashes = {top: int(hashlib.sha256(top.encode()).hexdigest()[:16], 16) for top in groups}
    count = max(1, math.ceil(total / part_pages))
    while True:
        buckets: list[list[str]] = [[] for _ in range(count)]
        for top, group in groups.items():
            buckets[hashes[top] % count].extend(group)
        if max(len(bucket) for bucket in buckets) <= part_pages:
            return buckets
        count += 1


def part_folder(number: int) -> str:
    """The bundle folder of part `number` (from 1), relative to the site."""
    return BUNDLE if number == 1 else f"{BUNDLE}/part-{number}"


def pagefind_executable() -> Path:
    """The Pagefind binary the `pagefind[bin]` package installed (or one on PATH)."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise SearchIndexError("Pagefind is not installed: run `make venv` (pagefind[bin])")
    return found


def build_search_index(
    site_dir: Path,
    executable: Path | None = None,
    *,
    part_pages: int = PART_PAGES,
    processes: int = 1,
    wards: Collection[str] | None = None,
    cache_dir: Path | None = None,
) -> list[IndexedPart]:
    """Index the built site in `site_dir` with Pagefind (`executable`, or the installed one).

    `processes` parts are indexed at the same time; each needs up to ≈ 170 kB per page
    of its part. `wards`: the top-level folders that are wards (see `plan_parts`).
    `cache_dir`: keep each part's bundle there and reuse the parts whose pages did not
    change (see the module docstring).
    """
    site_dir = site_dir.resolve()
    executable = executable or pagefind_executable()
    bundle = site_dir / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    parts = plan_parts(indexed_files(site_dir), part_pages, wards)
    if not parts:
        raise SearchIndexError(f"Pagefind: no HTML page in {site_dir}")
    jobs = list(enumerate(parts, start=1))
    store = _PartCache(cache_dir / CACHE_FOLDER, executable) if cache_dir else None

    def run(job: tuple[int, list[str]]) -> IndexedPart:
        number, files = job
        if store is None:
            return _index_part(site_dir, executable, files, number)
        key = store.key(site_dir, files, complete=number == 1)
        restored = store.restore(key, site_dir, part_folder(number))
        if restored is not None:
            return restored
        indexed = _index_part(site_dir, executable, files, number)
        store.store(key, site_dir / part_folder(number), indexed)
        return indexed

    with ThreadPoolExecutor(max_workers=max(1, processes)) as pool:
        indexed = list(pool.map(run, jobs))
    if store is not None:
        store.prune()
    further = [f"part-{number}/" for number, _ in jobs[1:]]
    (bundle / PARTS_FILE).write_text(json.dumps(further), encoding="utf-8")
    return indexed


class _PartCache:
    """Stored part bundles under one folder, looked up by the hash of their input."""

    def __init__(self, folder: Path, executable: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        digest = hashlib.sha256(f"format {_CACHE_FORMAT}\n".encode())
        try:
            digest.update(f"pagefind {metadata.version('pagefind')}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(b"pagefind absent\n")
        stat = executable.stat() if executable.is_file() else None
        described = f"{executable.resolve()} {stat.st_size} {stat.st_mtime_ns}" if stat else "-"
        digest.update(f"binary {described}\n".encode())
        digest.update(hashlib.sha256(Path(__file__).read_bytes()).digest())
        self.version = digest.hexdigest()

    def key(self, site_dir: Path, files: Sequence[str], *, complete: bool) -> str:
        """Hash of what Pagefind's output for this part depends on."""
        digest = hashlib.sha256(f"{self.version}\ncomplete {complete}\n".encode())
        for path in files:
            digest.update(path.encode() + b"\0")
            digest.update(hashlib.sha256((site_dir / path).read_bytes()).digest())
        return digest.hexdigest()

    def restore(self, key: str, site_dir: Path, folder: str) -> IndexedPart | None:
        """Copy a stored part into `site_dir/folder`; None when absent or damaged."""
        entry = self.folder / key
        output = site_dir / folder
        try:
            info = json.loads((entry / _ENTRY_INFO).read_text(encoding="utf-8"))
            part = IndexedPart(folder, int(info["pages"]), int(info["indexed"]), None, True)
            for name, size in info["files"].items():
                relative = PurePosixPath(name)
                if relative.is_absolute() or ".." in relative.parts:
                    raise ValueError(f"{entry}: unsafe file name {name!r}")
                source, target = entry / "files" / name, output / name
                if source.stat().st_size != size:
                    raise ValueError(f"{source}: not the stored size")
                target.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(source, target)  # a hard link: the site's bundle is new each build
        except (OSError, ValueError, KeyError, TypeError):
            _clear(output)  # damaged or removed meanwhile: index the part again
            return None
        self.used.add(key)
        return part

    def store(self, key: str, output: Path, part: IndexedPart) -> None:
        """Keep the part's files (not the further parts inside part 1's folder)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=".new-", dir=self.folder))
        try:
            sizes: dict[str, int] = {}
            for source in sorted(output.rglob("*")):
                relative = source.relative_to(output)
                if relative.parts[0].startswith("part-") or source.is_dir():
                    continue
                target = temp / "files" / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(source, target)
                sizes[relative.as_posix()] = target.stat().st_size
            info = {"pages": part.pages, "indexed": part.indexed, "files": sizes}
            (temp / _ENTRY_INFO).write_text(json.dumps(info), encoding="utf-8")
            try:
                os.replace(temp, self.folder / key)
            except OSError:
                pass  # the same entry stored meanwhile (same key, same files)
        finally:
            shutil.rmtree(temp, ignore_errors=True)
        self.used.add(key)

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        for entry in self.folder.iterdir() if self.folder.is_dir() else ():
            if entry.name not in self.used and not entry.name.startswith(".new-"):
                shutil.rmtree(entry, ignore_errors=True)


def _clear(output: Path) -> None:
    """Empty a part's folder, leaving the further parts inside part 1's."""
    if not output.is_dir():
        return
    for child in output.iterdir():
        if child.is_dir() and child.name.startswith("part-"):
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def _index_part(site_dir: Path, executable: Path, files: list[str], number: int) -> IndexedPart:
    folder = part_folder(number)
    output = site_dir / folder
    with _Service(executable, site_dir) as service:
        index_id = service.call({"type": "NewIndex", "config": None})["index_id"]
        pending: deque[tuple[int, str]] = deque()
        for path in files:
            contents = (site_dir / path).read_text(encoding="utf-8")
            request = {
                "type": "AddFile",
                "index_id": index_id,
                "file_path": path,
                "url": None,
                "file_contents": contents,
            }
            pending.append((service.send(request), path))
            if len(pending) >= _IN_FLIGHT:
                service.reply(*pending.popleft())
        while pending:
            service.reply(*pending.popleft())
        # Pagefind's own WriteFiles replies before its writes are done, and a process
        # told to stop then may leave files empty: the bundle is written here instead.
        files_reply = service.call({"type": "GetFiles", "index_id": index_id})
        peak = service.peak_rss_mb()
    _write_bundle(output, files_reply.get("files") or [], complete=number == 1)
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(int(language["page_count"]) for language in entry["languages"].values())
    return IndexedPart(folder, len(files), indexed, peak)


def _write_bundle(output: Path, files: list[dict[str, str]], *, complete: bool) -> None:
    """Write Pagefind's files (base64) into `output`; a further part keeps its index only."""
    output.mkdir(parents=True, exist_ok=True)
    for item in files:
        relative = PurePosixPath(item["path"])
        if relative.is_absolute() or ".." in relative.parts:
            raise SearchIndexError(f"Pagefind gave an unsafe file name: {item['path']!r}")
        if not complete and not _in_part(relative):
            continue
        target = output.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # never write through a hard link into the cache
        target.write_bytes(base64.b64decode(item["content"]))
    if not (output / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"Pagefind wrote no pagefind-entry.json for {output}")


def _in_part(relative: PurePosixPath) -> bool:
    return relative.parts[0] in _PART_KEEPS or relative.name.endswith(".pf_meta")


class _Service:
    """One `pagefind --service` process, talked to in its message protocol.

    Requests may be sent ahead of their replies (`send`, then `reply` in any order): a
    thread reads the replies as they come, so neither pipe fills while the other waits.
    """

    def __init__(self, executable: Path, cwd: Path) -> None:
        # Its messages go to a file: a pipe nobody reads could fill and stop it.
        self._errors = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen(
                [str(executable), "--service"],
                cwd=cwd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._errors,
            )
        except OSError as exc:
            self._errors.close()
            raise SearchIndexError(f"Pagefind could not start ({executable}): {exc}") from None
        self._next_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._ended = False
        self._ready = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="pagefind-replies", daemon=True)
        self._reader.start()

    def __enter__(self) -> _Service:
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process.stdin is not None
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._errors.close()

    def send(self, payload: dict[str, Any]) -> int:
        """Send one request; its message id."""
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        assert self.process.stdin is not None
        try:
            data = json.dumps(message, ensure_ascii=False).encode("utf-8")
            self.process.stdin.write(base64.b64encode(data) + b",")
            self.process.stdin.flush()
        except BrokenPipeError:
            raise SearchIndexError(f"Pagefind stopped: {self._stderr()}") from None
        return self._next_id

    def reply(self, message_id: int, about: str = "") -> dict[str, Any]:
        """Wait for the reply to `message_id`; an error reply raises, naming `about`."""
        with self._ready:
            self._ready.wait_for(lambda: message_id in self._replies or self._ended)
            payload = self._replies.pop(message_id, None)
        if payload is None:
            raise SearchIndexError(f"Pagefind stopped{_on(about)}: {self._stderr()}")
        if payload.get("type") == "Error":
            raise SearchIndexError(f"Pagefind refused{_on(about)}: {payload.get('message')}")
        return payload

    def call(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one request and wait for its reply."""
        return self.reply(self.send(payload), str(payload.get("type")))

    def peak_rss_mb(self) -> float | None:
        """The process's peak resident memory so far (Linux's VmHWM), or None."""
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="ascii")
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return None

    def _read(self) -> None:
        stdout = self.process.stdout
        assert isinstance(stdout, io.BufferedReader)
        pending: list[bytes] = []  # the message being received, in pieces
        while chunk := stdout.read1(1 << 16):
            *ends, rest = chunk.split(b",")
            for end in ends:
                message = b"".join([*pending, end])
                pending = []
                if message.strip():
                    self._receive(message)
            pending.append(rest)
        with self._ready:
            self._ended = True
            self._ready.notify_all()

    def _receive(self, message: bytes) -> None:
        try:
            reply = json.loads(base64.b64decode(message))
        except ValueError:
            return  # not a message of the protocol
        with self._ready:
            self._record(reply)
            self._ready.notify_all()

    def _record(self, reply: dict[str, Any]) -> None:
        payload = reply.get("payload") or {}
        message_id = reply.get("message_id")
        if message_id is None and payload.get("original_message"):
            # A request Pagefind could not parse comes back without its id.
            message_id = json.loads(payload["original_message"]).get("message_id")
        if message_id is not None:
            self._replies[int(message_id)] = payload

    def _stderr(self) -> str:
        if self.process.poll() is None:
            return "no reply"
        self._errors.seek(0)
        return self._errors.read().decode(errors="replace").strip() or "no message"


def _on(about: str) -> str:
    return f" on {about}" if about else ""


def describe(parts: Iterable[IndexedPart]) -> str:
    """One line for the build log: pages, parts and the largest Pagefind process."""
    parts = list(parts)
    pages = sum(part.indexed for part in parts)
    peaks = [part.peak_rss_mb for part in parts if part.peak_rss_mb is not None]
    peak = f", largest Pagefind process {max(peaks):.0f} MB" if peaks else ""
    reused = sum(1 for part in parts if part.reused)
    kept = f", {reused} unchanged from the cache" if reused else ""
    return f"{pages} pages in {len(parts)} part{'s' if len(parts) > 1 else ''}{kept}{peak}"
