from datetime import date

import yaml

from site_builder.generate import compute, generate_pages, home_section
from site_builder.load import Dataset


def test_pages_are_generated_in_a_stable_order(fixture_dataset: Dataset) -> None:
    first = [
        (p.url, p.markdown()) for p in generate_pages(compute(fixture_dataset, date(2026, 6, 30)))
    ]
    second = [
        (p.url, p.markdown()) for p in generate_pages(compute(fixture_dataset, date(2026, 6, 30)))
    ]
    assert first == second
    urls = [url for url, _ in first]
    assert urls[0] == "thu-nghiem/"
    assert len(urls) == len(set(urls))


def test_markdown_has_front_matter_and_one_html_block(fixture_dataset: Dataset) -> None:
    for page in generate_pages(compute(fixture_dataset, date(2026, 6, 30))):
        text = page.markdown()
        _, front, body = text.split("---\n", 2)
        meta = yaml.load(front, Loader=yaml.CSafeLoader)
        expected = {
            "title": page.title,
            "kind": page.kind,
            "ward": "thu-nghiem",
            "feed": "thu-nghiem/thay-doi.xml",
        }
        if page.kind == "report":  # it repeats the ward page: not indexed
            expected["search_exclude"] = True
        assert meta == expected
        assert body.strip().startswith('<div class="sb ')
        assert "\n\n" not in body.strip()


def test_has_chart_matches_the_body(fixture_dataset: Dataset) -> None:
    pages = {p.url: p for p in generate_pages(compute(fixture_dataset, date(2026, 6, 30)))}
    assert pages["thu-nghiem/chi-tieu/ho-ngheo/"].has_chart
    assert not pages["thu-nghiem/chi-tieu/phuong-van-minh/"].has_chart


def test_home_section_links_each_ward(fixture_dataset: Dataset) -> None:
    assert 'href="thu-nghiem/"' in home_section(
        compute(fixture_dataset, date(2026, 6, 30)), date(2026, 6, 30)
    )
