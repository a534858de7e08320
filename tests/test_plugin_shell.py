"""Generated pages filled into Material's page shell equal the pages MkDocs renders.

`page_shell: false` is the normal pipeline (Material's main.html for every page); the
default fills each generated page into a shell rendered once per shape (shell.py).
Both builds must write the same bytes for every file, sitemap.xml and its lastmod
included, on the fixture and on the real data, with and without a site URL.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

import site_builder.plugin as plugin_module
from site_builder.plugin import SHELL_TEMPLATE, CommitmentsPlugin

from .conftest import AS_OF, ENGLISH_OPTIONS, FIXTURE_DATA, REAL_DATA, REPO_ROOT


def _build(
    site: Path, data: Path, site_url: str | None, serving: bool = False, **options: object
) -> CommitmentsPlugin:
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"),
        site_dir=str(site),
        plugins={
            "commitments": {
                "data_dir": str(data),
                "data_as_of": AS_OF,
                "search_index": False,
                "cache_dir": "",
                **options,
            }
        },
        **({"site_url": site_url} if site_url else {}),
    )
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    plugin = config.plugins["commitments"]
    assert isinstance(plugin, CommitmentsPlugin)
    plugin.serving = serving
    # As `mkdocs serve` calls it (drafts included; none here).
    build(config, serve_url="http://127.0.0.1:8000/" if serving else None)
    return plugin


def _files(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(
    ("data", "site_url", "options"),
    [
        (FIXTURE_DATA, None, {}),
        (FIXTURE_DATA, "https://example.org/cam-ket/", {}),
        (REAL_DATA, "https://example.org/cam-ket/", {}),
        # The English copy (#17): each page's language links are values of its shell.
        (REAL_DATA, "https://example.org/cam-ket/", ENGLISH_OPTIONS),
        (FIXTURE_DATA, None, ENGLISH_OPTIONS),
    ],
    ids=["fixture", "fixture-site-url", "real-site-url", "real-english", "fixture-english"],
)
def test_shell_pages_equal_the_pages_mkdocs_renders(
    tmp_path: Path, data: Path, site_url: str | None, options: dict[str, object]
) -> None:
    # MkDocs may hand the same plugin object to both builds: read it after each.
    plugin = _build(tmp_path / "shell", data, site_url, **options)
    generated, shelled = list(plugin.bodies), set(plugin.shells)
    aside = [page.src_uri for pages in plugin.direct.values() for page in pages]
    shapes = plugin.representatives
    plugin = _build(tmp_path / "normal", data, site_url, page_shell=False, **options)
    # Every generated page went through a shell, none in the normal build; all but the
    # first page of each shape were written by the plugin, not MkDocs.
    assert generated and shelled == set(generated)
    assert aside and len(aside) == len(generated) - len(shapes)
    assert plugin.shells == {} and plugin.direct == {}
    assert _files(tmp_path / "shell") == _files(tmp_path / "normal")
    sitemap = (tmp_path / "shell" / "sitemap.xml").read_text(encoding="utf-8")
    if site_url:
        # The generated pages are still in the sitemap, each with its date.
        for uri in generated[:20]:
            loc = site_url + uri.removesuffix("index.md")
            assert f"<loc>{loc}" in sitemap
        assert sitemap.count("<lastmod>") >= len(generated)


def test_generated_pages_convert_no_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Python-Markdown runs for the hand-written pages only: the generated ones get the
    # plugin's own Page class, which sets their empty body without it.
    converted: list[str] = []
    original = Page.render

    def render(page: Page, config: object, files: object) -> None:
        converted.append(page.file.src_uri)
        original(page, config, files)  # type: ignore[arg-type]

    monkeypatch.setattr(Page, "render", render)
    plugin = _build(tmp_path / "site", FIXTURE_DATA, None)
    assert converted and not set(converted) & set(plugin.bodies)
    # (This build has no English copy: content/en/ is left out.)
    assert sorted(converted) == sorted(
        p.relative_to(REPO_ROOT / "content").as_posix()
        for p in (REPO_ROOT / "content").rglob("*.md")
        if p.parent.name != "en"
    )


def test_mkdocs_serve_fills_shells_in_this_process_with_the_same_pages(tmp_path: Path) -> None:
    # `mkdocs serve` has threads: no forked workers, but the same shells and pages
    # written aside (a one-ward edit is previewed in about a second).
    plugin = _build(tmp_path / "serve", FIXTURE_DATA, None, serving=True, **ENGLISH_OPTIONS)
    assert plugin.bodies and set(plugin.shells) == set(plugin.bodies) and plugin.direct
    _build(tmp_path / "normal", FIXTURE_DATA, None, page_shell=False, **ENGLISH_OPTIONS)
    assert _files(tmp_path / "serve") == _files(tmp_path / "normal")


def test_the_shell_template_prints_only_the_filled_shell(tmp_path: Path) -> None:
    plugin = _build(tmp_path / "site", FIXTURE_DATA, None)
    ward_page = tmp_path / "site" / "thu-nghiem" / "index.html"
    html = ward_page.read_text(encoding="utf-8")
    assert html.lstrip().startswith("<!doctype html>") and SHELL_TEMPLATE not in html
    assert plugin.bodies["thu-nghiem/index.md"] in html


def test_pages_of_a_shape_without_shell_are_rendered_as_mkdocs_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A shell refused after the pages were set aside: the plugin makes and renders each
    # page with MkDocs' events and the theme's template, and writes the same files.
    monkeypatch.setattr(plugin_module, "make_shell", lambda render, fields: None)
    site_url = "https://example.org/cam-ket/"
    plugin = _build(tmp_path / "refused", FIXTURE_DATA, site_url, **ENGLISH_OPTIONS)
    assert plugin.direct and plugin.shells == {}
    monkeypatch.undo()
    _build(tmp_path / "normal", FIXTURE_DATA, site_url, page_shell=False, **ENGLISH_OPTIONS)
    assert _files(tmp_path / "refused") == _files(tmp_path / "normal")


def test_staged_downloads_are_linked_not_copied(tmp_path: Path) -> None:
    # The staged file is removed after the build: the site's file is then its only name.
    staged = tmp_path / "staging" / "du-lieu" / "x.csv"
    staged.parent.mkdir(parents=True)
    staged.write_text("a,b\n", encoding="utf-8")
    site = tmp_path / "site"
    file = plugin_module._StagedFile(
        "du-lieu/x.csv", src_dir=None, dest_dir=str(site), use_directory_urls=True
    )
    file.abs_src_path = str(staged)
    file.copy_file()
    assert Path(file.abs_dest_path).samefile(staged)
    file.copy_file()  # again (mkdocs serve rebuilds into the same folder)
    assert Path(file.abs_dest_path).read_text(encoding="utf-8") == "a,b\n"


def test_a_rebuild_links_the_pages_written_aside_from_the_page_store(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    _build(tmp_path / "one", REAL_DATA, None, cache_dir=cache)
    plugin = _build(tmp_path / "two", REAL_DATA, None, cache_dir=cache)
    aside = [Path(page.dest) for pages in plugin.direct.values() for page in pages]
    # One copy on disk: the store's, the first site's and the second site's file.
    one = [tmp_path / "one" / path.relative_to(tmp_path / "two") for path in aside]
    assert aside and all(
        a.samefile(b) and a.stat().st_nlink == 3 for a, b in zip(aside, one, strict=True)
    )
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    # Without a cache folder the pages are plain files.
    plugin = _build(tmp_path / "three", REAL_DATA, None)
    assert all(
        Path(page.dest).stat().st_nlink == 1 for page in plugin.direct[next(iter(plugin.direct))]
    )


class _Counting(BasePlugin):  # type: ignore[type-arg]
    """Another plugin with a page event: it must see every page."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def on_post_page(self, output: str, page: Page, config: object) -> str:
        self.seen.append(page.file.src_uri)
        return output


