"""What a reader and the search index see in a built site: pages, their text, anchors.

Two builds of the same content by different generators (MkDocs and ProperDocs, or the
`site-builder export` tree built without our plugin) must publish the same pages with
the same words; their HTML may differ in ways nobody sees (a `generator` meta tag,
attribute order, whitespace). This module reduces a built site to what matters and
compares two of them:

- the page list: every `.html` file, the Pagefind bundle left out (it is rebuilt from
  the pages and its file names are hashes);
- per page, its `<title>`, its visible text as lines (text nodes outside `script`,
  `style` and `template`, one line per block element, spaces collapsed), the text the
  search index gets (inside `data-pagefind-body`, outside `data-pagefind-ignore`),
  and the `id`s of its headings (the targets of links such as `/phuong-phap/#…`);
- the list of the other files (downloads, feeds, assets), and optionally their bytes.

Only the standard library is used, so `scripts/compare-sites.py` runs in any
environment that has the package's source.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SKIPPED_FOLDERS = ("pagefind",)
"""Top-level folders of a built site left out: the search bundle, rebuilt from the pages."""

# Elements whose content is never shown as text.
_HIDDEN = {"script", "style", "template"}
# Elements that start a new line of text (block boxes, table cells, line breaks).
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "label", "legend", "option", "select", "button", "noscript",
}  # fmt: skip
# Void elements never get an end tag: they must not be pushed on the element stack.
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class PageText:
    """What one built page shows and indexes."""

    title: str
    text: tuple[str, ...]
    """Visible lines, in document order."""
    indexed: tuple[str, ...]
    """Lines inside `data-pagefind-body` and outside `data-pagefind-ignore`."""
    heading_ids: tuple[str, ...]


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, hidden, ignored) per element
        self.indexing = 0  # depth inside data-pagefind-body elements
        self.title: list[str] = []
        self.in_title = False
        self.lines: list[str] = [""]
        self.indexed: list[str] = [""]
        self.heading_ids: list[str] = []

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _ignored(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def _break(self) -> None:
        for lines in (self.lines, self.indexed):
            if lines[-1].strip():
                lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "title":
            self.in_title = True
        if tag in _BLOCKS:
            self._break()
        if tag in _HEADINGS and names.get("id"):
            self.heading_ids.append(str(names["id"]))
        if tag in _VOID:
            return
        hidden = self._hidden() or tag in _HIDDEN
        ignored = self._ignored() or "data-pagefind-ignore" in names
        body = "data-pagefind-body" in names
        self.stack.append((tag, hidden, ignored))
        if body:
            self.indexing += 1
            self.stack[-1] = (tag + "\0body", hidden, ignored)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _BLOCKS:
            self._break()
        # Close up to the matching element (HTML allows omitted end tags, e.g. </p>).
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0].split("\0")[0] == tag:
                for closed in self.stack[depth:]:
                    if closed[0].endswith("\0body"):
                        self.indexing -= 1
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self._hidden():
            return
        self.lines[-1] += data
        if self.indexing and not self._ignored():
            self.indexed[-1] += data


def _clean(lines: Iterable[str]) -> tuple[str, ...]:
    return tuple(text for text in (_SPACES.sub(" ", line).strip() for line in lines) if text)


def page_text(html: str) -> PageText:
    """The title, visible text, indexed text and heading ids of one HTML page."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    return PageText(
        title=_SPACES.sub(" ", "".join(parser.title)).strip(),
        text=_clean(parser.lines),
        indexed=_clean(parser.indexed),
        heading_ids=tuple(parser.heading_ids),
    )


def site_files(site: Path) -> list[str]:
    """Every file of a built site as sorted site-relative paths, the search bundle left out."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.relative_to(site).parts[0] not in SKIPPED_FOLDERS
    )


@dataclass
class SiteDifference:
    """How two built sites differ, in what a reader sees; empty when they are equal."""

    only_left: list[str] = field(default_factory=list)
    """Files present in the left site only (pages and others)."""
    only_right: list[str] = field(default_factory=list)
    pages: dict[str, list[str]] = field(default_factory=dict)
    """Page path -> a unified diff of what differs (title, text, indexed text, ids)."""
    files: list[str] = field(default_factory=list)
    """Non-HTML files in both sites whose bytes differ (when compared)."""
    compared_pages: int = 0
    compared_files: int = 0
    file_bytes: bool = False
    """Whether the other files' bytes were compared, or only their names."""

    def __bool__(self) -> bool:
        return bool(self.only_left or self.only_right or self.pages or self.files)

    def report(self, left: str = "left", right: str = "right", limit: int = 40) -> str:
        """A readable account: the differing pages and files, each diff cut at `limit` lines."""
        if not self:
            return (
                f"equal: {self.compared_pages} pages (title, text, indexed text, heading "
                f"ids) and {self.compared_files} other files "
                f"({'bytes' if self.file_bytes else 'names'} compared)"
            )
        out: list[str] = []
        for name, paths in ((left, self.only_left), (right, self.only_right)):
            if paths:
                out.append(f"only in {name} ({len(paths)}):")
                out += [f"  {path}" for path in paths]
        if self.pages:
            out.append(f"pages that differ ({len(self.pages)} of {self.compared_pages}):")
            for path, diff in self.pages.items():
                out.append(f"  {path}")
                shown = diff[:limit]
                out += [f"    {line}" for line in shown]
                if len(diff) > limit:
                    out.append(f"    … {len(diff) - limit} more lines")
        if self.files:
            out.append(f"files whose bytes differ ({len(self.files)}):")
            out += [f"  {path}" for path in self.files]
        return "\n".join(out)


def _as_lines(page: PageText) -> list[str]:
    return [
        f"title: {page.title}",
        *(f"text: {line}" for line in page.text),
        *(f"indexed: {line}" for line in page.indexed),
        *(f"id: {anchor}" for anchor in page.heading_ids),
    ]


def compare_sites(left: Path, right: Path, *, file_bytes: bool = False) -> SiteDifference:
    """Compare two built sites: file lists, and every common page's text.

    With `file_bytes`, the other files present in both (downloads, feeds, scripts) must
    also be byte for byte equal.
    """
    left_files, right_files = set(site_files(left)), set(site_files(right))
    result = SiteDifference(
        only_left=sorted(left_files - right_files),
        only_right=sorted(right_files - left_files),
        file_bytes=file_bytes,
    )
    for path in sorted(left_files & right_files):
        if path.endswith(".html"):
            result.compared_pages += 1
            a = _as_lines(page_text((left / path).read_text(encoding="utf-8")))
            b = _as_lines(page_text((right / path).read_text(encoding="utf-8")))
            if a != b:
                diff = difflib.unified_diff(a, b, "left", "right", lineterm="", n=1)
                result.pages[path] = list(diff)[2:]
        else:
            result.compared_files += 1
            if file_bytes and _digest(left / path) != _digest(right / path):
                result.files.append(path)
    return result


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
