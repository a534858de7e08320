"""Embed pages and the iframe code (embed.py), on the fixture ward and the real data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.computed import ComputedWard, compute_ward
from site_builder.embed import (
    HEIGHT_WITH_CHART,
    HEIGHT_WITHOUT_CHART,
    build_embed,
    embed_code,
    render_embed,
    ward_embeds,
)
from site_builder.generate import ward_pages
from site_builder.load import Dataset, load_dataset

from .conftest import AS_OF, REPO_ROOT

SITE = "https://example.org/cam-ket/"


@pytest.fixture(scope="module")
def fixture_ward(fixture_dataset: Dataset) -> ComputedWard:
    return compute_ward(fixture_dataset.wards[0], date.fromisoformat(AS_OF))


@pytest.fixture(scope="module")
def kien_an() -> ComputedWard:
    ward = next(w for w in load_dataset(REPO_ROOT / "data").wards if w.ward.id == "kien-an")
    return compute_ward(ward, date.fromisoformat(AS_OF))


def _target(computed: ComputedWard, target_id: str):  # type: ignore[no-untyped-def]
    return next(x for x in computed.ward.targets if x.id == target_id)


def test_embed_with_a_chart_loads_the_chart_script_relative_to_itself(
    fixture_ward: ComputedWard,
) -> None:
    page = build_embed(fixture_ward, _target(fixture_ward, "ho-ngheo"))
    assert page.url == "thu-nghiem/chi-tieu/ho-ngheo/nhung/"
    assert page.has_chart
    assert page.charts_js == "../../../../assets/javascripts/charts.js"
    assert page.plotly_src == "../../../../assets/vendor/plotly-basic.min.js"
    assert page.stylesheet == "../../../../assets/stylesheets/embed.css"
    assert page.target_link == "../"
    soup = BeautifulSoup(render_embed(page), "html.parser")
    assert soup.html is not None and soup.html["lang"] == "vi"
    assert [s["src"] for s in soup.select("script")] == [page.charts_js]
    assert soup.select_one("[data-chart]")["data-plotly-src"] == page.plotly_src  # type: ignore[index]
    assert soup.select_one("table.sb-data caption") is not None  # the table alternative


def test_embed_without_data_has_no_script_and_no_site_chrome(kien_an: ComputedWard) -> None:
    target = kien_an.ward.targets[0]
    page = build_embed(kien_an, target)
    assert not page.has_chart and page.charts_js is None
    html = render_embed(page)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("script") == []
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"  # type: ignore[index]
    assert soup.body is not None and soup.body["data-pagefind-ignore"] == "all"
    assert soup.select("[data-pagefind-body]") == []
    assert soup.select(".md-header, nav, form") == []
    assert soup.select_one("h1").get_text(" ", strip=True).endswith(target.name)  # type: ignore[union-attr]
    assert [link["href"] for link in soup.select('link[rel="stylesheet"]')] == [page.stylesheet]
    # The status as on the target page.
    assert soup.select_one(".sb-status") is not None


def test_embed_lists_child_targets_with_their_status(fixture_ward: ComputedWard) -> None:
    page = build_embed(fixture_ward, _target(fixture_ward, "lao-dong-qua-dao-tao"))
    assert [c.name for c in page.children] == [
        c.name for c in _target(fixture_ward, "lao-dong-qua-dao-tao").children
    ]
    assert all(c.status.label for c in page.children)


def test_every_top_level_target_has_an_embed_file(fixture_ward: ComputedWard) -> None:
    files = dict(ward_embeds(fixture_ward))
    assert sorted(files) == sorted(
        f"thu-nghiem/chi-tieu/{x.id}/nhung/index.html" for x in fixture_ward.ward.targets
    )


def test_embed_code_is_absolute_under_the_site_url(fixture_ward: ComputedWard) -> None:
    target = _target(fixture_ward, "ho-ngheo")
    code = embed_code("Phường X", "thu-nghiem", target, SITE, True)
    assert code.relative_src is None
    assert f'src="{SITE}thu-nghiem/chi-tieu/ho-ngheo/nhung/"' in code.code
    assert f'height="{HEIGHT_WITH_CHART}"' in code.code
    assert code.preview == "nhung/"


def test_embed_code_without_a_site_url_is_relative_for_the_script_to_complete(
    fixture_ward: ComputedWard,
) -> None:
    target = _target(fixture_ward, "nuoc-sach")
    code = embed_code("Phường X", "thu-nghiem", target, "", False)
    assert code.relative_src == "nhung/"
    assert 'src="nhung/"' in code.code
    assert f'height="{HEIGHT_WITHOUT_CHART}"' in code.code
    assert "127.0.0.1" not in code.code and "localhost" not in code.code


def test_embed_code_escapes_the_title(fixture_ward: ComputedWard) -> None:
    target = _target(fixture_ward, "ho-ngheo").model_copy(update={"name": 'a "b" <c>'})
    code = embed_code("Phường & X", "thu-nghiem", target, SITE, True)
    assert 'title="II.2 a &quot;b&quot; &lt;c&gt; (Phường &amp; X)"' in code.code


def test_target_pages_carry_the_embed_code(fixture_ward: ComputedWard) -> None:
    pages = {p.url: p for p in ward_pages(fixture_ward, SITE)}
    body = pages["thu-nghiem/chi-tieu/ho-ngheo/"].body
    soup = BeautifulSoup(body, "html.parser")
    textarea = soup.select_one("[data-sb-embed] textarea")
    assert textarea is not None and not textarea.has_attr("data-relative-src")
    assert f"{SITE}thu-nghiem/chi-tieu/ho-ngheo/nhung/" in textarea.get_text()
    assert soup.select_one("[data-sb-embed] a")["href"] == "nhung/"  # type: ignore[index]


def test_built_site_has_the_embed_pages(fixture_site: Path, soup_of) -> None:
    page = fixture_site / "thu-nghiem" / "chi-tieu" / "ho-ngheo" / "nhung" / "index.html"
    assert page.is_file()
    html = page.read_text(encoding="utf-8")
    assert html.startswith('<!doctype html>\n<html lang="vi">')
    assert "md-header" not in html  # not a theme page
    assert (fixture_site / "assets" / "stylesheets" / "embed.css").is_file()
    target = soup_of("thu-nghiem/chi-tieu/ho-ngheo/")
    assert target.select_one("details.sb-embed-code textarea") is not None
    # Not in the sitemap: instant navigation must not swap it into the theme.
    assert "nhung/" not in (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
