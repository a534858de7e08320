"""Shared fixtures: the fictional fixture ward, loaded and built once per test run."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from site_builder.load import Dataset, load_dataset

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = REPO_ROOT / "tests" / "fixtures" / "data"
# Statuses are computed as of a fixed date, never the day the tests run.
AS_OF = "2027-03-31"


@pytest.fixture(scope="session")
def fixture_dataset() -> Dataset:
    """The fictional ward 'Thử Nghiệm', loaded."""
    return load_dataset(FIXTURE_DATA)


def build_site(
    site_dir: Path, data_dir: Path, site_url: str | None = None, **plugin_options: object
) -> Path:
    """Run a real MkDocs build of the repository's mkdocs.yml on other data."""
    options = {"data_dir": str(data_dir), "data_as_of": AS_OF, **plugin_options}
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"),
        site_dir=str(site_dir),
        plugins={"commitments": options},
        **({"site_url": site_url} if site_url else {}),
    )
    # MkDocs logs through the root "mkdocs" logger; keep test output readable.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    build(config)
    return site_dir


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture ward built into a site folder (once per run)."""
    return build_site(tmp_path_factory.mktemp("fixture-site"), FIXTURE_DATA)


@pytest.fixture(scope="session")
def soup_of(fixture_site: Path):
    """`soup_of("thu-nghiem/")` -> BeautifulSoup of that built page."""
    return _soup_reader(fixture_site)


def _soup_reader(site: Path):
    """A reader of a built site's pages, each parsed once."""
    cache: dict[str, BeautifulSoup] = {}

    def read(url: str) -> BeautifulSoup:
        if url not in cache:
            html = (site / url / "index.html").read_text(encoding="utf-8")
            cache[url] = BeautifulSoup(html, "html.parser")
        return cache[url]

    return read


REAL_DATA = REPO_ROOT / "data"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built with no site URL (as `make site` does), without the index."""
    return build_site(tmp_path_factory.mktemp("real-site"), REAL_DATA, search_index=False)


@pytest.fixture(scope="session")
def real_soup(real_site: Path):
    """`real_soup("kien-an/")` -> BeautifulSoup of that page of the real site."""
    return _soup_reader(real_site)


# What mkdocs.yml gives the English copy (build_site replaces the plugin's options).
ENGLISH_OPTIONS = {
    "english": True,
    "english_site_name": "Ward commitments 2025-2030",
    "english_copyright": "Data quoted word for word from the wards' documents.",
}


@pytest.fixture(scope="session")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built with its English copy under en/ (#17), without the index."""
    return build_site(
        tmp_path_factory.mktemp("english-site"), REAL_DATA, search_index=False, **ENGLISH_OPTIONS
    )


@pytest.fixture(scope="session")
def english_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture ward (charts, every block) built with its English copy."""
    return build_site(
        tmp_path_factory.mktemp("english-fixture"),
        FIXTURE_DATA,
        search_index=False,
        **ENGLISH_OPTIONS,
    )
