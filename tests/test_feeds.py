"""The Atom feeds of data changes (feeds.py), from a real git history of the fixture ward."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import pytest

from site_builder.feeds import ATOM, ITEMS_SHOWN, MAX_ENTRIES, XHTML, feed_files, item_changes
from site_builder.generate import compute
from site_builder.history import data_changes
from site_builder.labels import t
from site_builder.load import load_dataset

from .conftest import FIXTURE_DATA

A = f"{{{ATOM}}}"
AS_OF = date(2027, 3, 31)
SITE = "https://example.org/cam-ket/"


def _git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The fixture data in a repository: added, then its targets edited, then its series."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_DATA, root / "data")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "Thêm phường", when="2026-01-10T09:00:00+07:00")
    targets = root / "data" / "wards" / "thu-nghiem" / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    old = 'name: "Tỷ lệ hộ nghèo (hư cấu)"'
    assert text.count(old) == 1
    targets.write_text(text.replace(old, 'name: "Tỷ lệ hộ nghèo mới (hư cấu)"'), encoding="utf-8")
    _git(root, "commit", "-q", "-am", "Sửa chỉ tiêu <b>", when="2026-02-20T10:30:00+07:00")
    series = root / "data" / "wards" / "thu-nghiem" / "series.yaml"
    series.write_text(series.read_text(encoding="utf-8") + "\n# số liệu\n", encoding="utf-8")
    _git(root, "commit", "-q", "-am", "Số liệu quý", when="2026-03-05T08:00:00+07:00")
    return root


def _feeds(data: Path, site_url: str = "") -> dict[str, ET.Element]:
    dataset = load_dataset(data)
    wards = compute(dataset, AS_OF)
    changes = data_changes({p.parent for w in dataset.wards for p in w.files})
    texts = feed_files(wards, changes, site_url, "Cam kết phường")
    for text in texts.values():
        assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
        assert "127.0.0.1" not in text
    return {path: ET.fromstring(text) for path, text in texts.items()}


def _check_atom(feed: ET.Element) -> None:
    """The RFC 4287 requirements a reader relies on."""
    assert feed.tag == f"{A}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert feed.find(f"{A}author/{A}name") is not None  # so entries need none
    datetime.fromisoformat(feed.findtext(f"{A}updated") or "")
    ids = [e.findtext(f"{A}id") for e in feed.findall(f"{A}entry")]
    assert len(ids) == len(set(ids))
    for entry in feed.findall(f"{A}entry"):
        assert (entry.findtext(f"{A}id") or "").startswith("urn:uuid:")
        assert (entry.findtext(f"{A}title") or "").strip()
        datetime.fromisoformat(entry.findtext(f"{A}updated") or "")
        assert entry.find(f"{A}link[@rel='alternate']") is not None
        content = entry.find(f"{A}content")
        assert content is not None and content.get("type") == "xhtml"
        assert [child.tag for child in content] == [f"{{{XHTML}}}div"]


def test_ward_feed_has_one_entry_per_commit_newest_first(repo: Path) -> None:
    feeds = _feeds(repo / "data")
    assert set(feeds) == {"thay-doi.xml", "thu-nghiem/thay-doi.xml"}
    ward = feeds["thu-nghiem/thay-doi.xml"]
    _check_atom(ward)
    entries = ward.findall(f"{A}entry")
    assert [e.findtext(f"{A}updated") for e in entries] == [
        "2026-03-05T08:00:00+07:00",
        "2026-02-20T10:30:00+07:00",
        "2026-01-10T09:00:00+07:00",
    ]
    assert ward.findtext(f"{A}updated") == "2026-03-05T08:00:00+07:00"
    newest, edit, first = ("".join(e.itertext()) for e in entries)
    assert f"{t('feed.file.series.yaml')} (series.yaml), {t('feed.change.M')}" in newest
    assert "targets.yaml" not in newest
    assert f"(targets.yaml), {t('feed.change.M')}" in edit and "Sửa chỉ tiêu <b>" in edit
    # The edited target is named, and only it (the series edit was a comment: no item).
    assert f"{t('feed.changed')}: II.2 Tỷ lệ hộ nghèo mới (hư cấu)" in edit
    assert edit.count(f"{t('feed.changed')}:") == 1
    assert f"{t('feed.changed')}:" not in newest
    assert first.count(t("feed.change.A")) == 5  # the five files of the ward, added
    # Without a site_url every link is relative to the feed: the ward page is "./".
    assert {link.get("href") for link in ward.iter(f"{A}link")} == {"./"}
    assert ward.find(f"{A}link[@rel='self']") is None


def test_site_feed_names_the_ward_and_links_its_page(repo: Path) -> None:
    site = _feeds(repo / "data")["thay-doi.xml"]
    _check_atom(site)
    entries = site.findall(f"{A}entry")
    assert len(entries) == 3
    assert all((e.findtext(f"{A}title") or "").startswith("Phường Thử Nghiệm") for e in entries)
    assert {e.find(f"{A}link").get("href") for e in entries} == {"thu-nghiem/"}  # type: ignore[union-attr]


def test_with_a_site_url_links_are_absolute_and_self_is_given(repo: Path) -> None:
    feeds = _feeds(repo / "data", SITE)
    ward = feeds["thu-nghiem/thay-doi.xml"]
    self_link = ward.find(f"{A}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == SITE + "thu-nghiem/thay-doi.xml"
    hrefs = {link.get("href") for link in ward.iter(f"{A}link")}
    assert hrefs == {SITE + "thu-nghiem/", SITE + "thu-nghiem/thay-doi.xml"}


def test_ids_are_stable_and_do_not_depend_on_the_site_url(repo: Path) -> None:
    def ids(feeds: dict[str, ET.Element]) -> list[str | None]:
        return [e.text for f in feeds.values() for e in f.iter(f"{A}id")]

    first = ids(_feeds(repo / "data"))
    assert first == ids(_feeds(repo / "data")) == ids(_feeds(repo / "data", SITE))
    # The ward's entry for a commit and the site's entry for it differ.
    assert len(first) == len(set(first))


def test_without_git_the_feeds_are_valid_and_empty_and_say_why(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    if (
        subprocess.run(
            ["git", "-C", str(tmp_path), "rev-parse"], capture_output=True, check=False
        ).returncode
        == 0
    ):
        pytest.skip("the temporary folder is inside a git work tree")
    for feed in _feeds(tmp_path / "data").values():
        _check_atom(feed)
        assert feed.findall(f"{A}entry") == []
        assert feed.findtext(f"{A}subtitle") == t("feed.no_history")
        assert feed.findtext(f"{A}updated") == "2027-03-31T00:00:00+00:00"


def test_shallow_clone_leaves_out_the_cut_off_commit(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    ward = _feeds(clone / "data")["thu-nghiem/thay-doi.xml"]
    # The boundary commit (the targets edit) would seem to add every file: left out.
    assert [e.findtext(f"{A}updated") for e in ward.findall(f"{A}entry")] == [
        "2026-03-05T08:00:00+07:00"
    ]


def test_a_feed_keeps_the_latest_entries_only(repo: Path) -> None:
    series = repo / "data" / "wards" / "thu-nghiem" / "series.yaml"
    for i in range(MAX_ENTRIES):
        series.write_text(series.read_text(encoding="utf-8") + f"# {i}\n", encoding="utf-8")
        _git(repo, "commit", "-q", "-am", f"lần {i}", when=f"2026-04-01T08:{i:02d}:00+07:00")
    ward = _feeds(repo / "data")["thu-nghiem/thay-doi.xml"]
    entries = ward.findall(f"{A}entry")
    assert len(entries) == MAX_ENTRIES
    assert entries[0].findtext(f"{A}updated") == f"2026-04-01T08:{MAX_ENTRIES - 1:02d}:00+07:00"


OLD = """
targets:
  - {id: a, code: "1", name: "Một"}
  - {id: b, name: "Hai"}
  - {id: c, name: "Ba"}
