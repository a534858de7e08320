"""Atom feeds (RFC 4287) of data changes: one per ward and one for the whole site.

An entry is one commit that changed data files (`history.data_changes`): when, which
files and how (added, changed, deleted), and the commit's message. The sequence:

1. `build_ward_feed` / `build_site_feed` pick the changes of a ward (files in its
   folder) or of every ward, newest first, at most `MAX_ENTRIES`;
2. `item_changes` names the items a changed file gained, lost or edited, by comparing
   its two versions (`history.file_versions`, one git process for the whole site):
   the lists of the YAML file whose entries carry an `id` (targets, series, projects,
   tasks, documents, organisations). At most `DIFF_BUDGET` files are compared per
   build, newest first, so a province's long history cannot make a build slow; older
   changes name their files only;
3. `feed_xml` writes the feed with ElementTree, which escapes every text.

Identities never depend on where the site is served: the feed's and each entry's `id`
is a name-based UUID (`urn:uuid:`, RFC 4122 version 5) of the ward and the commit, so a
reader that moved with the site sees no entry twice. Links are absolute under the
configured `site_url`; without one they are relative references, which RFC 4287
(section 4.2.7.1, with RFC 3986 section 5.1.3) resolves against the feed's own address,
and the `self` link, which would say nothing more, is left out: no host is guessed.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import yaml

from . import urls
from .computed import ComputedWard
from .fmt import day
from .history import DataChange, file_versions
from .labels import t

ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"
# Entries per feed: a reader wants the recent changes; the whole history is in git.
MAX_ENTRIES = 50
# Changed files whose items are compared per build (two YAML parses each).
DIFF_BUDGET = 400
# Items named per file and kind of change; more are counted.
ITEMS_SHOWN = 10
# An item is named by its code and the start of its name (a task's text is a paragraph).
NAME_CHARS = 120
# The namespace of the feeds' name-based UUIDs (a UUID of our own, fixed for good).
_NAMESPACE = uuid.UUID("6f1d4c2e-8a57-5b0e-9d51-3c8e2a7f4b10")


@dataclass(frozen=True)
class FeedFile:
    """A file a change touched, and the items it gained, lost or edited."""

    label: str  # "chỉ tiêu (targets.yaml), sửa"
    items: list[str]  # "Thêm: I.1 Kế hoạch ...; II.3 ..." (empty when not compared)


@dataclass(frozen=True)
class FeedEntry:
    """One data change, as a feed entry."""

    id: str  # urn:uuid:..., stable
    title: str
    updated: datetime
    link: str  # the ward page (or the home page, for a change of several wards)
    files: list[FeedFile]
    message: str


@dataclass(frozen=True)
class Feed:
    """A feed: its place on the site, identity, links and entries."""

    path: str  # site-relative: "kien-an/thay-doi.xml"
    id: str
    title: str
    subtitle: str
    updated: datetime
    self_link: str | None  # absolute, or None without a site_url
    alternate: str  # the page the feed is about
    author: str
    entries: list[FeedEntry]


def _uuid(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, '/'.join(parts))}"


def _href(site_url: str, feed_path: str, target: str) -> str:
    """A link from the feed: absolute under `site_url`, else relative to the feed."""
    absolute = urls.absolute(site_url, target)
    if absolute is not None:
        return absolute
    folder = feed_path.rsplit("/", 1)[0] + "/" if "/" in feed_path else ""
    return urls.relative(folder, target)


def _file_label(kind: str, name: str) -> str:
    key = f"feed.file.{name}"
    try:
        what = f"{t(key)} ({name})"
    except KeyError:  # a file the site does not read (a note, a new kind of file)
        what = name
    return f"{what}, {t(f'feed.change.{kind}')}"


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


Diffs = Mapping[tuple[str, Path], list[str]]


def _item_name(item: dict[object, object]) -> str:
    code = item.get("code")
    name = next((item[k] for k in ("name", "title", "text") if isinstance(item.get(k), str)), None)
    text = str(name if name is not None else item.get("id"))
    if len(text) > NAME_CHARS:
        text = text[: NAME_CHARS - 1].rstrip() + "…"
    return f"{code} {text}" if isinstance(code, str) and code else text


def _items(text: str) -> dict[str, dict[str, dict[object, object]]] | None:
    """The YAML file's lists of items with an `id`: list name -> id -> item."""
    try:
        data = yaml.load(text, Loader=yaml.CSafeLoader) if text.strip() else {}
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    out: dict[str, dict[str, dict[object, object]]] = {}
    for key, value in data.items():
        if isinstance(value, list):
            items = {str(i["id"]): i for i in value if isinstance(i, dict) and "id" in i}
            if items:
                out[str(key)] = items
    return out


