"""Smoke test: the built site, served under a sub-path, opens cleanly in Chromium."""

from __future__ import annotations

from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from playwright.sync_api import Page

from .support import PageLog, ServedSite

pytestmark = pytest.mark.browser


def test_home_page_opens_under_sub_path(page: Page, page_log: PageLog, site_url: str) -> None:
    response = page.goto(site_url)
    page.wait_for_load_state("networkidle")

    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.title().strip()
    assert page.locator("h1").first.inner_text().strip()
    assert page_log.console_errors == []
    assert page_log.requests, "the page recorded no request"
    assert page_log.non_local_requests() == []


def test_missing_page_is_the_sites_404_with_status_404(
    page: Page, page_log: PageLog, served_site: ServedSite
) -> None:
    missing = served_site.url_for("khong-co-trang-nay/")
    expected = (served_site.site_dir / "404.html").read_bytes()

    with pytest.raises(HTTPError) as raised, urlopen(missing, timeout=10):
        pass
    with raised.value as error:
        assert error.code == 404
        assert error.read() == expected

    response = page.goto(missing)
    page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "vi"
    assert "404" in page.locator("h1").first.inner_text()
    # Chromium reports the 404 status itself as a console error; nothing else may fail.
    other_errors = [e for e in page_log.console_errors if "status of 404" not in e]
    assert other_errors == []
    assert page_log.non_local_requests() == []


@pytest.mark.parametrize("path", ["/", "/cam-ket-khac/", "/404.html"])
def test_paths_outside_the_prefix_are_404(served_site: ServedSite, path: str) -> None:
    origin = served_site.url.removesuffix("/cam-ket/")
    with pytest.raises(HTTPError) as raised, urlopen(origin + path, timeout=10):
        pass
    with raised.value as error:
        assert error.code == 404
