"""Search as a citizen uses it: with and without diacritics, on a phone keyboard's
decomposed Unicode, by code and by unit name, at the root of a host and under a sub-path."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from urllib.parse import quote, quote_plus, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import PREFIXES
from .support import DESKTOP, FIXTURE, REAL, PageLog, ServedSite, new_page

pytestmark = pytest.mark.browser


def path_of(site: ServedSite, path: str) -> str:
    """The href Pagefind gives a page: its path from the host root, sub-path included."""
    return urlparse(site.url).path + path


def results(page: Page, site: ServedSite, query: str) -> list[tuple[str, str]]:
    """Open the shareable results page and return (title, href) of the results shown."""
    page.goto(site.url_for(f"tim-kiem/?q={quote(query)}"))
    return shown_results(page)


def shown_results(page: Page) -> list[tuple[str, str]]:
    """(title, href) of the results the page shows once its search has finished."""
    page.wait_for_selector("#sb-search[data-state=done]", timeout=15_000)
    links = page.locator(".sb-result__link")
    return [
        (links.nth(i).inner_text(), links.nth(i).get_attribute("href") or "")
        for i in range(links.count())
    ]


def site_search(page: Page, query: str, filters: dict[str, str] | None = None) -> list[str]:
    """The page ids the results page's own search (search.js) finds for `query`."""
    page.wait_for_function("window.sbSearch !== undefined", timeout=15_000)
    ids: list[str] = page.evaluate("([q, f]) => window.sbSearch.find(q, f)", [query, filters or {}])
    return ids


def pagefind_alone(page: Page, query: str) -> list[str]:
    """The page ids Pagefind's own search finds for `query` as typed (no đ/d variants)."""
    ids: list[str] = page.evaluate(
        """async (q) => {
            const script = document.querySelector("script[src*='javascripts/search.js']");
            const pagefind = await import(new URL("../../pagefind/pagefind.js", script.src).href);
            await pagefind.init();
            return (await pagefind.search(q)).results.map((r) => r.id);
        }""",
        query,
    )
    return ids


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


def test_results_show_kind_ward_and_status(page: Page, served_fixture_site: ServedSite) -> None:
    results(page, served_fixture_site, "ho ngheo")
    tags = page.locator(".sb-result").first.locator(".sb-result__tag")
    assert tags.all_inner_texts() == [
        "Chỉ tiêu",
        "Phường Thử Nghiệm (hư cấu)",
        "Trạng thái: Cần đẩy nhanh",
    ]


def test_every_result_says_its_kind_and_ward(page: Page, served_site: ServedSite) -> None:
    results(page, served_site, "ket nap dang vien")
    items = page.locator(".sb-result")
    assert items.count() == 10  # the first page of results
    for i in range(items.count()):
        kind, *rest = items.nth(i).locator(".sb-result__tag").all_inner_texts()
        assert kind in {"Chỉ tiêu", "Dự án, công trình", "Phường", "So sánh giữa các phường"}
        # A comparison (#17) belongs to no one ward: it names none.
        if kind == "So sánh giữa các phường":
            assert rest == []
        else:
            assert rest[0].startswith("Phường ")


def test_more_results_on_request(page: Page, served_site: ServedSite) -> None:
    found = results(page, served_site, "dat")
    assert len(found) == 10
    page.click("#sb-more")
    expect(page.locator(".sb-result")).to_have_count(20)
    # Focus moves to the first new result, so a keyboard user continues from there.
    assert page.evaluate("document.activeElement.closest('.sb-result') !== null")
    assert (
        page.evaluate(
            "[...document.querySelectorAll('.sb-result')].indexOf("
            "document.activeElement.closest('.sb-result'))"
        )
        == 10
    )


def test_filters_by_ward_and_kind(page: Page, served_site: ServedSite) -> None:
    everything = results(page, served_site, "kết nạp")
    page.select_option("#sb-filter-ward", "Phường Kiến An")
    page.select_option("#sb-filter-kind", "Chỉ tiêu")
    found = shown_results(page)
    assert found and len(site_search(page, "kết nạp")) > len(
        site_search(page, "kết nạp", {"Phường": "Phường Kiến An", "Loại trang": "Chỉ tiêu"})
    )
    assert found != everything
    for i in range(page.locator(".sb-result").count()):
        tags = page.locator(".sb-result").nth(i).locator(".sb-result__tag").all_inner_texts()
        assert tags[:2] == ["Chỉ tiêu", "Phường Kiến An"]
    # The filters are part of the shareable address.
    assert "phuong=Ph%C6%B0%E1%BB%9Dng+Ki%E1%BA%BFn+An" in page.url
    assert "loai=Ch%E1%BB%89+ti%C3%AAu" in page.url
    page.reload()
    assert shown_results(page) == found
    assert page.input_value("#sb-filter-ward") == "Phường Kiến An"


def test_excerpts_are_the_page_text_in_vietnamese(page: Page, served_site: ServedSite) -> None:
    # Typed without diacritics, found through "đ": the marked words are the page's own.
    results(page, served_site, "dau tu cong")
    marks = [m.lower() for m in page.locator(".sb-result__excerpt mark").all_inner_texts()]
    assert marks
    assert any(m.startswith("đầu") for m in marks)
    assert not any(m.startswith("dau") for m in marks)


