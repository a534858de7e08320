"""Every page type opens cleanly, at the root of a host and under a sub-path.

A first load of each page type (see `support.PAGE_TYPES`), scrolled to its end so that
lazy charts load: the expected status, `lang="vi"`, a title and a heading, every request
answered by the local server without error, no console error, and plotly.js fetched if
and only if the page has a chart, on a first load and on an instant navigation to it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from site_builder.labels import LABELS

from .conftest import DEFAULT_PREFIX, PREFIXES
from .support import (
    PAGE_TYPE_IDS,
    PageLog,
    PageType,
    ServedSite,
    click_link_to,
    start_page_for,
    wait_for_charts,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix", PREFIXES, ids=["sub-path", "root"])
@pytest.mark.parametrize("type_id", PAGE_TYPE_IDS)
def test_page_type_opens_cleanly(
    open_page: Callable[..., Page],
    page_log: PageLog,
    page_type_url: Callable[..., tuple[PageType, str]],
    type_id: str,
    prefix: str,
) -> None:
    kind, url = page_type_url(type_id, prefix)
    page = open_page()

    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    charts = wait_for_charts(page)
    page.wait_for_load_state("networkidle")

    assert response is not None and response.status == kind.status
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.title().strip()
    assert page.locator("article h1").first.inner_text().strip()
    assert page_log.non_local_requests() == []
    assert page_log.errors_except_missing(url) == []
    # Every sub-resource (styles, scripts, sitemap.xml, favicon, plotly.js) was found.
    broken = [
        (r.url, r.status, r.failure)
        for r in page_log.resources
        if r.url != url and (r.failure or r.status not in (200, 304))
    ]
    assert broken == []
    stylesheets = [r for r in page_log.resources if r.resource_type == "stylesheet"]
    assert stylesheets and all(r.status in (200, 304) for r in stylesheets)
    # plotly.js (≈400 KB gzip) is downloaded by pages with a chart, and only by them.
    plotly = [r.url for r in page_log.resources if r.is_plotly]
    if charts:
        assert len(plotly) == 1, plotly
        assert page.locator(".sb-chart__plot[data-drawn=true]:has(svg)").count() == charts
    else:
        assert plotly == [], "a page without a chart downloaded plotly.js"


@pytest.mark.parametrize("type_id", PAGE_TYPE_IDS)
def test_next_navigation_loads_plotly_only_for_a_chart(
    open_page: Callable[..., Page],
    page_log: PageLog,
    page_type_url: Callable[..., tuple[PageType, str]],
    serve_site: Callable[..., ServedSite],
    type_id: str,
) -> None:
    kind, url = page_type_url(type_id)
    site = serve_site(DEFAULT_PREFIX, kind.data)
    page = open_page()
    page.goto(site.url_for(start_page_for(kind)))
    page.wait_for_load_state("networkidle")
    first_load = len(page_log.resources)

    click_link_to(page, url)
    page.wait_for_url(url)
    page.wait_for_load_state("networkidle")
    charts = wait_for_charts(page)
    page.wait_for_load_state("networkidle")

    plotly = [r.url for r in page_log.resources[first_load:] if r.is_plotly]
    assert len(plotly) == (1 if charts else 0), plotly
    assert page_log.non_local_requests() == []
    assert page_log.errors_except_missing(url) == []


def test_target_page_draws_its_chart_next_to_a_captioned_table(
    page: Page, page_log: PageLog, page_type_url: Callable[..., tuple[PageType, str]]
) -> None:
    _, url = page_type_url("target-chart")
    page.goto(url)
    page.wait_for_load_state("networkidle")
    drawn = wait_for_charts(page)

    assert drawn >= 1
    figures = page.locator("figure.sb-chart")
    assert figures.count() == drawn
    for index in range(drawn):
        figure = figures.nth(index)
        assert figure.locator("figcaption").inner_text().strip()
        plot = figure.locator(".sb-chart__plot")
        assert plot.get_attribute("data-drawn") == "true"
        assert plot.locator("svg").count() >= 1
        assert plot.get_attribute("role") == "img"
        assert (plot.get_attribute("aria-label") or "").strip()
        # The table alternative follows the chart: same figures, readable without JS.
        table = figure.locator("xpath=following-sibling::*[1]").locator("table.sb-data")
        assert table.count() == 1
        assert table.locator("caption").inner_text().strip()
        assert table.locator("tbody tr").count() >= 1
    assert page_log.console_errors == []


def test_target_page_shows_its_status(
    page: Page, page_type_url: Callable[..., tuple[PageType, str]]
) -> None:
    """The computed progress status is visible on a target with measurements (issue #8)."""
    _, url = page_type_url("target-chart")
    page.goto(url)
    article = page.locator("article").inner_text()
    statuses = [
        text
        for key, text in LABELS.items()
        if key.startswith("status.") and key != "status.no_data"
    ]
    if not any(status in article for status in statuses):
        pytest.skip("no progress status is rendered yet (status engine, issue #8)")
    shown = [status for status in statuses if status in article]
    assert shown