def _named(label: str, names: list[str]) -> list[str]:
    """One line per item ("Sửa: II.4 ..."), the first `ITEMS_SHOWN`, then a count."""
    lines = [f"{label}: {name}" for name in names[:ITEMS_SHOWN]]
    if len(names) > ITEMS_SHOWN:
        lines.append(f"{label}: {t('feed.more').format(count=len(names) - ITEMS_SHOWN)}")
    return lines


def item_changes(old: str, new: str) -> list[str]:
    """What a changed YAML file gained, edited and lost, a line per item (none if unreadable)."""
    before, after = _items(old), _items(new)
    if before is None or after is None:
        return []
    added: list[str] = []
    removed: list[str] = []
    changed: list[str] = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key, {}), after.get(key, {})
        added += [_item_name(b[i]) for i in b if i not in a]
        removed += [_item_name(a[i]) for i in a if i not in b]
        changed += [_item_name(b[i]) for i in b if i in a and a[i] != b[i]]
    kinds = (("feed.added", added), ("feed.changed", changed), ("feed.removed", removed))
    return [line for label, names in kinds for line in _named(t(label), names)]


def _ward_files(computed: ComputedWard, change: DataChange, diffs: Diffs) -> list[FeedFile]:
    """The change's files in the ward's folder (deleted ones included)."""
    folder = computed.ward.folder.resolve()
    return [
        FeedFile(_file_label(kind, path.name), diffs.get((change.commit, path), []))
        for kind, path in change.files
        if path.parent == folder
    ]


def compare_items(changes: Sequence[DataChange]) -> dict[tuple[str, Path], list[str]]:
    """The item changes of the newest `DIFF_BUDGET` edited files.

    Added and deleted files are new or gone as a whole: their label says so.
    """
    edited = [(c.commit, path) for c in changes for kind, path in c.files if kind == "M"]
    versions = file_versions(edited[:DIFF_BUDGET])
    return {pair: item_changes(old, new) for pair, (old, new) in versions.items()}


def build_ward_feed(
    computed: ComputedWard,
    changes: Sequence[DataChange],
    site_url: str,
    author: str,
    diffs: Diffs | None = None,
) -> Feed:
    """A ward's feed: the changes to files in its folder, newest first."""
    ward = computed.ward.ward
    path = urls.ward_feed(ward.id)
    page = _href(site_url, path, urls.ward(ward.id))
    entries = []
    for change in changes:
        files = _ward_files(computed, change, diffs or {})
        if not files:
            continue
        entries.append(
            FeedEntry(
                id=_uuid("change", change.commit, ward.id),
                title=f"{ward.full_name}: {t('feed.entry')} {day(change.when.date())}",
                updated=change.when,
                link=page,
                files=files,
                message=change.subject,
            )
        )
        if len(entries) == MAX_ENTRIES:
            break
    updated = entries[0].updated if entries else _midnight(computed.as_of)
    return Feed(
        path=path,
        id=_uuid("feed", ward.id),
        title=f"{t('feed.ward_title')}: {ward.full_name}",
        subtitle=t("feed.subtitle") if changes else t("feed.no_history"),
        updated=updated,
        self_link=urls.absolute(site_url, path),
        alternate=page,
        author=author,
        entries=entries,
    )


