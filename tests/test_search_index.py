"""The search index in parts: how pages are split, and what Pagefind's processes write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_builder.search_index import (
    BUNDLE,
    PARTS_FILE,
    SearchIndexError,
    build_search_index,
    describe,
    html_files,
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


def test_plan_keeps_wards_whole_and_parts_even() -> None:
    files = ["404.html", "index.html", "tim-kiem/index.html"]
    files += [f"p{ward}/{page}/index.html" for ward in range(10) for page in range(15)]
    parts = plan_parts(files, part_pages=40)
    assert [len(part) for part in parts] == [33, 30, 30, 30, 30]
    assert parts[0][:3] == ["404.html", "index.html", "tim-kiem/index.html"]
    for part in parts:  # every ward's 15 pages in one part
        wards = {path.split("/")[0] for path in part if path.startswith("p")}
        assert all(sum(p.startswith(w + "/") for p in part) == 15 for w in wards)
    assert [p for part in parts for p in part] == files


def test_plan_of_a_small_site_is_one_part() -> None:
    files = ["index.html"] + [f"w/{n}/index.html" for n in range(300)]
    assert plan_parts(files, part_pages=3_000) == [files]


def test_a_folder_larger_than_a_part_is_a_part_of_its_own() -> None:
    files = ["index.html"] + [f"big/{n}.html" for n in range(7)] + ["small/a.html"]
    assert [len(part) for part in plan_parts(files, part_pages=3)] == [1, 7, 1]


def test_part_size_must_be_positive() -> None:
    with pytest.raises(SearchIndexError, match="search_part_pages"):
        plan_parts(["index.html"], part_pages=0)


def test_index_in_parts(tmp_path: Path) -> None:
    write_site(tmp_path, {"kien-an": 3, "viet-hung": 3})
    (tmp_path / BUNDLE / "stale.txt").parent.mkdir()
    (tmp_path / BUNDLE / "stale.txt").write_text("from an earlier build")
    assert html_files(tmp_path)[:2] == ["404.html", "index.html"]

    parts = build_search_index(tmp_path, part_pages=5, processes=2)

    assert [part.folder for part in parts] == [part_folder(1), part_folder(2)]
    assert [(part.pages, part.indexed) for part in parts] == [(5, 4), (3, 3)]  # no 404
    bundle = tmp_path / BUNDLE
    assert json.loads((bundle / PARTS_FILE).read_text()) == ["part-2/"]
    assert not (bundle / "stale.txt").exists()
    # The first part is a whole bundle; a further one only what mergeIndex reads.
    assert (bundle / "pagefind-ui.js").is_file() and (bundle / "wasm.unknown.pagefind").is_file()
    second = sorted(p.name for p in (bundle / "part-2").iterdir())
    assert second[:4] == ["filter", "fragment", "index", "pagefind-entry.json"]
    assert len(second) == 5 and second[4].endswith(".pf_meta")
    entry = json.loads((bundle / "part-2" / "pagefind-entry.json").read_text())
    assert entry["languages"]["vi"]["page_count"] == 3
    assert len(list((bundle / "part-2" / "fragment").iterdir())) == 3
    assert "7 pages in 2 parts" in describe(parts)


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
