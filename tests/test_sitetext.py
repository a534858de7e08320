"""Reducing built sites to pages and text, and comparing two of them (sitetext.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from site_builder.sitetext import compare_sites, page_text, site_files

from .conftest import REPO_ROOT

PAGE = """<!doctype html><html><head><title>Chỉ tiêu &amp; dự án</title>
<script>var hidden = "never text";</script><style>p { color: red }</style></head>
<body><nav>Trang chủ</nav>
<div data-pagefind-body><h1 id="muc-tieu">Mục   tiêu</h1><p>Đạt <b>trên 15%</b><br>năm 2030
<div data-pagefind-ignore>Không tìm</div><img src="x.png" alt="ảnh"><p>Tiếp</div>
<template><p>Mẫu</p></template><footer>Cuối trang</footer></body></html>"""


def test_page_text_keeps_visible_lines_and_indexed_part() -> None:
    page = page_text(PAGE)
    assert page.title == "Chỉ tiêu & dự án"
    assert page.text == (
        "Trang chủ",
        "Mục tiêu",
        "Đạt trên 15%",
        "năm 2030",
        "Không tìm",
        "Tiếp",
        "Cuối trang",
    )
    assert page.indexed == ("Mục tiêu", "Đạt trên 15%", "năm 2030", "Tiếp")
    assert page.heading_ids == ("muc-tieu",)


def _copy(site: Path, to: Path) -> Path:
    shutil.copytree(site, to)
    return to


def test_equal_copies_compare_equal(fixture_site: Path, tmp_path: Path) -> None:
    copy = _copy(fixture_site, tmp_path / "copy")
    difference = compare_sites(fixture_site, copy, file_bytes=True)
    assert not difference
    pages = [p for p in site_files(fixture_site) if p.endswith(".html")]
    assert difference.compared_pages == len(pages) > 10
    assert "equal" in difference.report()


def test_a_changed_word_a_missing_page_and_a_changed_file_are_reported(
    fixture_site: Path, tmp_path: Path
) -> None:
    copy = _copy(fixture_site, tmp_path / "copy")
    target = copy / "thu-nghiem" / "chi-tieu" / "ho-ngheo" / "index.html"
    html = target.read_text(encoding="utf-8")
    assert "hộ nghèo" in html
    target.write_text(html.replace("hộ nghèo", "hộ khá", 1), encoding="utf-8")
    removed = next(p for p in site_files(copy) if "/du-an/" in p and p.endswith(".html"))
    (copy / removed).unlink()
    download = next(p for p in site_files(copy) if p.endswith(".csv"))
    (copy / download).write_bytes((copy / download).read_bytes() + b"\n")
    # Pagefind's bundle is not compared: it is rebuilt from the pages.
    (copy / "pagefind").mkdir(exist_ok=True)
    (copy / "pagefind" / "extra.js").write_text("x", encoding="utf-8")

    difference = compare_sites(fixture_site, copy, file_bytes=True)
    assert difference.only_left == [removed] and difference.only_right == []
    assert list(difference.pages) == ["thu-nghiem/chi-tieu/ho-ngheo/index.html"]
    diff = difference.pages["thu-nghiem/chi-tieu/ho-ngheo/index.html"]
    assert any(line.startswith("-") and "hộ nghèo" in line for line in diff)
    assert any(line.startswith("+") and "hộ khá" in line for line in diff)
    assert difference.files == [download]
    # Without --bytes only the file names count.
    assert compare_sites(fixture_site, copy).files == []


def test_markup_differences_that_show_nothing_are_equal(fixture_site: Path, tmp_path: Path) -> None:
    copy = _copy(fixture_site, tmp_path / "copy")
    home = copy / "index.html"
    html = home.read_text(encoding="utf-8")
    html = html.replace('content="mkdocs-', 'content="other-generator-mkdocs-', 1)
    home.write_text(html.replace("<p>", "<p  class='x'>\n  "), encoding="utf-8")
    assert not compare_sites(fixture_site, copy)


def test_script_exit_codes(fixture_site: Path, tmp_path: Path) -> None:
    script = [sys.executable, str(REPO_ROOT / "scripts" / "compare-sites.py")]
    copy = _copy(fixture_site, tmp_path / "copy")
    same = subprocess.run([*script, str(fixture_site), str(copy)], capture_output=True, text=True)
    assert same.returncode == 0, same.stdout + same.stderr
    (copy / "thu-nghiem" / "index.html").unlink()
    differ = subprocess.run(
        [*script, "--names", "mkdocs,properdocs", str(fixture_site), str(copy)],
        capture_output=True,
        text=True,
    )
    assert differ.returncode == 1
    assert "only in mkdocs (1):\n  thu-nghiem/index.html" in differ.stdout
    not_a_site = subprocess.run([*script, str(tmp_path), str(copy)], capture_output=True, text=True)
    assert not_a_site.returncode == 2 and "not a built site" in not_a_site.stderr
