"""Search as a citizen uses it: with and without diacritics, on a phone keyboard's
decomposed Unicode, by code and by unit name, at the root of a host and under a sub-path."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Page, expect

from .conftest import PREFIXES
from .support import FIXTURE, REAL, PageLog, ServedSite

pytestmark = pytest.mark.browser


def path_of(site: ServedSite, path: str) -> str:
    """The href Pagefind gives a page: its path from the host root, sub-path included."""
    return urlparse(site.url).path + path


def results(page: Page, site: ServedSite, query: str) -> list[tuple[str, str]]:
    """Open the shareable results page and return (title, href) of the results shown."""
    page.goto(site.url_for(f"tim-kiem/?q={quote(query)}"))
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    links = page.locator(".pagefind-ui__result-link")
    return [
        (links.nth(i).inner_text(), links.nth(i).get_attribute("href") or "")
        for i in range(links.count())
    ]


# (query, the page the first result must be) on the fictional fixture ward.
FIXTURE_QUERIES = [
    ("hộ nghèo", "thu-nghiem/chi-tieu/ho-ngheo/"),
    ("ho ngheo", "thu-nghiem/chi-tieu/ho-ngheo/"),
    (unicodedata.normalize("NFD", "hộ nghèo"), "thu-nghiem/chi-tieu/ho-ngheo/"),
    ("duong mau so 1", "thu-nghiem/du-an/duong-mau-so-1/"),
    ("Đường Mẫu số 1", "thu-nghiem/du-an/duong-mau-so-1/"),
    ("II.2 thu nghiem", "thu-nghiem/chi-tieu/ho-ngheo/"),
    ("vanh dai mau", "thu-nghiem/du-an/vanh-dai-mau/"),
]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize(
    ("query", "expected"),
    FIXTURE_QUERIES,
    ids=[q.encode("ascii", "replace").decode() for q, _ in FIXTURE_QUERIES],
)
def test_query_finds_the_page_first(
    page: Page,
    page_log: PageLog,
    serve_site: Callable[..., ServedSite],
    prefix: str,
    query: str,
    expected: str,
) -> None:
    site = serve_site(prefix, FIXTURE)
    found = results(page, site, query)
    assert found, f"no result for {query!r}"
    first_href = found[0][1].split("#")[0]
    assert first_href == path_of(site, expected), found[:3]
    assert page_log.non_local_requests() == []
    assert page_log.console_errors == []


def test_lead_unit_name_without_diacritics(page: Page, served_fixture_site: ServedSite) -> None:
    found = results(page, served_fixture_site, "phong van hoa xa hoi")
    assert any("/chi-tieu/ho-ngheo/" in href for _, href in found)


def test_results_show_ward_and_status(page: Page, served_fixture_site: ServedSite) -> None:
    results(page, served_fixture_site, "ho ngheo")
    tags = page.locator(".pagefind-ui__result").first.locator(".pagefind-ui__result-tag")
    texts = tags.all_inner_texts()
    assert any(t.startswith("Phường:") for t in texts)
    assert any(t.startswith("Trạng thái:") for t in texts)


def test_filters_by_ward_and_kind(page: Page, served_site: ServedSite) -> None:
    results(page, served_site, "kết nạp")
    # Pagefind's UI draws the filter groups after the first results, one at a time.
    names = page.locator(".pagefind-ui__filter-name")
    expect(names.filter(has_text="Phường")).to_have_count(1, timeout=10_000)
    expect(names.filter(has_text="Loại trang")).to_have_count(1, timeout=10_000)


def test_code_and_ward_rank_the_target_first_on_real_data(
    page: Page, served_site: ServedSite
) -> None:
    found = results(page, served_site, "I.4 kien an")
    assert found[0][1].split("#")[0] == path_of(
        served_site, "kien-an/chi-tieu/kiem-tra-giam-sat-to-chuc-dang/"
    )


@pytest.mark.parametrize("query", ["kien an", "Kiến An", "phuong kien an"])
def test_ward_name_offers_the_ward_first(page: Page, served_site: ServedSite, query: str) -> None:
    found = results(page, served_site, query)
    shortcuts = page.locator("#sb-shortcuts a:visible")
    assert shortcuts.all_inner_texts() == ["Phường Kiến An"]
    href = shortcuts.first.get_attribute("href") or ""
    assert urlparse(href).path == path_of(served_site, "kien-an/")
    # The direct link comes before Pagefind's results in reading order.
    assert page.evaluate(
        "document.getElementById('sb-shortcuts').compareDocumentPosition("
        "document.getElementById('sb-search')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert found  # the pages that mention the ward still follow


def test_shortcuts_follow_a_new_query_and_stay_hidden_otherwise(
    page: Page, served_site: ServedSite
) -> None:
    results(page, served_site, "ho ngheo")
    assert page.locator("#sb-shortcuts").is_hidden()
    page.fill(".pagefind-ui__search-input", "viet hung")
    page.wait_for_selector("#sb-shortcuts a:visible", timeout=5_000)
    assert page.locator("#sb-shortcuts a:visible").all_inner_texts() == ["Phường Việt Hưng"]


def test_search_bar_submits_to_the_results_page(
    page: Page, page_log: PageLog, served_site: ServedSite
) -> None:
    page.goto(served_site.url_for("phuong-phap/"))
    page.fill("#sb-q", "ho ngheo")
    page.press("#sb-q", "Enter")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    assert "/tim-kiem/?q=ho+ngheo" in page.url
    assert page.input_value("#sb-q") == "ho ngheo"
    assert page_log.non_local_requests() == []


def test_search_works_after_instant_navigation(page: Page, served_site: ServedSite) -> None:
    page.goto(served_site.url)
    page.evaluate("window.__kept = 'yes'")
    page.click("nav.md-nav a[href$='tim-kiem/']")
    page.wait_for_selector(".pagefind-ui__search-input", timeout=15_000)
    assert page.evaluate("window.__kept") == "yes"  # no full reload happened
    page.fill(".pagefind-ui__search-input", "ket nap")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)


def test_only_page_content_is_indexed(served_site: ServedSite) -> None:
    # The theme's header, navigation and footer are outside data-pagefind-body.
    html = (served_site.site_dir / "phuong-phap" / "index.html").read_text(encoding="utf-8")
    body_start = html.index("data-pagefind-body")
    assert html.index('class="md-header') < body_start
    assert html.index("md-footer") > body_start
    assert "data-pagefind-body" not in (served_site.site_dir / "404.html").read_text(
        encoding="utf-8"
    )


def test_real_site_has_a_search_bundle(served_site: ServedSite) -> None:
    assert (served_site.site_dir / "pagefind" / "pagefind.js").is_file()
    assert REAL
