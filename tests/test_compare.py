"""Comparison pages of shared indicators, on the real wards (compare.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.compare import ComparisonIndex, ComparisonPage, build_comparisons
from site_builder.computed import ComputedWard
from site_builder.generate import compute, site_pages, ward_pages
from site_builder.labels import t
from site_builder.load import load_dataset

from .conftest import REPO_ROOT, build_site

AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="module")
def wards() -> list[ComputedWard]:
    return compute(load_dataset(REPO_ROOT / "data"), AS_OF)


def _pages(wards: list[ComputedWard]) -> dict[str, ComparisonPage | ComparisonIndex]:
    return {p.url: p for p in build_comparisons(wards)}


def test_one_page_per_used_indicator_and_an_index(wards: list[ComputedWard]) -> None:
    pages = _pages(wards)
    index = pages.pop("so-sanh/")
    assert isinstance(index, ComparisonIndex)
    codes = {i.code for i in wards[0].ward.indicators}
    assert set(pages) == {f"so-sanh/{code}/" for code in codes}
    assert [e.link for e in index.entries] == [
        f"{code}/" for code in (i.code for i in wards[0].ward.indicators)
    ]
    assert all(e.wards >= 2 for e in index.entries)


def test_health_insurance_shows_every_ward_as_printed(wards: list[ComputedWard]) -> None:
    page = _pages(wards)["so-sanh/ty-le-bhyt/"]
    assert isinstance(page, ComparisonPage)
    by_ward = {r.ward: r for r in page.rows}
    assert set(by_ward) == {
        "Phường Kiến An",
        "Phường Thanh Đông",
        "Phường Thủy Nguyên",
        "Phường Việt Hưng",
    }
    assert by_ward["Phường Thanh Đông"].value_text == "98,0 (%)"  # printed, not reformatted
    assert by_ward["Phường Thủy Nguyên"].value_text == "99%"
    # A child target links to its section of the parent's page.
    assert by_ward["Phường Thủy Nguyên"].link == (
        "../../thuy-nguyen/chi-tieu/bao-hiem-y-te-xa-hoi/#ty-le-tham-gia-bhyt"
    )
    assert all(r.deadline == "2030" and r.status.label for r in page.rows)
    assert all(r.source for r in page.rows)
    assert not page.units_differ


def test_units_that_differ_are_flagged_not_converted(wards: list[ComputedWard]) -> None:
    page = _pages(wards)["so-sanh/ho-ngheo/"]
    assert isinstance(page, ComparisonPage)
    assert page.units_differ
    assert sorted(r.unit or "" for r in page.rows) == ["%", "Hộ", "hộ nghèo"]
    html = "".join(p.body for p in site_pages(wards) if p.url == "so-sanh/ho-ngheo/")
    soup = BeautifulSoup(html, "html.parser")
    assert t("compare.units_differ") in soup.get_text()
    cells = [tr.find_all("td")[1].get_text() for tr in soup.select("tbody tr")]
    assert "0%" in cells and "Không còn hộ nghèo" in cells and cells[0].startswith("0")


def test_target_pages_link_to_their_comparisons(wards: list[ComputedWard]) -> None:
    kien_an = next(w for w in wards if w.ward.ward.id == "kien-an")
    pages = {p.url: p for p in ward_pages(kien_an)}
    soup = BeautifulSoup(pages["kien-an/chi-tieu/bao-hiem-y-te/"].body, "html.parser")
    heading = soup.find(id="so-sanh")
    assert heading is not None and heading.get_text() == t("compare.from_target")
    assert [a["href"] for a in soup.select(".sb-comparisons a")] == ["../../../so-sanh/ty-le-bhyt/"]
    # A parent whose children carry codes links to each child's comparison.
    soup = BeautifulSoup(pages["kien-an/chi-tieu/cap-uy-vien-nu-can-bo-tre/"].body, "html.parser")
    assert len(soup.select(".sb-comparisons a")) == 2
    # A target without a code has no such section.
    soup = BeautifulSoup(pages["kien-an/chi-tieu/trong-cay-xanh/"].body, "html.parser")
    assert soup.find(id="so-sanh") is None


def test_comparison_pages_are_site_pages_for_search(wards: list[ComputedWard]) -> None:
    pages = site_pages(wards)
    assert all(p.kind == "comparison" and p.ward == "" and p.searchable for p in pages)
    assert 'feed: "thay-doi.xml"' in pages[0].front_matter()
    assert (
        f'data-pagefind-filter="{t("search.filter.kind")}:{t("search.kind.comparison")}"'
        in pages[1].body
    )


def test_one_ward_alone_still_builds_its_comparisons(tmp_path: Path) -> None:
    dataset = load_dataset(REPO_ROOT / "data", ["viet-hung"])
    wards = compute(dataset, AS_OF)
    pages = _pages(wards)
    page = pages["so-sanh/ty-le-bhyt/"]
    assert isinstance(page, ComparisonPage)
    assert [r.ward for r in page.rows] == ["Phường Việt Hưng"]
    assert "so-sanh/tang-gia-tri-san-pham/" in pages
    assert "so-sanh/ty-le-bhxh/" not in pages  # no target of Việt Hưng carries it


def test_built_site_has_the_comparisons_in_sitemap_and_search(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    real_site = build_site(
        tmp_path_factory.mktemp("compare-site"),
        REPO_ROOT / "data",
        site_url="https://example.org/ckp/",
        search_index=False,
    )
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "so-sanh/ty-le-bhyt/" in sitemap and "so-sanh/</loc>" in sitemap
    html = (real_site / "so-sanh" / "ty-le-bhyt" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in html
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert 'href="so-sanh/"' in home
