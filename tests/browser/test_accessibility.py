"""Accessibility: axe-core's WCAG 2.1 A and AA rules pass on every page type.

axe-core is the npm package pinned in package.json (`make vendor`), injected into the
page after it has loaded and every chart has been drawn. Nothing is excluded: a problem
in Material's markup is fixed through `overrides/`; an exception, if one is ever needed,
is listed with its reason in docs/maintainers/accessibility.md and here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from .support import (
    DESKTOP,
    PAGE_TYPE_IDS,
    PHONE,
    PageLog,
    PageType,
    ServedSite,
    click_link_to,
    describe_violations,
    run_axe,
    wait_for_charts,
)

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("type_id", PAGE_TYPE_IDS)
def test_axe_finds_no_violation(
    open_page: Callable[..., Page],
    page_type_url: Callable[..., tuple[PageType, str]],
    type_id: str,
    viewport: str,
) -> None:
    _, url = page_type_url(type_id)
    page = open_page(VIEWPORTS[viewport])
    page.goto(url)
    page.wait_for_load_state("networkidle")
    wait_for_charts(page)

    result = run_axe(page)

    assert result["violations"] == [], describe_violations(result["violations"])
    assert result["passes"], "axe ran no rule at all"


def test_axe_finds_no_violation_after_an_instant_page_change(
    page: Page, page_log: PageLog, served_fixture_site: ServedSite
) -> None:
    """The swapped-in page (title, language, landmarks, chart) is as accessible."""
    target = served_fixture_site.url_for("thu-nghiem/chi-tieu/ho-ngheo/")
    page.goto(served_fixture_site.url)
    page.wait_for_load_state("networkidle")
    click_link_to(page, target)
    page.wait_for_url(target)
    wait_for_charts(page)

    result = run_axe(page)

    assert result["violations"] == [], describe_violations(result["violations"])
    assert page.locator("html").get_attribute("lang") == "vi"
    documents = [r.url for r in page_log.resources if r.resource_type == "document"]
    assert documents == [served_fixture_site.url], "the page change was not instant"


def test_every_built_page_declares_its_language(all_built_sites: list[ServedSite]) -> None:
    """Vietnamese, except the English copy under en/ (#17)."""
    for site in all_built_sites:
        pages = sorted(site.site_dir.rglob("*.html"))
        assert pages
        english = 0
        for path in pages:
            head = path.read_text(encoding="utf-8")[:500]
            relative = path.relative_to(site.site_dir)
            lang = "en" if relative.parts[0] == "en" else "vi"
            english += lang == "en"
            assert f'<html lang="{lang}"' in head, relative
        assert english > 0


# Query typed into the results page's own field; the states a reader meets there.
SEARCH_STATES = {"results": "dau tu cong", "nothing-found": "zzqqxx"}


@pytest.mark.parametrize("state", SEARCH_STATES, ids=list(SEARCH_STATES))
@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
def test_axe_finds_no_violation_on_the_search_page_with_a_query(
    open_page: Callable[..., Page], served_site: ServedSite, viewport: str, state: str
) -> None:
    page = open_page(VIEWPORTS[viewport])
    page.goto(served_site.url_for("tim-kiem/"))
    page.wait_for_selector("#sb-search[data-ready=true]")
    page.fill("#sb-search-input", SEARCH_STATES[state])
    page.press("#sb-search-input", "Enter")
    page.wait_for_selector("#sb-search[data-state=done]", timeout=15_000)
    if state == "results":
        assert page.locator(".sb-result").count() == 10
        assert page.locator(".sb-result__excerpt mark").count() > 0
    else:
        assert page.locator("#sb-no-results").is_visible()

    result = run_axe(page)

    assert result["violations"] == [], describe_violations(result["violations"])
    assert result["passes"], "axe ran no rule at all"
    # Pagefind's default UI, used before, named its field by placeholder only: axe's
    # best-practice rule label-title-only. Every form field here has its own label.
    fields = page.evaluate(
        """axe.run(document.getElementById('sb-search'),
            {runOnly: {type: 'tag', values: ['best-practice', 'cat.forms']}})"""
    )
    assert fields["violations"] == [], describe_violations(fields["violations"])


# A generated page (no table of contents), a hand-written one, the 404 page.
SKIP_PAGES = ("target", "methodology", "404")


@pytest.mark.parametrize("type_id", SKIP_PAGES)
def test_the_first_tab_reaches_a_skip_link_to_the_content(
    open_page: Callable[..., Page],
    page_type_url: Callable[..., tuple[PageType, str]],
    type_id: str,
) -> None:
    _, url = page_type_url(type_id)
    page = open_page(PHONE)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    opacity = "getComputedStyle(document.querySelector('a.sb-skip')).opacity"
    assert page.evaluate(opacity) == "0"  # out of sight until focused

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused["text"] == "Bỏ qua, đến nội dung chính"
    # A link within the page (Material makes same-page links absolute).
    assert focused["href"] in ("#sb-content", page.url.split("#")[0] + "#sb-content")
    page.wait_for_function(f"{opacity} === '1'")  # shown while focused
    shown_link = run_axe(page)  # its colours pass while it is shown
    assert shown_link["violations"] == [], describe_violations(shown_link["violations"])
    page.locator("a.sb-skip").focus()  # axe's scroll may have moved the focus
    # One skip link only: Material's own (on pages with a table of contents) is not shown.
    shown = "[...document.querySelectorAll('a.md-skip')].filter((a) => a.getClientRects().length).length"
    assert page.evaluate(shown) == 1

    page.keyboard.press("Enter")
    # Material's instant navigation handles same-page links after the event: wait for it.
    page.wait_for_function("document.activeElement.id === 'sb-content'", timeout=5_000)
    # The target holds the page's heading, and the next Tab continues inside it.
    assert page.locator("#sb-content h1").count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('sb-content').contains(document.activeElement)")


def test_skip_link_after_an_instant_page_change(
    page: Page, served_fixture_site: ServedSite
) -> None:
    """Material swaps the page in without a reload: the new page's skip link still works."""
    target = served_fixture_site.url_for("thu-nghiem/chi-tieu/ho-ngheo/")
    page.goto(served_fixture_site.url_for("phuong-phap/"))
    page.wait_for_load_state("networkidle")
    click_link_to(page, target)
    page.wait_for_url(target)
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    page.locator("a.sb-skip").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'sb-content'", timeout=5_000)
    assert "/chi-tieu/ho-ngheo/" in page.url
