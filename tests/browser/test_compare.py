"""Comparing wards in a real browser: the comparison page shows every ward's target,
reached from a target page, accessible at desktop and phone widths, and nothing is
requested from another host (issue #17)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser

from site_builder.labels import t

from .support import (
    DESKTOP,
    PHONE,
    PageLog,
    PageType,
    describe_violations,
    new_page,
    run_axe,
)

pytestmark = pytest.mark.browser

WARDS = ("Phường Kiến An", "Phường Thanh Đông", "Phường Thủy Nguyên", "Phường Việt Hưng")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_comparison_page_shows_every_wards_target(
    browser: Browser,
    page_type_url: Callable[..., tuple[PageType, str]],
    viewport: dict[str, int],
) -> None:
    _, url = page_type_url("comparison")
    log = PageLog()
    page = new_page(browser, viewport, log)
    try:
        response = page.goto(url)
        assert response is not None and response.status == 200
        page.wait_for_load_state("networkidle")
        rows = page.locator("tr.sb-compare__row")
        assert rows.count() == len(WARDS)
        assert [rows.nth(i).locator("th").inner_text().strip() for i in range(4)] == list(WARDS)
        values = page.locator("tr.sb-compare__row td:nth-of-type(2)").all_inner_texts()
        assert "98,0 (%)" in values and "99%" in values  # as printed
        # Every row's target link opens that ward's target page.
        hrefs = [
            rows.nth(i).locator("td").first.locator("a").get_attribute("href") for i in range(4)
        ]
        assert all(h and "/chi-tieu/" in h for h in hrefs)
        result = run_axe(page)
        assert result["violations"] == [], describe_violations(result["violations"])
        page.locator("tr.sb-compare__row").nth(2).locator("td a").first.click()
        page.wait_for_url("**/thuy-nguyen/chi-tieu/bao-hiem-y-te-xa-hoi/**")
        assert log.non_local_requests() == []
        assert log.console_errors == []
    finally:
        page.context.close()


def test_target_page_links_to_its_comparison(
    browser: Browser, page_type_url: Callable[..., tuple[PageType, str]]
) -> None:
    _, url = page_type_url("comparison")
    target = url.replace("so-sanh/ty-le-bhyt/", "viet-hung/chi-tieu/bao-phu-bao-hiem-y-te/")
    log = PageLog()
    page = new_page(browser, DESKTOP, log)
    try:
        page.goto(target)
        link = page.get_by_role("heading", name=t("compare.from_target"))
        assert link.is_visible()
        page.locator(".sb-comparisons a").first.click()
        page.wait_for_url(url)
        page.locator("tr.sb-compare__row").first.wait_for()
        assert page.locator("tr.sb-compare__row").count() == len(WARDS)
        assert log.non_local_requests() == []
    finally:
        page.context.close()