def test_nothing_found_offers_wards_and_topics(page: Page, served_site: ServedSite) -> None:
    assert results(page, served_site, "zzqqxx") == []
    expect(page.locator("#sb-search-status")).to_have_text(
        "Không tìm thấy trang nào khớp với “zzqqxx”."
    )
    help_block = page.locator("#sb-no-results")
    expect(help_block).to_be_visible()
    wards = help_block.locator("ul").first.locator("a")
    assert wards.all_inner_texts() == [
        "Phường Kiến An",
        "Phường Thanh Đông",
        "Phường Thủy Nguyên",
        "Phường Việt Hưng",
    ]
    topics = help_block.locator(".sb-no-results__topics a")
    assert topics.count() >= 5
    # Each topic is a query that finds pages.
    first = topics.first.inner_text()
    topics.first.click()
    page.wait_for_url(f"**?q={quote_plus(first)}")
    expect(page.locator(".sb-result").first).to_be_visible(timeout=15_000)
    assert shown_results(page), first
    expect(page.locator("#sb-no-results")).to_be_hidden()


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
    # The direct link comes before the results in reading order.
    assert page.evaluate(
        "document.getElementById('sb-shortcuts').compareDocumentPosition("
        "document.getElementById('sb-results')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert found  # the pages that mention the ward still follow


def test_shortcuts_follow_a_new_query_and_stay_hidden_otherwise(
    page: Page, served_site: ServedSite
) -> None:
    results(page, served_site, "ho ngheo")
    assert page.locator("#sb-shortcuts").is_hidden()
    page.fill("#sb-search-input", "viet hung")
    page.wait_for_selector("#sb-shortcuts a:visible", timeout=5_000)
    assert page.locator("#sb-shortcuts a:visible").all_inner_texts() == ["Phường Việt Hưng"]


def test_search_bar_submits_to_the_results_page(
    page: Page, page_log: PageLog, served_site: ServedSite
) -> None:
    page.goto(served_site.url_for("phuong-phap/"))
    page.fill("#sb-q", "ho ngheo")
    page.press("#sb-q", "Enter")
    page.wait_for_selector(".sb-result__link", timeout=15_000)
    assert "/tim-kiem/?q=ho+ngheo" in page.url
    assert page.input_value("#sb-search-input") == "ho ngheo"
    assert page.input_value("#sb-q") == "ho ngheo"
    assert page_log.non_local_requests() == []


def test_search_works_after_instant_navigation(page: Page, served_site: ServedSite) -> None:
    page.goto(served_site.url)
    page.evaluate("window.__kept = 'yes'")
    page.click("nav.md-nav a[href$='tim-kiem/']")
    page.wait_for_selector("#sb-search[data-ready=true]", timeout=15_000)
    assert page.evaluate("window.__kept") == "yes"  # no full reload happened
    page.fill("#sb-search-input", "ket nap")
    page.wait_for_selector(".sb-result__link", timeout=15_000)


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


# (with diacritics, without): the đ words, then other common queries.
RECALL_PAIRS = [
    ("đất", "dat"),
    ("đồng", "dong"),
    ("đô thị", "do thi"),
    ("đường", "duong"),
    ("đảng viên", "dang vien"),
    ("đầu tư công", "dau tu cong"),
    ("điện", "dien"),
    ("đạt", "dat"),
    ("địa bàn", "dia ban"),
    ("đào tạo", "dao tao"),
    ("Đảng ủy", "dang uy"),
    ("đất đai", "dat dai"),
    ("hộ nghèo", "ho ngheo"),
    ("giải phóng mặt bằng", "giai phong mat bang"),
    ("ngân sách", "ngan sach"),
    ("Thủy Nguyên", "thuy nguyen"),
]


@pytest.fixture(scope="module")
def search_page(browser: Browser, served_site: ServedSite) -> Iterator[Page]:
    """One results page on the real site, for many queries through its own search."""
    page = new_page(browser, DESKTOP)
    page.goto(served_site.url_for("tim-kiem/"))
    yield page
    page.close()


@pytest.mark.parametrize(
    ("accented", "plain"), RECALL_PAIRS, ids=[plain for _, plain in RECALL_PAIRS]
)
def test_a_query_without_diacritics_finds_the_same_pages(
    search_page: Page, accented: str, plain: str
) -> None:
    with_marks = site_search(search_page, accented)
    without = site_search(search_page, plain)
    assert with_marks, accented
    assert set(without) == set(with_marks), (accented, len(with_marks), len(without))
    # Nothing Pagefind alone finds for the query as typed is lost.
    assert set(pagefind_alone(search_page, accented)) <= set(with_marks)


def test_the_page_shows_the_same_count_with_and_without_diacritics(
    page: Page, served_site: ServedSite
) -> None:
    results(page, served_site, "đảng viên")
    accented = page.inner_text("#sb-search-status")
    results(page, served_site, "dang vien")
    plain = page.inner_text("#sb-search-status")
    assert accented.split(" ")[0] == plain.split(" ")[0]
    assert int(plain.split(" ")[0]) > 0


def test_words_starting_with_d_are_searched_both_ways(search_page: Page) -> None:
    assert search_page.evaluate("window.sbSearch.variants('dau tu cong')") == [
        "dau tu cong",
        "đau tu cong",
    ]
    assert search_page.evaluate("window.sbSearch.variants('Đô thị')") == ["dô thị", "đô thị"]
    assert len(search_page.evaluate("window.sbSearch.variants('d d d d d d')")) == 16