"""


@pytest.mark.parametrize(
    ("new", "lines"),
    [
        (OLD, []),
        (OLD + "# a comment\n", []),
        (
            OLD.replace('"Hai"', '"Hai mới"'),
            [f"{t('feed.changed')}: Hai mới"],
        ),
        (
            OLD + '  - {id: d, code: "4", text: "Bốn"}\n',
            [f"{t('feed.added')}: 4 Bốn"],
        ),
        (
            OLD.replace('  - {id: c, name: "Ba"}\n', ""),
            [f"{t('feed.removed')}: Ba"],
        ),
        ("targets: [", []),  # unreadable: the file is named, its items are not
    ],
)
def test_item_changes_name_each_added_edited_and_removed_item(new: str, lines: list[str]) -> None:
    assert item_changes(OLD, new) == lines


def test_item_changes_count_what_they_do_not_name() -> None:
    many = "targets:\n" + "".join(f"  - {{id: x{i}, name: n{i}}}\n" for i in range(ITEMS_SHOWN + 3))
    lines = item_changes("targets: []\n", many)
    assert len(lines) == ITEMS_SHOWN + 1
    assert lines[-1] == f"{t('feed.added')}: {t('feed.more').format(count=3)}"
    assert item_changes("", many)[0] == f"{t('feed.added')}: n0"  # a new file
