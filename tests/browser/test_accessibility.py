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


def test_every_built_page_declares_vietnamese(all_built_sites: list[ServedSite]) -> None:
    for site in all_built_sites:
        pages = sorted(site.site_dir.rglob("*.html"))
        assert pages
        for path in pages:
            head = path.read_text(encoding="utf-8")[:500]
            assert '<html lang="vi"' in head, path.relative_to(site.site_dir)
