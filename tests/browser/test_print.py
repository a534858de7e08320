"""Printing: the ward report prints one section per A4 page, with its header and page
numbers; a ward page prints without the site's chrome (issue #17).

Chromium prints the page to PDF (`page.pdf`, the print stylesheet and its `@page` size
and margin boxes applied) and pypdf reads the text back. pypdf splits Vietnamese
letters with combining marks from their neighbours ("Ph ườ ng"), so texts are compared
with every space removed.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from site_builder.labels import t
from site_builder.load import load_dataset

from .support import REPO_ROOT, PageType

pytestmark = pytest.mark.browser

# The ward page printed to 75 A4 pages before the print stylesheet (issue #17); the
# report of the largest real ward (Thủy Nguyên, 35 targets and 94 project rows) to 24.
MAX_REPORT_PAGES = 30


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def _print(page: Page) -> list[str]:
    """The page printed to PDF: each printed page's text, without spaces."""
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    return [_squash(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_report_prints_one_section_per_page_with_header_and_page_numbers(
    page: Page, page_type_url: Callable[..., tuple[PageType, str]]
) -> None:
    _, url = page_type_url("report")
    page.goto(url)
    page.wait_for_load_state("networkidle")
    as_of = page.locator(".sb-report time").first.inner_text()
    headings = [
        _squash(h)
        for h in page.locator(".sb-report__section > :is(h1, h2):first-child").all_inner_texts()
    ]

    printed = _print(page)

    assert len(headings) <= len(printed) <= MAX_REPORT_PAGES
    total = len(printed)
    bodies = []
    for number, text in enumerate(printed, start=1):
        # Every page: ward and document in the margin, the date, "Trang n / N".
        assert _squash("Phường Kiến An") in text
        assert _squash("04-CTr/ĐU") in text
        assert _squash(f"{t('report.as_of')} {as_of}") in text
        marker = _squash(f"{t('report.page')} {number} / {total}")
        assert marker in text, (number, text[:200])
        bodies.append(text.split(marker, 1)[1])
    # Each section starts a printed page of its own, in order.
    starts = [next(i for i, body in enumerate(bodies) if body.startswith(h)) for h in headings]
    assert starts == sorted(set(starts)), (headings, starts)
    # A target's printed value, lead unit and the whole text of the report are there.
    ward = next(w for w in load_dataset(REPO_ROOT / "data").wards if w.ward.id == "kien-an")
    target = next(x for x in ward.targets if x.value_text and x.lead_unit)
    everything = "".join(printed)
    assert _squash(target.value_text or "") in everything
    assert _squash(target.name) in everything


def test_ward_page_prints_content_only_with_page_numbers(
    page: Page, page_type_url: Callable[..., tuple[PageType, str]]
) -> None:
    _, url = page_type_url("ward")
    page.goto(url)
    page.wait_for_load_state("networkidle")

    printed = _print(page)

    everything = "".join(printed)
    assert _squash("Phường Kiến An") in printed[0]
    assert _squash(f"{t('report.page')} 1 / {len(printed)}") in printed[0]
    # No search bar, breadcrumbs, download links or report/feed links on paper.
    for label in ("search.placeholder", "nav.home", "downloads.label", "report.link"):
        assert _squash(t(label)) not in everything, label
    # The print stylesheet took it from 75 pages to about 44.
    assert len(printed) < 60
