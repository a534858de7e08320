"""The English copy in a real browser (#17): English chrome, the documents' text marked
Vietnamese, the language switch both ways to the same page, English search results that
open English pages, axe clean at desktop and phone widths, nothing from another host."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, Page

from .support import DESKTOP, PHONE, PageLog, ServedSite, describe_violations, new_page, run_axe

pytestmark = pytest.mark.browser

TARGET = "kien-an/chi-tieu/bao-hiem-y-te/"


@contextmanager
def reader(browser: Browser, viewport: dict[str, int] = DESKTOP) -> Iterator[Page]:
    """A fresh page; when the test is done, nothing was asked of another host."""
    log = PageLog()
    page = new_page(browser, viewport, log)
    try:
        yield page
        assert log.non_local_requests() == []
        assert log.console_errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["en/", "en/kien-an/", "en/" + TARGET, "en/tim-kiem/"])
def test_english_pages_are_english_and_accessible(
    browser: Browser, served_site: ServedSite, viewport: dict[str, int], path: str
) -> None:
    with reader(browser, viewport) as page:
        response = page.goto(served_site.url_for(path))
        assert response is not None and response.status == 200
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("a.sb-skip").text_content() == "Skip to main content"
        assert page.get_by_role("button", name="Search").first.is_visible()
        switch = page.locator("a.sb-lang")
        assert switch.text_content() == "Tiếng Việt" and switch.get_attribute("lang") == "vi"
        result = run_axe(page)
        assert result["violations"] == [], describe_violations(result["violations"])


def test_language_switch_goes_to_the_same_page_both_ways(
    browser: Browser, served_site: ServedSite
) -> None:
    with reader(browser) as page:
        page.goto(served_site.url_for(TARGET))
        vietnamese_status = page.locator(".sb-assessment .sb-status").first.text_content()
        page.locator("a.sb-lang").click()
        page.wait_for_url(served_site.url_for("en/" + TARGET))
        assert page.locator("html").get_attribute("lang") == "en"
        # The same target: its name as printed, marked Vietnamese; English labels.
        heading = page.locator("h1 [lang=vi]").first
        assert heading.text_content() and heading.is_visible()
        assert page.locator("dt", has_text="Lead unit").count() >= 1
        english_status = page.locator(".sb-assessment .sb-status").first.text_content()
        assert english_status != vietnamese_status
        page.locator("a.sb-lang").click()
        page.wait_for_url(served_site.url_for(TARGET))
        assert page.locator("html").get_attribute("lang") == "vi"
        assert page.locator(".sb-assessment .sb-status").first.text_content() == vietnamese_status


def test_english_search_finds_vietnamese_text_and_opens_english_pages(
    browser: Browser, served_site: ServedSite
) -> None:
    with reader(browser) as page:
        page.goto(served_site.url_for("en/tim-kiem/?q=bao+hiem+y+te"))
        first = page.locator("#sb-results .sb-result__link").first
        first.wait_for(timeout=20_000)
        hrefs = page.locator("#sb-results .sb-result__link").evaluate_all(
            "links => links.map(a => a.href)"
        )
        assert hrefs and all(h.startswith(served_site.url_for("en/")) for h in hrefs)
        status = page.locator("#sb-search-status").text_content() or ""
        assert re.fullmatch(r"[\d,]+ pages match “bao hiem y te”\.", status), status
        first.click()
        page.wait_for_url(served_site.url_for("en/") + "**")
        assert page.locator("html").get_attribute("lang") == "en"
