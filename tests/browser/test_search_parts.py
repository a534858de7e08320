"""A search index written in parts (as a province's is) is merged by the search script:
the results are the same as with one index, and come from every part."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .support import FIXTURE_AS_OF, FIXTURE_DATA, REPO_ROOT, PageLog, ServedSite, StaticSiteServer
from .test_search import FIXTURE_QUERIES, path_of, results

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
