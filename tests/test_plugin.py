"""The MkDocs adapter: options, a real build, errors without traceback, pages out of the nav."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from site_builder.plugin import SERVE_PART_PAGES, CommitmentsPlugin
from site_builder.search_index import PART_PAGES

from .conftest import FIXTURE_DATA, REPO_ROOT, build_site


def test_defaults() -> None:
    config = load_config(config_file=str(REPO_ROOT / "mkdocs.yml"))
    plugin = config.plugins["commitments"]
    assert isinstance(plugin, CommitmentsPlugin)
    assert plugin.config.data_dir == "data"
    assert plugin.config.data_wards == []
    assert plugin.config.data_as_of is None
    assert plugin.config.vendor_dir == "node_modules"


def test_mkdocs_serve_indexes_in_small_parts() -> None:
    # A preview re-indexes the edited ward's part: small parts under serve only.
    config = load_config(config_file=str(REPO_ROOT / "mkdocs.yml"))
    plugin = config.plugins["commitments"]
    assert isinstance(plugin, CommitmentsPlugin)
    plugin.on_startup(command="build", dirty=False)
    assert plugin._part_pages() == PART_PAGES
    try:
        plugin.on_startup(command="serve", dirty=False)
        assert plugin._part_pages() == SERVE_PART_PAGES < PART_PAGES
    finally:
        plugin.on_startup(command="build", dirty=False)  # MkDocs reuses the instance


def test_bad_as_of_is_a_plugin_error() -> None:
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"),
        plugins={"commitments": {"data_as_of": "30/06/2026"}},
    )
    with pytest.raises(PluginError, match="YYYY-MM-DD"):
        config.plugins.on_config(config)


def test_as_of_read_by_yaml_as_a_date(tmp_path: Path) -> None:
    # `data_as_of: 2026-06-30` unquoted, or `!ENV [DATA_AS_OF, null]`, is a YAML date.
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"),
        site_dir=str(tmp_path),
        plugins={"commitments": {"data_dir": str(FIXTURE_DATA), "data_as_of": date(2026, 6, 30)}},
    )
    config.plugins.on_config(config)
    plugin = config.plugins["commitments"]
    assert isinstance(plugin, CommitmentsPlugin)
    assert plugin.as_of == date(2026, 6, 30)
    assert all(ward.as_of == date(2026, 6, 30) for ward in plugin.wards)
    plugin.on_build_error(RuntimeError("end"))


def test_generated_pages_are_out_of_the_nav_and_not_in_content(fixture_site: Path) -> None:
    nav_html = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert "chi-tieu/ho-ngheo" not in nav_html.split('class="md-content"')[0]
    assert not (REPO_ROOT / "content" / "thu-nghiem").exists()


def test_plotly_bundle_is_copied_from_npm(fixture_site: Path) -> None:
    bundle = fixture_site / "assets" / "vendor" / "plotly-basic.min.js"
    assert bundle.stat().st_size > 500_000
    assert b"plotly.js" in bundle.read_bytes()[:2000]


def test_one_ward_preview(tmp_path: Path) -> None:
    site = build_site(tmp_path / "site", REPO_ROOT / "data", data_wards=["kien-an"])
    assert (site / "kien-an" / "index.html").is_file()
    assert not (site / "thuy-nguyen").exists()


def test_data_folder_is_watched() -> None:
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"),
        plugins={"commitments": {"data_dir": str(FIXTURE_DATA)}},
    )
    config = config.plugins.on_config(config)
    assert str(FIXTURE_DATA.resolve()) in config.watch


def test_mkdocs_build_with_bad_data_stops_cleanly(tmp_path: Path) -> None:
    data = tmp_path / "data" / "wards" / "x"
    data.mkdir(parents=True)
    (data / "ward.yaml").write_text("ward:\n  id: x\n  name: 5.000\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (REPO_ROOT / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("docs_dir: content", f"docs_dir: {REPO_ROOT / 'content'}")
        .replace("custom_dir: overrides", f"custom_dir: {REPO_ROOT / 'overrides'}")
        .replace("data_dir: data", f"data_dir: {tmp_path / 'data'}"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.html").write_text("previous", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "data/wards/x/ward.yaml:3:9: yaml-ambiguous-number" in result.stderr
    # Validation runs in on_config, before MkDocs empties the site folder.
    assert (site / "keep.html").read_text(encoding="utf-8") == "previous"


def test_build_leaves_no_staging_folder_and_no_frozen_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from mkdocs.commands.build import build

    from site_builder import plugin as plugin_module

    seen: list[tuple[Path, int]] = []
    original = plugin_module.render_wards

    def spy(wards, downloads, site_url, processes, **cache):  # type: ignore[no-untyped-def]
        seen.append((downloads, gc.get_freeze_count()))
        return original(wards, downloads, site_url, processes, **cache)

    monkeypatch.setattr(plugin_module, "render_wards", spy)
    config = load_config(
        config_file=str(REPO_ROOT / "mkdocs.yml"),
        site_dir=str(tmp_path / "site"),
        plugins={"commitments": {"data_dir": str(FIXTURE_DATA), "search_index": False}},
    )
    build(config)
    [(staging, frozen)] = seen
    assert frozen > 0  # the loaded data was out of the collector's way during the build
    assert not staging.exists()  # downloads were copied from it, then it was removed
    assert gc.get_freeze_count() == 0
    assert (tmp_path / "site" / "du-lieu" / "cam-ket-phuong.zip").is_file()


def test_theme_memo_renders_each_key_once() -> None:
    from site_builder.plugin import _Memo

    memo = _Memo()
    calls: list[str] = []

    def render(text: str):  # type: ignore[no-untyped-def]
        return lambda: calls.append(text) or text

    assert memo("nav ../../", render("a")) == "a"
    assert memo("nav ../../", render("b")) == "a"  # same depth: the first rendering
    assert memo("nav ../", render("c")) == "c"
    assert calls == ["a", "c"]


def test_generated_pages_at_one_depth_share_the_theme_sidebars(fixture_site: Path) -> None:
    # The memo must not change what is built: every target page's sidebars are the same,
    # and the same as a project page's at the same depth.
    def sidebars(path: str) -> str:
        html = (fixture_site / path / "index.html").read_text(encoding="utf-8")
        start = html.index('<div class="md-sidebar md-sidebar--primary"')
        return html[start : html.index('<div class="md-content"', start)]

    first = sidebars("thu-nghiem/chi-tieu/ho-ngheo")
    assert 'href="../../../phuong-phap/"' in first  # links relative to this depth
    for path in ("thu-nghiem/chi-tieu/nuoc-sach", "thu-nghiem/du-an/duong-mau-so-1"):
        assert sidebars(path) == first
