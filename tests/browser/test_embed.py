"""Embeds in a real browser: the iframe code of a target page, pasted into another
page, shows the target from this site only; without a configured site_url the code is
made absolute from the page's address, right under a sub-path (issue #17)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from site_builder.labels import t

from .support import (
    FIXTURE_AS_OF,
    FIXTURE_DATA,
    REPO_ROOT,
    PageLog,
    PageType,
    StaticSiteServer,
    new_page,
    wait_for_charts,
)

pytestmark = pytest.mark.browser

PREFIX = "/nhung-thu/"
TARGET = "thu-nghiem/chi-tieu/ho-ngheo/"


@pytest.fixture(scope="module")
def site_without_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture ward built with no site_url, served under a sub-path; its base URL."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("site-no-url")
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"), site_dir=str(site_dir), site_url=""
    )
    options = config.plugins["commitments"].config
    options["data_dir"] = str(FIXTURE_DATA)
    options["data_as_of"] = FIXTURE_AS_OF
    options["search_index"] = False
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(config)
    server = StaticSiteServer(PREFIX)
    server.serve(Path(site_dir))
    yield server.url
    server.stop()


def _embed_code(page: Page) -> str:
    page.locator("details.sb-embed-code summary").click()
    return page.locator("details.sb-embed-code textarea").input_value()


def test_pasted_iframe_code_shows_the_target_from_this_site_only(
    browser: Browser, page_type_url: Callable[..., tuple[PageType, str]]
) -> None:
    _, target_url = page_type_url("target-chart")
    log = PageLog()
    page = new_page(browser, {"width": 1000, "height": 900}, log)
    try:
        page.goto(target_url)
        code = _embed_code(page)
        assert f'src="{target_url}nhung/"' in code
        # Another site's page with nothing but the pasted code.
        page.set_content(f'<!doctype html><html lang="en"><body>{code}</body></html>')
        frame = page.frame_locator("iframe")
        frame.locator("article h1").wait_for()
        assert "II.2" in frame.locator("article h1").inner_text()
        assert frame.locator(".sb-status").first.inner_text().strip()
        frame.locator(".sb-chart__plot[data-drawn=true]").wait_for(timeout=20_000)
        assert page.frame_locator("iframe").locator(".md-header, .sb-searchbar").count() == 0
        assert log.non_local_requests() == []
        # The host page stands for another site: its own /favicon.ico is not ours.
        assert [e for e in log.console_errors if "/favicon.ico" not in e] == []
    finally:
        page.context.close()


def test_without_site_url_the_code_is_completed_from_the_page_address(
    browser: Browser, site_without_url: str
) -> None:
    log = PageLog()
    page = new_page(browser, {"width": 1000, "height": 900}, log)
    try:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(site_without_url + TARGET)
        code = _embed_code(page)
        assert f'src="{site_without_url}{TARGET}nhung/"' in code
        assert page.locator("[data-sb-embed-relative]").is_hidden()
        button = page.locator("[data-sb-copy]")
        assert button.is_visible()
        button.click()
        page.wait_for_function(
            "(done) => document.querySelector('[data-sb-copy]').textContent === done",
            arg=t("embed.copied"),
        )
        assert page.evaluate("() => navigator.clipboard.readText()") == code
        # The address it computed serves the embed.
        response = page.goto(site_without_url + TARGET + "nhung/")
        assert response is not None and response.status == 200
        wait_for_charts(page)
        assert log.non_local_requests() == []
        assert log.console_errors == []
    finally:
        page.context.close()


def test_without_javascript_the_code_explains_itself(
    browser: Browser, site_without_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_without_url + TARGET)
        page.locator("details.sb-embed-code summary").click()
        assert page.locator("[data-sb-embed-relative]").is_visible()
        assert page.locator("[data-sb-copy]").is_hidden()
        assert 'src="nhung/"' in page.locator("details.sb-embed-code textarea").input_value()
    finally:
        context.close()