def test_another_plugins_page_events_see_every_generated_page(tmp_path: Path) -> None:
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"),
        site_dir=str(tmp_path / "site"),
        plugins={
            "commitments": {
                "data_dir": str(FIXTURE_DATA),
                "data_as_of": AS_OF,
                "search_index": False,
                "cache_dir": "",
            }
        },
    )
    counting = _Counting()
    config.plugins["counting"] = counting
    build(config)
    plugin = config.plugins["commitments"]
    assert isinstance(plugin, CommitmentsPlugin)
    # No page written aside: MkDocs builds them all (still from their shells).
    assert plugin.direct == {} and set(plugin.bodies) <= set(counting.seen)
    assert set(plugin.shells) == set(plugin.bodies)


@pytest.mark.parametrize("data", [FIXTURE_DATA, REAL_DATA], ids=["fixture", "real"])
def test_sections_put_in_after_markdown_give_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: Path
) -> None:
    # The home, downloads and search pages' generated sections skip Python-Markdown (a
    # raw HTML block it passes through as it is): the same files as converting them.
    plugin = _build(tmp_path / "after", data, "https://example.org/cam-ket/", **ENGLISH_OPTIONS)
    assert not plugin.sections  # every mark was replaced
    monkeypatch.setattr(CommitmentsPlugin, "inline_sections", True)
    _build(tmp_path / "through", data, "https://example.org/cam-ket/", **ENGLISH_OPTIONS)
    after, through = _files(tmp_path / "after"), _files(tmp_path / "through")
    assert len(after) > 100 and after == through
    home = (tmp_path / "after" / "index.html").read_text(encoding="utf-8")
    assert "sb-section-mark" not in home and 'class="sb sb-home"' in home
