"""The changes feeds, as a reader finds them: linked from the ward page and its head,
served, valid Atom, and every link of an entry leading to a page of the site (#17)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page

from site_builder.feeds import ATOM

from .support import REPO_ROOT, PageLog, PageType

pytestmark = pytest.mark.browser

A = f"{{{ATOM}}}"


def _full_history() -> bool:
    result = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "rev-parse", "--is-shallow-repository"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and result.stdout.strip() == "false"


def test_ward_page_links_its_feed_and_the_feed_leads_back(
    page: Page, page_log: PageLog, page_type_url: Callable[..., tuple[PageType, str]]
) -> None:
    _, url = page_type_url("ward")
    page.goto(url)
    page.wait_for_load_state("networkidle")
    visible = page.locator(".sb-reach a[type='application/atom+xml']")
    head = page.locator("head link[type='application/atom+xml']")

    assert visible.count() == 1
    feed_url = urljoin(url, visible.get_attribute("href") or "")
    assert feed_url == url + "thay-doi.xml"
    hrefs = [urljoin(url, head.nth(i).get_attribute("href") or "") for i in range(head.count())]
    assert feed_url in hrefs and urljoin(url, "../thay-doi.xml") in hrefs
    for i in range(head.count()):
        assert "alternate" in (head.nth(i).get_attribute("rel") or "").split()

    for address in (feed_url, urljoin(url, "../thay-doi.xml")):
        response = page.request.get(address)
        assert response.status == 200
        feed = ET.fromstring(response.body())
        assert feed.tag == f"{A}feed"
        entries = feed.findall(f"{A}entry")
        if _full_history():
            assert entries, "a full clone has data commits: the feed has entries"
        for link in feed.iter(f"{A}link"):
            target = urljoin(address, link.get("href") or "")
            assert page.request.get(target).status == 200, target
        if address == feed_url:
            alternates = {urljoin(address, e.find(f"{A}link").get("href") or "") for e in entries}  # type: ignore[union-attr]
            assert alternates <= {url}
    # The feed links did not make Material's instant navigation fetch a missing sitemap.
    assert page_log.errors_except_missing(url) == []
    assert page_log.non_local_requests() == []
