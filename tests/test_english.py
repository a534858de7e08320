"""The English copy of the site under en/ (#17), on the real data and the fixture ward.

What a reader of the English pages must get: every page of the Vietnamese site again
under en/, with English labels, computed sentences, numbers and dates; the documents'
own text as printed, marked lang="vi"; a link to the same page in the other language;
and the Vietnamese site unchanged apart from that link.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Tag

from site_builder.load import load_dataset
from tests.conftest import REAL_DATA

_VIETNAMESE = set("ăâđêôơưàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ")


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def _in_vietnamese(node: Tag | None) -> bool:
    while node is not None:
        if node.get("lang") is not None:
            return node.get("lang") == "vi"
        node = node.parent
    return False


def test_every_page_has_its_english_copy_and_back(english_site: Path) -> None:
    pages = _pages(english_site)
    english = {p for p in pages if p.startswith("en/")}
    vietnamese = {p for p in pages if not p.startswith("en/") and "/nhung/" not in p}
    vietnamese.discard("404.html")
    assert len(vietnamese) > 300
    assert english == {"en/" + p for p in vietnamese}
    assert not any("/nhung/" in p for p in english)  # embeds are one page for both


def test_language_switch_and_hreflang_link_each_page_to_its_copy(english_site: Path) -> None:
    for page in (
        "kien-an/index.html",
        "index.html",
        "phuong-phap/index.html",
        "so-sanh/index.html",
    ):
        for here, there, other in ((page, "en/" + page, "en"), ("en/" + page, page, "vi")):
            soup = _soup(english_site, here)
            switch = soup.select_one("a.sb-lang")
            assert switch is not None, here
            assert switch["hreflang"] == other and switch["lang"] == other
            target = (english_site / here).parent / switch["href"] / "index.html"
            assert target.resolve() == (english_site / there).resolve(), here
            links = {
                link["hreflang"]: link["href"]
                for link in soup.find_all("link", hreflang=True)
                if "alternate" in link.get("rel", [])
            }
            assert set(links) == {"vi", "en"}, here
            # Not rel="alternate" exactly: Material's instant navigation would fetch a
            # sitemap.xml beside each such link.
            assert 'rel="alternate" hreflang' not in (english_site / here).read_text("utf-8")


def test_english_pages_speak_english(english_site: Path) -> None:
    soup = _soup(english_site, "en/kien-an/index.html")
    assert soup.html["lang"] == "en"
    assert soup.title.string.endswith("- Ward commitments 2025-2030")
    assert "Data quoted word for word" in soup.select_one(".md-copyright").get_text()
    assert soup.select_one("a.sb-skip").get_text() == "Skip to main content"
    # Material's own strings come in English (its "Back to top" button).
    assert "Back to top" in soup.select_one(".md-top").get_text()
    form = soup.select_one("form.sb-searchbar")
    assert (Path("/en/kien-an") / form["action"]).resolve() == Path("/en/tim-kiem")
    # The English navigation lists the English hand-written pages.
    nav = [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link")]
    assert nav and all("/en/" in (Path("/en/kien-an") / h).resolve().as_posix() + "/" for h in nav)
    vietnamese = _soup(english_site, "kien-an/index.html")
    assert vietnamese.html["lang"] == "vi"


def test_document_text_on_english_pages_is_marked_vietnamese(english_site: Path) -> None:
    """Every Vietnamese word an English page shows is inside lang="vi", with named exceptions.

    The exceptions: the page title (in <title> and Material's header, no markup allowed),
    the embed code (an HTML snippet to copy), and the units of measure as printed, which
    computed English sentences quote ("reach 1 mô hình or more").
    """
    dataset = load_dataset(REAL_DATA)
    units = {
        t.unit
        for ward in dataset.wards
        for top in ward.targets
        for t in [top, *top.children]
        if t.unit
    }
    unit_words = re.compile("|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)))
    checked = 0
    for page in sorted(p for p in _pages(english_site) if p.startswith("en/")):
        soup = _soup(english_site, page)
        for header in soup.select("title, .md-header, textarea, script, style"):
            header.decompose()
        for text in soup.find_all(string=True):
            if isinstance(text, Comment) or _in_vietnamese(text.parent):
                continue
            left = unit_words.sub("", str(text))
            assert not _VIETNAMESE & set(left.lower()), (page, str(text).strip()[:120])
        checked += 1
    assert checked > 300


def test_english_pages_are_left_out_of_the_search_index(english_site: Path) -> None:
    for page in ("en/kien-an/index.html", "en/index.html", "en/phuong-phap/index.html"):
        assert not _soup(english_site, page).select("[data-pagefind-body]"), page
    assert _soup(english_site, "kien-an/index.html").select("[data-pagefind-body]")


def test_english_copy_computes_its_sentences_in_english(english_fixture_site: Path) -> None:
    """Same status, English words and numbers: 11,1%/năm becomes 11.1% a year."""
    target = "thu-nghiem/chi-tieu/ho-ngheo/index.html"
    vi = _soup(english_fixture_site, target).select_one(".sb-assessment").get_text(" ")
    en = _soup(english_fixture_site, "en/" + target).select_one(".sb-assessment").get_text(" ")
    assert "Đúng tiến độ" in vi and "Cần giảm 11,1%/năm từ 1,8% (năm 2025)" in vi
    assert "On track" in en and "Needs to fall by 11.1% a year from 1.8% (2025)" in en
    chart = _soup(english_fixture_site, "en/" + target).select_one("[data-chart]")["data-chart"]
    assert '"separators":".,"' in chart and "(Whole ward)" in chart
    meaning = _soup(english_fixture_site, "en/" + target).find("dt", string="Meaning")
    assert meaning.find_next("dd").get_text() == "Reach less than 1% by 2030. Lower is better."


def test_english_search_page_keeps_the_index_filters(english_site: Path) -> None:
    """The index is Vietnamese: filter names and values stay so; labels are English."""
    vi = _soup(english_site, "tim-kiem/index.html").select_one("#sb-search")
    en = _soup(english_site, "en/tim-kiem/index.html").select_one("#sb-search")
    for attribute in ("data-ward-key", "data-kind-key", "data-status-key"):
        assert en[attribute] == vi[attribute]
    assert en["data-page-prefix"] == "en/" and not vi.has_attr("data-page-prefix")
    kinds = en.select_one("#sb-filter-kind")
    assert kinds["data-filter"] == vi.select_one("#sb-filter-kind")["data-filter"]
    options = {o.get_text(): o.get("value") for o in kinds.find_all("option")}
    assert options["Target"] == "Chỉ tiêu"
    assert en.select_one("#sb-results")["lang"] == "vi"


def test_vietnamese_pages_change_only_by_the_language_links(
    real_site: Path, english_site: Path
) -> None:
    """With the copy built, a Vietnamese page differs from the site without it only by
    the language switch and the two hreflang links."""
    added = re.compile(
        r'\s*<a class="sb-lang"[^>]*>English</a>|\s*<link rel=" alternate" hreflang="[a-z]+"[^>]*>'
    )
    compared = 0
    for page in sorted(_pages(real_site)):
        before = (real_site / page).read_text(encoding="utf-8")
        after = (english_site / page).read_text(encoding="utf-8")
        if "/nhung/" in page or page == "404.html":
            assert after == before, page
        else:
            assert after != before and added.sub("", after) == before, page
        compared += 1
    assert compared > 400
