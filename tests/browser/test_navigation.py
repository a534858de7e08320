"""Instant navigation is really used, and charts are drawn after it.

Material's instant navigation fetches the next page and swaps it in without reloading
the document; it silently falls back to full page loads when `site_url` does not match
the origin. A value stored on `window` survives an instant page change and is lost on a
full load, so it tells the two apart; so does the number of `document` requests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .conftest import PREFIXES
from .support import (
    FIXTURE,
    REAL,
    PageLog,
    ServedSite,
    click_link_to,
    mark_page,
    wait_for_charts,
    wait_for_page,
)

pytestmark = pytest.mark.browser

PROBE = "sb-instant-probe"
# A link of the site navigation in Material's primary sidebar (shown at desktop width).
NAV_LINK = '.md-sidebar--primary a.md-nav__link[href$="{path}"]'


def _set_probe(page: Page) -> None:
    page.evaluate("(value) => { window.__sbProbe = value; }", PROBE)


def _probe(page: Page) -> object:
    return page.evaluate("() => window.__sbProbe")


def _documents(log: PageLog) -> list[str]:
    return [r.url for r in log.resources if r.resource_type == "document"]


@pytest.mark.parametrize("prefix", PREFIXES, ids=["sub-path", "root"])
def test_links_between_real_pages_are_instant(
    page: Page,
    page_log: PageLog,
    serve_site: Callable[..., ServedSite],
    prefix: str,
) -> None:
    site = serve_site(prefix, REAL)
    page.goto(site.url)
    page.wait_for_load_state("networkidle")
    _set_probe(page)

    # Home → Kiến An (its card on the home page) → a target, by the pages' own links.
    ward_url = site.url_for("kien-an/")
    mark_page(page)
    page.locator('.sb-card a[href$="kien-an/"]').first.click()
    wait_for_page(page, ward_url)
    page.wait_for_load_state("networkidle")
    assert _probe(page) == PROBE

    mark_page(page)
    page.locator(".sb-targets a").first.click()
    wait_for_page(page, ward_url + "chi-tieu/*/")
    assert page.locator("article h1").inner_text().strip()
    assert _probe(page) == PROBE

    # Back to the ward with the browser's Back button, on to a project, then to the
    # methodology through the site navigation of Material's sidebar.
    mark_page(page)
    page.go_back()
    wait_for_page(page, ward_url)
    mark_page(page)
    page.locator(".sb-projects a").first.click()
    wait_for_page(page, ward_url + "du-an/*/")
    assert page.locator("article h1").inner_text().strip()
    mark_page(page)
    page.locator(NAV_LINK.format(path="phuong-phap/")).click()
    wait_for_page(page, site.url_for("phuong-phap/"))
    page.wait_for_load_state("networkidle")
    assert _probe(page) == PROBE

    assert _documents(page_log) == [site.url], "a page change reloaded the document"
    assert page_log.console_errors == []
    assert page_log.non_local_requests() == []


@pytest.mark.parametrize("prefix", PREFIXES, ids=["sub-path", "root"])
def test_charts_are_drawn_on_arrival_and_after_going_back(
    page: Page,
    page_log: PageLog,
    serve_site: Callable[..., ServedSite],
    prefix: str,
) -> None:
    site = serve_site(prefix, FIXTURE)
    target = site.url_for("thu-nghiem/chi-tieu/ho-ngheo/")
    page.goto(site.url)
    page.wait_for_load_state("networkidle")
    _set_probe(page)

    mark_page(page)
    page.locator(".sb-card a").first.click()
    wait_for_page(page, site.url_for("thu-nghiem/"))
    mark_page(page)
    page.locator('.sb-targets a[href$="chi-tieu/ho-ngheo/"]').first.click()
    wait_for_page(page, target)
    page.locator("[data-chart]").first.wait_for(state="attached")
    assert wait_for_charts(page) >= 1
    assert page.locator(".sb-chart__plot[data-drawn=true]:has(svg)").count() >= 1
    assert _probe(page) == PROBE

    # Away through the site navigation of Material's sidebar, then back with Back.
    mark_page(page)
    page.locator(NAV_LINK.format(path="phuong-phap/")).click()
    wait_for_page(page, site.url_for("phuong-phap/"))
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-chart]").count() == 0
    assert _probe(page) == PROBE

    mark_page(page)
    page.go_back()
    wait_for_page(page, target)
    page.locator("[data-chart]").first.wait_for(state="attached")
    charts = wait_for_charts(page)
    assert charts >= 1
    assert page.locator(".sb-chart__plot[data-drawn=true]:has(svg)").count() == charts
    assert _probe(page) == PROBE

    # plotly.js was downloaded once, on the first page that needed it.
    assert len([r for r in page_log.resources if r.is_plotly]) == 1
    assert _documents(page_log) == [site.url], "a page change reloaded the document"
    assert page_log.console_errors == []
    assert page_log.non_local_requests() == []


def test_first_load_fetches_the_sitemap_instant_navigation_needs(
    page: Page, page_log: PageLog, served_site: ServedSite
) -> None:
    page.goto(served_site.url)
    page.wait_for_load_state("networkidle")
    sitemaps = [r for r in page_log.resources if r.url == served_site.url_for("sitemap.xml")]
    assert len(sitemaps) == 1 and sitemaps[0].status == 200


def test_a_missing_page_is_a_full_load_of_the_404_page(
    page: Page, page_log: PageLog, served_site: ServedSite
) -> None:
    missing = served_site.url_for("khong-co-trang-nay/")
    page.goto(served_site.url)
    page.wait_for_load_state("networkidle")
    _set_probe(page)

    mark_page(page)
    click_link_to(page, missing)
    wait_for_page(page, missing)
    page.wait_for_load_state("networkidle")

    assert "404" in page.locator("article h1").inner_text()
    assert _documents(page_log) == [served_site.url, missing]
    assert page_log.errors_except_missing(missing) == []
    # From the 404 page, the home link leads back to the site.
    mark_page(page)
    page.locator("article a").first.click()
    wait_for_page(page, served_site.url)
    assert page.locator(".sb-card").count() >= 1
