"""The national page: one search across provinces built as separate sites (issue #15).

Three small synthetic provinces are built in parallel child processes by the same code
as `make national-sim` (benchmarks/national.py), served under one host as on Pages
(`/<province>/`), with the national page above them."""

from __future__ import annotations

import sys
from collections.abc import Callable
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Page, expect

from .support import REPO_ROOT, PageLog, StaticSiteServer, describe_violations, run_axe

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
import national  # noqa: E402  (benchmarks/national.py)

pytestmark = pytest.mark.browser

PROVINCES = national.province_list(3)
RESULT = "#nat-results .nat-result__link"
FILTER = "Tỉnh, thành phố"


@pytest.fixture(scope="module")
def national_url(
    tmp_path_factory: pytest.TempPathFactory, site_server: Callable[[str], StaticSiteServer]
) -> str:
    server = site_server("/")
    out = tmp_path_factory.mktemp("national")
    national.build_national(out, PROVINCES, wards=1, jobs=2, base_url=server.url, processes=1)
    server.serve(out)
    return server.url


def search(page: Page, url: str, query: str) -> list[str]:
    """Open the national page with a query; the paths of every result (all pages)."""
    page.goto(f"{url}?q={quote(query)}")
    expect(page.locator("#nat-search")).to_have_attribute("data-state", "done", timeout=20_000)
    more = page.locator("#nat-more")
    while more.is_visible():
        shown = page.locator(RESULT).count()
        more.click()
        expect(page.locator(RESULT)).not_to_have_count(shown)
    links = page.locator(RESULT)
    return [urlparse(links.nth(i).get_attribute("href") or "").path for i in range(links.count())]


def province_of(path: str) -> str:
    return path.strip("/").split("/")[0]


def test_a_query_finds_pages_of_every_province(
    page: Page, page_log: PageLog, national_url: str
) -> None:
    found = search(page, national_url, "ho ngheo")
    assert {province_of(path) for path in found} == {p.id for p in PROVINCES}
    # Each result links into its own province's site, and the page exists there.
    first = next(path for path in found if province_of(path) == PROVINCES[2].id)
    assert first.endswith("/chi-tieu/ho-ngheo/")
    response = page.goto(national_url.rstrip("/") + first)
    assert response is not None and response.status == 200
    assert PROVINCES[2].name in page.title()
    assert page_log.non_local_requests() == []
    assert page_log.console_errors == []


def test_a_query_without_diacritics_finds_words_with_d_stroke_in_every_province(
    page: Page, national_url: str
) -> None:
    # "Đường" is the only spelling in the synthetic wards (no "dương"): Pagefind alone
    # does not fold "đ", so only the d/đ variants of search-core.js find these pages.
    found = search(page, national_url, "duong mau")
    projects = {path for path in found if path.endswith("/du-an/duong-mau-so-1/")}
    assert {province_of(path) for path in projects} == {p.id for p in PROVINCES}
    # The excerpts mark the word as printed.
    marks = page.locator("#nat-results .nat-result__excerpt mark").all_inner_texts()
    assert "Đường" in marks
    # Typed with diacritics, the same pages.
    assert set(search(page, national_url, "đường mẫu")) == set(found)


def test_the_province_filter_narrows_the_results(page: Page, national_url: str) -> None:
    everywhere = search(page, national_url, "ho ngheo")
    options = page.locator("#nat-filter option").all_inner_texts()
    assert options[1:] == [p.name for p in PROVINCES]
    expect(page.get_by_label(FILTER, exact=True)).to_have_count(1)
    chosen = PROVINCES[1]
    page.get_by_label(FILTER, exact=True).select_option(label=chosen.name)
    page.wait_for_function(
        """([selector, prefix]) => {
            const box = document.getElementById("nat-search");
            const links = [...document.querySelectorAll(selector)];
            return box.dataset.state === "done" && links.length > 0
                && links.every(a => new URL(a.href).pathname.startsWith(prefix));
        }""",
        arg=[RESULT, f"/{chosen.id}/"],
        timeout=10_000,
    )
    # The filter stays in the address, and a reload searches the same province.
    assert "tinh=" in page.url
    page.reload()
    expect(page.locator("#nat-search")).to_have_attribute("data-state", "done", timeout=20_000)
    assert page.get_by_label(FILTER, exact=True).input_value() == chosen.name
    in_chosen = [path for path in everywhere if province_of(path) == chosen.id]
    assert 0 < len(in_chosen) < len(everywhere)


def test_the_page_lists_every_province_and_is_accessible(page: Page, national_url: str) -> None:
    page.goto(national_url + "?q=ho%20ngheo")
    page.wait_for_selector(RESULT, timeout=20_000)
    links = page.locator("#nat-provinces a")
    assert links.all_inner_texts() == [p.name for p in PROVINCES]
    assert [
        urlparse(a).path for a in (links.nth(i).get_attribute("href") or "" for i in range(3))
    ] == [p.path for p in PROVINCES]
    violations = run_axe(page)["violations"]
    assert violations == [], describe_violations(violations)