def build_site_feed(
    wards: Sequence[ComputedWard],
    changes: Sequence[DataChange],
    site_url: str,
    author: str,
    diffs: Diffs | None = None,
) -> Feed:
    """The site's feed: every change to a ward's files, naming the wards it touched."""
    path = urls.SITE_FEED
    entries = []
    for change in changes:
        touched = [(c, _ward_files(c, change, diffs or {})) for c in wards]
        touched = [(c, files) for c, files in touched if files]
        if not touched:
            continue
        names = ", ".join(c.ward.ward.full_name for c, _ in touched)
        only = touched[0][0].ward.ward.id if len(touched) == 1 else None
        entries.append(
            FeedEntry(
                id=_uuid("change", change.commit),
                title=f"{names}: {t('feed.entry')} {day(change.when.date())}",
                updated=change.when,
                link=_href(site_url, path, urls.ward(only) if only else urls.HOME),
                files=[
                    FeedFile(f"{c.ward.ward.full_name}: {f.label}", f.items)
                    for c, files in touched
                    for f in files
                ],
                message=change.subject,
            )
        )
        if len(entries) == MAX_ENTRIES:
            break
    as_of = max((c.as_of for c in wards), default=date(1970, 1, 1))
    return Feed(
        path=path,
        id=_uuid("feed", "site"),
        title=t("feed.site_title"),
        subtitle=t("feed.subtitle") if changes else t("feed.no_history"),
        updated=entries[0].updated if entries else _midnight(as_of),
        self_link=urls.absolute(site_url, path),
        alternate=_href(site_url, path, urls.HOME),
        author=author,
        entries=entries,
    )


def _stamp(when: datetime) -> str:
    """RFC 3339 date-time, as Atom requires (`2026-11-23T19:46:00+00:00`)."""
    return when.isoformat(timespec="seconds")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def feed_xml(feed: Feed) -> str:
    """The feed as an Atom document (UTF-8, with its XML declaration)."""
    ET.register_namespace("", ATOM)
    ET.register_namespace("xhtml", XHTML)
    a = f"{{{ATOM}}}"
    root = ET.Element(f"{a}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})
    _sub(root, f"{a}id", feed.id)
    _sub(root, f"{a}title", feed.title)
    _sub(root, f"{a}subtitle", feed.subtitle)
    _sub(root, f"{a}updated", _stamp(feed.updated))
    author = _sub(root, f"{a}author")
    _sub(author, f"{a}name", feed.author)
    _sub(root, f"{a}link", rel="alternate", type="text/html", href=feed.alternate)
    if feed.self_link:
        _sub(root, f"{a}link", rel="self", type="application/atom+xml", href=feed.self_link)
    for entry in feed.entries:
        item = _sub(root, f"{a}entry")
        _sub(item, f"{a}id", entry.id)
        _sub(item, f"{a}title", entry.title)
        _sub(item, f"{a}updated", _stamp(entry.updated))
        _sub(item, f"{a}link", rel="alternate", type="text/html", href=entry.link)
        content = _sub(item, f"{a}content", type="xhtml")
        div = _sub(content, f"{{{XHTML}}}div")
        _sub(div, f"{{{XHTML}}}p", t("feed.files") + ":")
        listing = _sub(div, f"{{{XHTML}}}ul")
        for file in entry.files:
            line = _sub(listing, f"{{{XHTML}}}li", file.label)
            if file.items:
                items = _sub(line, f"{{{XHTML}}}ul")
                for text in file.items:
                    _sub(items, f"{{{XHTML}}}li", text)
        if entry.message:
            _sub(div, f"{{{XHTML}}}p", f"{t('feed.message')}: {entry.message}")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ('<?xml version="1.0" encoding="utf-8"?>\n', "\n")
    )


def feed_files(
    wards: Sequence[ComputedWard], changes: Sequence[DataChange], site_url: str, author: str
) -> dict[str, str]:
    """Every feed of the site: site path -> Atom text."""
    diffs = compare_items(changes)
    feeds = [build_site_feed(wards, changes, site_url, author, diffs)]
    feeds += [build_ward_feed(c, changes, site_url, author, diffs) for c in wards]
    return {feed.path: feed_xml(feed) for feed in feeds}
