"""A search index written in parts (as a province's is) is merged by the search script:
the results are the same as with one index, and come from every part."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .support import FIXTURE_AS_OF, FIXTURE_DATA, REPO_ROOT, PageLog, ServedSite, StaticSiteServer
from .test_search import FIXTURE_QUERIES, path_of, results, site_search

pytestmark = pytest.mark.browser

# The fixture's ward (15 pages) in one part, the home and hand-written pages in others.
PART_PAGES = 6


@pytest.fixture(scope="module")
def parts_site(
    tmp_path_factory: pytest.TempPathFactory, site_server: Callable[[str], StaticSiteServer]
) -> ServedSite:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    server = site_server("/cam-ket/")
    site_dir = tmp_path_factory.mktemp("site-parts")
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"), site_dir=str(site_dir), site_url=server.url
    )
    options = config.plugins["commitments"].config
    options.update(
        data_dir=str(FIXTURE_DATA), data_as_of=FIXTURE_AS_OF, search_part_pages=PART_PAGES
    )
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(config)
    server.serve(site_dir)
    return ServedSite(url=server.url, site_dir=site_dir, data="fixture")


def test_the_index_is_in_parts(parts_site: ServedSite) -> None:
    bundle: Path = parts_site.site_dir / "pagefind"
    further = json.loads((bundle / "parts.json").read_text())
    assert further[0] == "part-2/" and len(further) >= 1
    for folder in further:
        assert (bundle / folder / "pagefind-entry.json").is_file()
        assert not (bundle / folder / "pagefind-ui.js").exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    FIXTURE_QUERIES,
    ids=[q.encode("ascii", "replace").decode() for q, _ in FIXTURE_QUERIES],
)
def test_merged_parts_rank_as_one_index(
    page: Page, page_log: PageLog, parts_site: ServedSite, query: str, expected: str
) -> None:
    found = results(page, parts_site, query)
    assert found, f"no result for {query!r}"
    assert found[0][1].split("#")[0] == path_of(parts_site, expected), found[:3]
    assert page_log.non_local_requests() == []
    assert page_log.console_errors == []


def test_results_come_from_every_part(
    page: Page, page_log: PageLog, parts_site: ServedSite
) -> None:
    # "phương pháp" is on the methodology page (part 1) and in the ward's pages (part 2).
    found = results(page, parts_site, "phuong phap")
    hrefs = {href.split("#")[0] for _, href in found}
    assert path_of(parts_site, "phuong-phap/") in hrefs
    assert any(href.startswith(path_of(parts_site, "thu-nghiem/")) for href in hrefs), hrefs
    # Every part's index was loaded.
    further = json.loads((parts_site.site_dir / "pagefind" / "parts.json").read_text())
    metas = {url.rsplit("/", 1)[0] for url in page_log.requests if url.endswith(".pf_meta")}
    assert len(metas) == 1 + len(further)


# --- A warm rebuild: the parts whose pages did not change come from the cache ----------

# Three synthetic wards (16 pages each, benchmarks/province.py): 20 pages a part keeps
# each ward in a part of its own, the site-wide pages in part 1.
WARM_PART_PAGES = 20
WARM_QUERIES = ["ho ngheo", "duong mau so 1", "thu nghiem 0002", "Thử Nghiệm 0001 sửa", "dang vien"]


def _build(config_file: Path, site_dir: Path, data: Path, cache: str, site_url: str) -> list[str]:
    """Build the synthetic province; the plugin's log lines about the search index."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site_dir), site_url=site_url)
    options = config.plugins["commitments"].config
    options.update(
        data_dir=str(data), search_part_pages=WARM_PART_PAGES, cache_dir=cache, processes=1
    )
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "search index" in record.getMessage():
                lines.append(record.getMessage())

    logger = logging.getLogger("mkdocs.plugins")
    handler, level = Keep(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        build(config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return lines


@pytest.fixture(scope="module")
def warm_and_cold(
    tmp_path_factory: pytest.TempPathFactory, site_server: Callable[[str], StaticSiteServer]
) -> tuple[ServedSite, ServedSite, list[str]]:
    """The province after one ward's edit, rebuilt warm (cache of the build before the
    edit) and cold (no cache), each served; and the warm build's search-index log."""
    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    import province  # benchmarks/province.py

    work = tmp_path_factory.mktemp("warm-search")
    province.make_province(work / "data", 3)
    config_file = province.write_config(work, work / "data")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    warm_server, cold_server = site_server("/"), site_server("/")
    cache = str(work / "cache")
    _build(config_file, work / "before", work / "data", cache, warm_server.url)
    province.edit_one_ward(work / "data")
    log = _build(config_file, work / "warm", work / "data", cache, warm_server.url)
    _build(config_file, work / "cold", work / "data", "", cold_server.url)
    warm_server.serve(work / "warm")
    cold_server.serve(work / "cold")
    return (
        ServedSite(url=warm_server.url, site_dir=work / "warm", data="synthetic"),
        ServedSite(url=cold_server.url, site_dir=work / "cold", data="synthetic"),
        log,
    )


def test_a_warm_rebuild_reuses_the_unchanged_wards_parts(
    warm_and_cold: tuple[ServedSite, ServedSite, list[str]],
) -> None:
    warm, cold, log = warm_and_cold
    # The edited ward's part alone is indexed again (the site-wide pages index no ward
    # name: the home's list of wards is left out of the index).
    assert any("in 4 parts, 3 unchanged from the cache" in line for line in log), log
    for site in (warm, cold):
        assert json.loads((site.site_dir / "pagefind" / "parts.json").read_text()) == [
            "part-2/",
            "part-3/",
            "part-4/",
        ]


@pytest.mark.parametrize("query", WARM_QUERIES)
def test_a_warm_index_finds_what_a_cold_one_finds(
    page: Page, warm_and_cold: tuple[ServedSite, ServedSite, list[str]], query: str
) -> None:
    warm, cold, _ = warm_and_cold
    found = []
    for site in (warm, cold):
        page.goto(site.url_for("tim-kiem/"))
        found.append(site_search(page, query))
    assert found[0], f"no result for {query!r}"
    assert found[0] == found[1]  # the same pages, in the same order
