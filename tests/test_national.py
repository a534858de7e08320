"""The national page: its province list, its checks, and the files it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.labels import t
from site_builder.national import (
    ASSETS,
    CORE_SCRIPT,
    NationalError,
    Province,
    check_provinces,
    national_page,
    write_national_site,
)

PROVINCES = [Province("ha-noi", "Thành phố Hà Nội"), Province("tinh-a", "Tỉnh <A> & B")]


def test_page_lists_provinces_with_their_bundles_escaped() -> None:
    soup = BeautifulSoup(national_page(PROVINCES), "html.parser")
    links = soup.select("#nat-provinces a")
    assert [a.get_text() for a in links] == ["Thành phố Hà Nội", "Tỉnh <A> & B"]
    assert [a["href"] for a in links] == ["ha-noi/", "tinh-a/"]
    assert [a["data-bundle"] for a in links] == ["ha-noi/pagefind/", "tinh-a/pagefind/"]
    assert "<A>" not in national_page(PROVINCES)  # the name is escaped, not markup
    search = soup.select_one("#nat-search")
    assert search is not None and search["data-filter"] == t("national.filter")
    assert soup.html is not None and soup.html["lang"] == "vi"
    assert soup.title is not None and soup.title.get_text() == t("national.title")


def test_page_requests_nothing_from_another_host() -> None:
    soup = BeautifulSoup(national_page(PROVINCES), "html.parser")
    for tag, attribute in (("script", "src"), ("link", "href"), ("a", "href")):
        for element in soup.find_all(tag):
            value = str(element.get(attribute) or "")
            assert "//" not in value, value


@pytest.mark.parametrize(
    ("provinces", "message"),
    [
        ([], "no province given"),
        ([Province("Ha Noi", "Hà Nội")], "province 1: id 'Ha Noi' is not lower-case"),
        ([Province("a", "A"), Province("a", "B")], "province 2: id 'a' is used twice"),
        ([Province("a", " ")], "province 1 (a): no name"),
    ],
)
def test_bad_province_lists_are_refused(provinces: list[Province], message: str) -> None:
    with pytest.raises(NationalError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_provinces(provinces)


def test_write_needs_every_provinces_search_bundle(tmp_path: Path) -> None:
    (tmp_path / "ha-noi" / "pagefind").mkdir(parents=True)
    (tmp_path / "ha-noi" / "pagefind" / "pagefind-entry.json").write_text("{}")
    with pytest.raises(NationalError, match="for: tinh-a$"):
        write_national_site(tmp_path, PROVINCES)
    assert not (tmp_path / "index.html").exists()


def test_write_needs_the_shared_search_script_in_the_first_province(tmp_path: Path) -> None:
    for province in PROVINCES:
        (tmp_path / province.bundle).mkdir(parents=True)
        (tmp_path / province.bundle / "pagefind-entry.json").write_text("{}")
    with pytest.raises(NationalError, match="ha-noi/assets/javascripts/search-core.js"):
        write_national_site(tmp_path, PROVINCES)
    assert not (tmp_path / "index.html").exists()


def test_page_loads_the_shared_search_script_from_the_first_province() -> None:
    soup = BeautifulSoup(national_page(PROVINCES), "html.parser")
    scripts = [str(s.get("src")) for s in soup.find_all("script")]
    assert scripts == [f"ha-noi/{CORE_SCRIPT}", "national.js"]
    # The province filter lists every province, after "all".
    options = [o.get_text() for o in soup.select("#nat-filter option")]
    assert options == [t("search.filter.all"), "Thành phố Hà Nội", "Tỉnh <A> & B"]


def test_write_puts_the_page_and_its_assets_above_the_provinces(tmp_path: Path) -> None:
    for province in PROVINCES:
        (tmp_path / province.bundle).mkdir(parents=True)
        (tmp_path / province.bundle / "pagefind-entry.json").write_text("{}")
    core = tmp_path / PROVINCES[0].path / CORE_SCRIPT
    core.parent.mkdir(parents=True)
    core.write_text("")
    written = write_national_site(tmp_path, PROVINCES, title="Toàn quốc")
    assert [p.name for p in written] == ["index.html", *ASSETS]
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<title>Toàn quốc</title>" in html
    script = (tmp_path / "national.js").read_text(encoding="utf-8")
    assert "mergeFilter" in script and "core.open(" in script
