"""The last build's site put back: only the files named to keep survive, none written through."""

from __future__ import annotations

import os
from pathlib import Path

from site_builder.lastsite import empty, move_aside, put_back, same_bytes, same_file, write_new


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_move_aside_leaves_the_hidden_entries(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site, {"index.html": "home", ".git/HEAD": "ref", "a/b.html": "b"})
    aside = move_aside(site, tmp_path / "trash")
    assert aside is not None and aside.is_relative_to(tmp_path / "trash")
    assert _tree(site) == {".git/HEAD": b"ref"}
    assert _tree(aside) == {"index.html": b"home", "a/b.html": b"b"}


def test_put_back_keeps_only_the_named_files(tmp_path: Path) -> None:
    site, trash = tmp_path / "site", tmp_path / "trash"
    _write(
        site,
        {
            "index.html": "home",  # a top-level file: written again by MkDocs
            "phuong/a/index.html": "ward a",  # MkDocs' page: written again
            "phuong/a/chi-tieu/1/index.html": "target 1",
            "phuong/a/chi-tieu/2/index.html": "a removed target",
            "phuong/b/chi-tieu/1/index.html": "a removed ward",
            "pagefind/part.pf": "search",  # no kept file in it: stays aside
            "assets/x.css": "css",
        },
    )
    (site / "phuong" / "a" / "link").symlink_to(site / "assets")
    aside = move_aside(site, trash)
    assert aside is not None
    (site / "assets").mkdir()  # already made in the new site: left aside
    keep = {"phuong/a/chi-tieu/1/index.html", "phuong/a/du-lieu/new.csv", "assets/x.css"}
    assert put_back(aside, site, keep) == 1
    assert _tree(site) == {"phuong/a/chi-tieu/1/index.html": b"target 1"}
    # Folders left empty are gone; the folders of files to write later are made then.
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        "assets",
        "phuong",
        "phuong/a",
        "phuong/a/chi-tieu",
        "phuong/a/chi-tieu/1",
        "phuong/a/chi-tieu/1/index.html",
    ]
    assert (aside / "pagefind" / "part.pf").is_file() and (aside / "assets" / "x.css").is_file()
    empty(trash)
    assert list(trash.iterdir()) == []


def test_the_writers_keep_the_same_and_never_write_through(tmp_path: Path) -> None:
    cached, site_file = tmp_path / "cached.csv", tmp_path / "site.csv"
    cached.write_bytes(b"a,b\n")
    os.link(cached, site_file)
    assert same_file(cached, site_file)
    assert not same_file(cached, tmp_path / "missing.csv")
    assert same_bytes(b"a,b\n", str(site_file))
    assert not same_bytes(b"a,c\n", str(site_file)) and not same_bytes(b"", str(tmp_path / "x"))
    write_new(b"a,c\n", str(site_file))
    assert site_file.read_bytes() == b"a,c\n" and cached.read_bytes() == b"a,b\n"
    write_new(b"new", str(tmp_path / "made" / "folders" / "f.txt"))
    assert (tmp_path / "made" / "folders" / "f.txt").read_bytes() == b"new"
