"""The search index in parts: how pages are split, and what Pagefind's processes write."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from site_builder.search_index import (
    BUNDLE,
    CACHE_FOLDER,
    PARTS_FILE,
    SearchIndexError,
    build_search_index,
    describe,
    html_files,
    indexed_files,
    part_folder,
    plan_parts,
)

PAGE = """<!doctype html><html lang="vi"><head><title>{title}</title></head><body>
<header>Đầu trang chung</header>
<main><div data-pagefind-body><h1>{title}</h1><p>{text}</p>
<span data-pagefind-filter="Phường">{ward}</span></div></main></body></html>"""


def write_site(root: Path, wards: dict[str, int]) -> None:
    """A built site: a home page, a 404 page without the body marker, and ward pages."""
    (root / "index.html").write_text(
        PAGE.format(title="Trang chủ", text="Cam kết các phường", ward="chung"), encoding="utf-8"
    )
    (root / "404.html").write_text("<html><body>Không có trang này</body></html>")
    for ward, pages in wards.items():
        for number in range(pages):
            folder = root / ward / f"chi-tieu-{number}"
            folder.mkdir(parents=True)
            text = f"Chỉ tiêu số {number} của phường {ward}: hộ nghèo giảm"
            (folder / "index.html").write_text(
                PAGE.format(title=f"{ward} {number}", text=text, ward=ward), encoding="utf-8"
            )


def test_plan_puts_site_wide_pages_first_and_keeps_wards_whole() -> None:
    files = ["404.html", "index.html", "tim-kiem/index.html"]
    files += [f"p{ward}/{page}/index.html" for ward in range(10) for page in range(15)]
    wards = {f"p{ward}" for ward in range(10)}
    parts = plan_parts(files, part_pages=40, wards=wards)
    assert parts[0] == ["404.html", "index.html", "tim-kiem/index.html"]
    assert all(len(part) <= 40 for part in parts)
    assert len(parts) >= 1 + 4  # 150 ward pages need at least 4 parts of 40
    for part in parts[1:]:  # every ward's 15 pages in one part
        tops = {path.split("/")[0] for path in part}
        assert tops <= wards and len(part) == 15 * len(tops)
    assert sorted(p for part in parts for p in part) == sorted(files)
    # Without the list of wards, only the root's files are site-wide.
    assert plan_parts(files, part_pages=40)[0] == ["404.html", "index.html"]


def _part_of(parts: list[list[str]]) -> dict[str, int]:
    return {path.split("/")[0]: n for n, part in enumerate(parts) for path in part if "/" in path}


def test_a_wards_edit_leaves_every_other_ward_in_its_part() -> None:
    files = ["index.html"] + [f"p{w:02d}/{n}/index.html" for w in range(30) for n in range(15)]
    before = plan_parts(files, part_pages=100)
    # p07 gains three pages (a new target): no other ward changes part.
    more = sorted(files + [f"p07/new-{n}/index.html" for n in range(3)])
    after = plan_parts(more, part_pages=100)
    assert len(after) == len(before)
    moved = {top for top, n in _part_of(after).items() if _part_of(before)[top] != n}
    assert moved <= {"p07"}
    # A plan is a function of the file list: the same list, the same plan.
    assert plan_parts(list(more), part_pages=100) == after


def test_plan_of_a_small_site_is_one_part() -> None:
    files = ["index.html"] + [f"w/{n}/index.html" for n in range(300)]
    assert plan_parts(files, part_pages=3_000) == [files]


def test_a_folder_larger_than_a_part_is_a_part_of_its_own() -> None:
    files = ["index.html"] + [f"big/{n}.html" for n in range(7)] + ["small/a.html"]
    assert [len(part) for part in plan_parts(files, part_pages=3)] == [1, 7, 1]
    assert plan_parts(files, part_pages=3)[1][0] == "big/0.html"


def test_part_size_must_be_positive() -> None:
    with pytest.raises(SearchIndexError, match="search_part_pages"):
        plan_parts(["index.html"], part_pages=0)


def test_html_files_leaves_out_the_bundle_and_the_english_copy(tmp_path: Path) -> None:
    for name in [
        "index.html",
        "a/b/index.html",
        "a/data.json",
        "a/en/index.html",  # only the top-level English folder is left out
        "en/index.html",
        "en/a/index.html",
        "pagefind/x.html",
        "z.html",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html></html>", encoding="utf-8")
    assert html_files(tmp_path) == ["a/b/index.html", "a/en/index.html", "index.html", "z.html"]


def test_index_in_parts(tmp_path: Path) -> None:
    write_site(tmp_path, {"kien-an": 3, "viet-hung": 3})
    (tmp_path / BUNDLE / "stale.txt").parent.mkdir()
    (tmp_path / BUNDLE / "stale.txt").write_text("from an earlier build")
    assert html_files(tmp_path)[:2] == ["404.html", "index.html"]

    # 4 pages a part: the two wards (3 pages each) cannot share one.
    parts = build_search_index(tmp_path, part_pages=4, processes=2)

    assert [part.folder for part in parts] == [part_folder(n) for n in (1, 2, 3)]
    # The 404 page has no data-pagefind-body: Pagefind would leave it out; it is not sent.
    assert [(part.pages, part.indexed) for part in parts] == [(1, 1), (3, 3), (3, 3)]
    bundle = tmp_path / BUNDLE
    assert json.loads((bundle / PARTS_FILE).read_text()) == ["part-2/", "part-3/"]
    assert not (bundle / "stale.txt").exists()
    # The first part is a whole bundle; a further one only what mergeIndex reads.
    assert (bundle / "pagefind-ui.js").is_file() and (bundle / "wasm.unknown.pagefind").is_file()
    second = sorted(p.name for p in (bundle / "part-2").iterdir())
    assert second[:4] == ["filter", "fragment", "index", "pagefind-entry.json"]
    assert len(second) == 5 and second[4].endswith(".pf_meta")
    entry = json.loads((bundle / "part-2" / "pagefind-entry.json").read_text())
    assert entry["languages"]["vi"]["page_count"] == 3
    assert len(list((bundle / "part-2" / "fragment").iterdir())) == 3
    assert "7 pages in 3 parts" in describe(parts)
    assert not any(part.reused for part in parts)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


# Pagefind writes these in a different byte order on every run (its hash maps), cold or not.
def _run_dependent(name: str) -> bool:
    return name.endswith((".pf_filter", ".pf_meta", "pagefind-entry.json"))


def test_a_rebuild_indexes_only_the_parts_whose_pages_changed(tmp_path: Path) -> None:
    wards = {"kien-an": 3, "viet-hung": 3, "le-chan": 3}
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    write_site(site, wards)
    cold = build_search_index(site, part_pages=4, wards=set(wards), cache_dir=cache)
    assert len(cold) == 4 and not any(part.reused for part in cold)
    first = _tree(site / BUNDLE)

    again = build_search_index(site, part_pages=4, wards=set(wards), cache_dir=cache)
    assert all(part.reused for part in again)
    assert [(p.folder, p.pages, p.indexed) for p in again] == [
        (p.folder, p.pages, p.indexed) for p in cold
    ]
    assert _tree(site / BUNDLE) == first  # the stored files, as written
    entry = site / BUNDLE / "pagefind-entry.json"
    assert entry.stat().st_nlink == 2  # linked from the cache, not copied
    assert "unchanged from the cache" in describe(again)

    # One ward's page edited: its part alone goes through Pagefind again.
    page = site / "viet-hung" / "chi-tieu-1" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("hộ nghèo", "đường"), "utf-8")
    warm = build_search_index(site, part_pages=4, wards=set(wards), cache_dir=cache)
    changed = [part.folder for part in warm if not part.reused]
    plan = plan_parts(html_files(site), 4, set(wards))
    edited = "viet-hung/chi-tieu-1/index.html"
    holding = next(n for n, part in enumerate(plan, start=1) if edited in part)
    assert changed == [part_folder(holding)]
    # ... and the merged index is the one a cold build of the edited site writes.
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    write_site(fresh, wards)
    (fresh / "viet-hung" / "chi-tieu-1" / "index.html").write_text(page.read_text("utf-8"), "utf-8")
    build_search_index(fresh, part_pages=4, wards=set(wards))
    warm_tree, cold_tree = _tree(site / BUNDLE), _tree(fresh / BUNDLE)
    stable = {name for name in cold_tree if not _run_dependent(name)}
    assert {n for n in warm_tree if not _run_dependent(n)} == stable
    assert all(warm_tree[name] == cold_tree[name] for name in stable)
    assert sorted(len(b) for n, b in warm_tree.items() if _run_dependent(n)) == sorted(
        len(b) for n, b in cold_tree.items() if _run_dependent(n)
    )
    # Entries no longer used (the edited ward's old part) are gone from the cache.
    assert len(list((cache / CACHE_FOLDER).iterdir())) == len(warm)


def test_a_damaged_cache_entry_is_indexed_again(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    write_site(site, {"kien-an": 3, "viet-hung": 3})
    build_search_index(site, part_pages=4, cache_dir=cache)
    for entry in (cache / CACHE_FOLDER).iterdir():
        next((entry / "files" / "fragment").iterdir()).unlink()
    shutil.rmtree(site / BUNDLE)
    again = build_search_index(site, part_pages=4, cache_dir=cache)
    assert not any(part.reused for part in again)
    assert len(list((site / BUNDLE / "part-2" / "fragment").iterdir())) == 3


def test_small_site_is_one_part_like_pagefinds_cli(tmp_path: Path) -> None:
    write_site(tmp_path, {"kien-an": 2})
    parts = build_search_index(tmp_path)
    assert len(parts) == 1 and parts[0].indexed == 3
    assert json.loads((tmp_path / BUNDLE / PARTS_FILE).read_text()) == []
    assert len(list((tmp_path / BUNDLE / "fragment").iterdir())) == 3


def test_a_site_without_pages_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="no HTML page"):
        build_search_index(tmp_path)


def test_a_missing_binary_is_a_clear_error(tmp_path: Path) -> None:
    write_site(tmp_path, {"kien-an": 1})
    with pytest.raises(SearchIndexError, match="could not start"):
        build_search_index(tmp_path, tmp_path / "no-such-pagefind")


def test_only_pages_pagefind_indexes_are_sent(tmp_path: Path) -> None:
    write_site(tmp_path, {"kien-an": 2})
    assert "404.html" in html_files(tmp_path) and "404.html" not in indexed_files(tmp_path)
    assert len(indexed_files(tmp_path)) == len(html_files(tmp_path)) - 1
    # A site without the attribute anywhere is sent whole (Pagefind indexes every page).
    bare = tmp_path / "bare"
    (bare / "a").mkdir(parents=True)
    (bare / "a" / "index.html").write_text("<html><body><h1>A</h1></body></html>")
    (bare / "index.html").write_text("<html><body><h1>Home</h1></body></html>")
    assert indexed_files(bare) == html_files(bare) == ["a/index.html", "index.html"]
