"""Layout on a phone (360 px wide, and 320 px) and on a desktop: nothing scrolls sideways.

Wide tables either stack (site.css turns `.sb-table` rows into labelled blocks below
600 px) or sit in a scroll region a keyboard can reach and a screen reader can name
(`role="region"`, an accessible name and `tabindex="0"`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

from .support import DESKTOP, PAGE_TYPE_IDS, PHONE, PageType, wait_for_charts

pytestmark = pytest.mark.browser

# For each table of the article: does it stack, and which of the elements from the table
# up to the body scroll sideways (and how they are marked up).
TABLES_JS = """() => [...document.querySelectorAll("article table")].map((table) => {
    const display = (element) => getComputedStyle(element).display;
    const stacked = display(table) === "block" && [...table.rows].every((row) =>
        display(row) === "block");
    const scrolling = [];
    for (let node = table; node && node !== document.body; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if ((overflow === "auto" || overflow === "scroll") &&
                node.scrollWidth > node.clientWidth + 1) {
            scrolling.push({
                element: node.tagName.toLowerCase() + "." + [...node.classList].join("."),
                role: node.getAttribute("role"),
                name: node.getAttribute("aria-label") ||
                    node.getAttribute("aria-labelledby") || "",
                focusable: node.tabIndex >= 0,
            });
        }
    }
    return {
        table: (table.caption && table.caption.textContent.trim()) ||
            table.outerHTML.slice(0, 120),
        stacked,
        scrolling,
        overflows: table.getBoundingClientRect().right >
            document.documentElement.clientWidth + 1 && !scrolling.length,
    };
})"""


def _open(open_page: Callable[..., Page], url: str, viewport: dict[str, int]) -> Page:
    page = open_page(viewport)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    # As the page first shows, before any scrolling (Material's header title moves then).
    assert _scroll_width(page) <= viewport["width"], "the page scrolls sideways at load"
    wait_for_charts(page)
    page.wait_for_load_state("networkidle")
    return page


def _scroll_width(page: Page) -> int:
    return int(
        page.evaluate(
            "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        )
    )


# 360 px is a common phone; 320 px is WCAG 1.4.10's reflow width (1280 px at 400% zoom).
PHONE_WIDTHS = (PHONE["width"], 320)


@pytest.mark.parametrize("width", PHONE_WIDTHS)
@pytest.mark.parametrize("type_id", PAGE_TYPE_IDS)
def test_phone_page_does_not_scroll_sideways(
    open_page: Callable[..., Page],
    page_type_url: Callable[..., tuple[PageType, str]],
    type_id: str,
    width: int,
) -> None:
    _, url = page_type_url(type_id)
    page = _open(open_page, url, {"width": width, "height": PHONE["height"]})

    assert _scroll_width(page) <= width
    tables: list[dict[str, Any]] = page.evaluate(TABLES_JS)
    for table in tables:
        assert not table["overflows"], f"table {table['table']!r} sticks out of the page"
        for region in table["scrolling"]:
            assert region["role"] == "region" and region["name"] and region["focusable"], (
                f"wide table {table['table']!r} neither stacks nor scrolls in a labelled, "
                f"focusable region: {region}"
            )


@pytest.mark.parametrize("type_id", ["ward", "target-chart", "ward-fixture"])
def test_phone_stacks_the_data_tables(
    open_page: Callable[..., Page],
    page_type_url: Callable[..., tuple[PageType, str]],
    type_id: str,
) -> None:
    _, url = page_type_url(type_id)
    page = _open(open_page, url, PHONE)
    stacked = page.evaluate(
        """() => [...document.querySelectorAll("article table.sb-table")].map((table) =>
            getComputedStyle(table).display === "block")"""
    )
    assert stacked and all(stacked)
    # Each stacked cell says which column it came from.
    labels = page.evaluate(
        """() => [...document.querySelectorAll("article table.sb-table td")].map((cell) =>
            getComputedStyle(cell, "::before").content)"""
    )
    assert labels and all(label not in ("none", "normal", "") for label in labels)


@pytest.mark.parametrize("type_id", PAGE_TYPE_IDS)
def test_desktop_page_does_not_scroll_sideways(
    open_page: Callable[..., Page],
    page_type_url: Callable[..., tuple[PageType, str]],
    type_id: str,
) -> None:
    _, url = page_type_url(type_id)
    page = _open(open_page, url, DESKTOP)
    assert _scroll_width(page) <= DESKTOP["width"]
