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
import io
import json
import math
import shutil
import subprocess
import tempfile
import threading
from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import urls

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


# Not sent to Pagefind: its own bundle, and the English copy (#17), which has no
# `data-pagefind-body` (a part holding only such pages would be indexed whole).
_NOT_INDEXED = (BUNDLE, urls.ENGLISH.rstrip("/"))


def html_files(site_dir: Path) -> list[str]:
    """Every HTML file to index, as sorted site-relative paths (see `_NOT_INDEXED`)."""
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.relative_to(site_dir).parts[0] not in _NOT_INDEXED
    )


def plan_parts(files: Sequence[str], part_pages: int = PART_PAGES) -> list[list[str]]:
    """Split `files` into parts of at most `part_pages`, keeping top-level folders whole.

    As few parts as the limit allows, of about the same size. Files at the site's root
    (home, 404) go with the first folder; a folder larger than `part_pages` is a part
    of its own. The order is the order of `files`.
    """
    if part_pages < 1:
        raise SearchIndexError(f"search_part_pages must be at least 1, not {part_pages}")
    groups: dict[str, list[str]] = {}
    for path in files:
        top = path.split("/", 1)[0] if "/" in path else ""
        groups.setdefault(top, []).append(path)
    target = math.ceil(len(files) / max(1, math.ceil(len(files) / part_pages)))
    parts: list[list[str]] = []
    for group in groups.values():
        if parts and len(parts[-1]) < target and len(parts[-1]) + len(group) <= part_pages:
            parts[-1].extend(group)
        else:
            parts.append(list(group))
    return parts


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
) -> list[IndexedPart]:
    """Index the built site in `site_dir` with Pagefind (`executable`, or the installed one).

    `processes` parts are indexed at the same time; each needs up to ≈ 170 kB per page
    of its part.
    """
    site_dir = site_dir.resolve()
    executable = executable or pagefind_executable()
    bundle = site_dir / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    parts = plan_parts(html_files(site_dir), part_pages)
    if not parts:
        raise SearchIndexError(f"Pagefind: no HTML page in {site_dir}")
    jobs = list(enumerate(parts, start=1))
    with ThreadPoolExecutor(max_workers=max(1, processes)) as pool:
        indexed = list(
            pool.map(lambda job: _index_part(site_dir, executable, job[1], job[0]), jobs)
        )
    further = [f"part-{number}/" for number, _ in jobs[1:]]
    (bundle / PARTS_FILE).write_text(json.dumps(further), encoding="utf-8")
    return indexed


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
            self.process.stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
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
    return f"{pages} pages in {len(parts)} part{'s' if len(parts) > 1 else ''}{peak}"
