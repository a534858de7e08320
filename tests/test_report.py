"""The ward report's view model (report.py), on the real data and on the fixture ward."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from site_builder.computed import ComputedWard, compute_ward
from site_builder.load import Dataset, load_dataset
from site_builder.render import render
from site_builder.report import ReportPage, build_report, css_string

from .conftest import AS_OF, REPO_ROOT

AS_OF_DATE = date.fromisoformat(AS_OF)


@pytest.fixture(scope="module")
def real() -> Dataset:
    return load_dataset(REPO_ROOT / "data")


@pytest.fixture(scope="module")
def kien_an(real: Dataset) -> ComputedWard:
    ward = next(w for w in real.wards if w.ward.id == "kien-an")
    return compute_ward(ward, AS_OF_DATE)


@pytest.fixture(scope="module")
def fixture_report(fixture_dataset: Dataset) -> ReportPage:
    return build_report(compute_ward(fixture_dataset.wards[0], AS_OF_DATE))


def _ids(report: ReportPage) -> list[str]:
    """The target each row links to: a page id, or `page#child` for a child target."""
    return [
        row.link.removeprefix("../chi-tieu/").replace("/", "")
        for g in report.groups
        for row in g.rows
    ]


def test_report_lists_every_target_and_child_once_under_its_group(
    kien_an: ComputedWard,
) -> None:
    report = build_report(kien_an)
    ward = kien_an.ward
    expected = []
    for group in ward.groups:
        for target in (x for x in ward.targets if x.group == group.id):
            expected.append(target.id)
            # A child target is a section of its parent's page.
            expected.extend(f"{target.id}#{child.id}" for child in target.children)
    assert _ids(report) == expected
    assert [g.heading for g in report.groups] == [
        f"{g.code}. {g.name}" if g.code else g.name
        for g in ward.groups
        if any(x.group == g.id for x in ward.targets)
    ]


def test_rollup_adds_up_to_the_ward_summary(kien_an: ComputedWard) -> None:
    report = build_report(kien_an)
    assert sum(r.total for r in report.rollup) == report.summary.total == len(kien_an.ward.targets)
    for column, count in enumerate(report.status_columns):
        assert sum(r.counts[column] for r in report.rollup) == count.count
    for row, group in zip(report.rollup, report.groups, strict=True):
        assert row.total == group.summary.total


def test_every_printed_project_row_is_in_its_table(kien_an: ComputedWard) -> None:
    report = build_report(kien_an)
    ward = kien_an.ward
    printed = sum(len(p.rows) for p in ward.projects)
    assert sum(len(t.rows) for t in report.project_tables) == printed
    first = ward.projects[0]
    row = next(r for t in report.project_tables for r in t.rows if r.name == first.rows[0].name)
    assert row.link == f"../du-an/{first.id}/"


def test_report_header_names_ward_document_and_date(kien_an: ComputedWard) -> None:
    report = build_report(kien_an)
    assert report.ward == "Phường Kiến An"
    assert report.as_of == AS_OF_DATE.strftime("%d/%m/%Y")
    assert any("04-CTr/ĐU" in d for d in report.documents)
    assert report.url == "kien-an/bao-cao/"
    assert report.ward_link == "../"


def test_target_rows_carry_value_deadline_latest_and_child_flag(
    fixture_report: ReportPage,
) -> None:
    rows = {row.name: row for g in fixture_report.groups for row in g.rows}
    by_id = {row.link.removeprefix("../chi-tieu/").replace("/", ""): row for row in rows.values()}
    assert by_id["nuoc-sach"].value == "≥ 98 (%)"
    assert by_id["de-an-chuyen-doi-so"].deadline == "năm 2028"  # its own year, not 2030
    assert by_id["phuong-van-minh"].deadline is None  # no goal: no deadline is invented
    assert by_id["ho-ngheo"].latest is not None and "%" in by_id["ho-ngheo"].latest
    children = [row for row in rows.values() if row.child]
    assert [row.link for row in children] == [
        "../chi-tieu/lao-dong-qua-dao-tao/#lao-dong-qua-dao-tao-chung",
        "../chi-tieu/lao-dong-qua-dao-tao/#lao-dong-co-bang-cap",
    ]


@pytest.mark.parametrize(
    ("text", "css"),
    [
        ("Trang", '"Trang"'),
        ("a b", '"a b"'),
        ("Đ", '"\\000110"'),
        ('x"</style>', '"x\\000022\\00003c\\00002fstyle\\00003e"'),
        ("·", '"\\0000b7"'),
    ],
)
def test_css_string_escapes_all_but_letters_digits_and_spaces(text: str, css: str) -> None:
    assert str(css_string(text)) == css


def test_rendered_report_hands_the_header_to_the_print_stylesheet(
    kien_an: ComputedWard,
) -> None:
    html = render(build_report(kien_an))
    style = html[html.index("<style>") : html.index("</style>")]
    assert "--sb-print-head: " + str(css_string("Phường Kiến An")).rstrip('"') in style
    assert "--sb-print-as-of:" in style
    # One section for the roll-up, one per group, one per appendix table.
    report = build_report(kien_an)
    sections = html.count('<section class="sb-report__section"')
    assert sections == 1 + len(report.groups) + len(report.project_tables)
    assert 'data-pagefind-ignore="all"' in html


def test_report_is_generated_after_the_ward_page_and_left_out_of_search(
    fixture_dataset: Dataset,
) -> None:
    from site_builder.generate import compute, generate_pages

    pages = generate_pages(compute(fixture_dataset, AS_OF_DATE))
    assert [p.kind for p in pages[:2]] == ["ward", "report"]
    report = pages[1]
    assert report.url == "thu-nghiem/bao-cao/"
    assert "search_exclude: true" in report.front_matter()
    assert "search_exclude" not in pages[0].front_matter()


def test_report_has_a_page_in_the_built_site(fixture_site: Path, soup_of) -> None:
    ward = soup_of("thu-nghiem/")
    assert ward.select_one('.sb-reach a[href="bao-cao/"]') is not None
    report = soup_of("thu-nghiem/bao-cao/")
    assert report.select_one("article h1").get_text(strip=True) == (
        "Báo cáo tiến độ: Phường Thử Nghiệm (hư cấu)"
    )
    # Not indexed by Pagefind: no data-pagefind-body on the page.
    assert report.select_one("[data-pagefind-body]") is None
    assert ward.select_one("[data-pagefind-body]") is not None
