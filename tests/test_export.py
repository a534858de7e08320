"""The exported tree builds with plain MkDocs, without our plugin, into the same site (export.py)."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from site_builder import cli, urls
from site_builder.errors import DataErrors
from site_builder.export import (
    MARKER,
    ExportError,
    export_site,
    plain_config,
    plain_template,
    read_config,
    with_heading_ids,
)
from site_builder.sitetext import SiteDifference, compare_sites, page_text, site_files

from .conftest import AS_OF, FIXTURE_DATA, REAL_DATA, REPO_ROOT

# A build that cannot import our package: the tree must not need it (plugin, slugify).
_PLAIN_BUILD = (
    "import sys; sys.modules['site_builder'] = None; "
    "from mkdocs.__main__ import cli; cli(['build', '--strict', '--quiet', '-f', sys.argv[1]])"
)


def _compare(plugin_site: Path, plain_site: Path) -> SiteDifference:
    """The sites compared file for file; a gzip file by its content, not its header.

    MkDocs stamps sitemap.xml.gz with the latest page date: the data's history in the
    plugin build, the build's clock in a plain one (dates are not carried, export.py).
    """
    difference = compare_sites(plugin_site, plain_site, file_bytes=True)
    difference.files = [
        path
        for path in difference.files
        if not path.endswith(".gz")
        or gzip.decompress((plugin_site / path).read_bytes())
        != gzip.decompress((plain_site / path).read_bytes())
    ]
    return difference


def _export(out: Path, data: Path) -> None:
    export_site(REPO_ROOT / "mkdocs.yml", data, out, as_of=date.fromisoformat(AS_OF))


def _plain_build(tree: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-c", _PLAIN_BUILD, str(tree / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return tree / "site"


@pytest.fixture(scope="session")
def exported_real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data exported (same date as `real_site`) and built with plain MkDocs."""
    tree = tmp_path_factory.mktemp("export-real") / "tree"
    _export(tree, REAL_DATA)
    _plain_build(tree)
    return tree


def test_exported_real_site_equals_the_plugin_build(exported_real: Path, real_site: Path) -> None:
    difference = _compare(real_site, exported_real / "site")
    assert not difference, difference.report("plugin build", "plain build of the export")
    pages = [p for p in site_files(real_site) if p.endswith(".html")]
    # Every ward, target, project, report and embed page, and the hand-written ones.
    assert difference.compared_pages == len(pages) > 400
    for page in ("index.html", "kien-an/index.html", "phuong-phap/index.html"):
        assert page_text((exported_real / "site" / page).read_text(encoding="utf-8")).indexed


def test_exported_config_is_plugin_free(exported_real: Path) -> None:
    text = (exported_real / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=yaml.CSafeLoader)  # no custom tags left
    assert config["plugins"] == []
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    settings = text.split("\n", 2)[2]  # below the two comment lines
    assert "commitments" not in settings and "site_builder" not in settings
    assert {"toc": {"permalink": False}} in config["markdown_extensions"]
    templates = exported_real / "overrides"
    assert sorted(p.name for p in templates.iterdir()) == ["404.html", "main.html"]
    assert "sb_t(" not in (templates / "main.html").read_text(encoding="utf-8")


def test_exported_tree_holds_pages_downloads_and_assets(exported_real: Path) -> None:
    docs = exported_real / "docs"
    ward_page = (docs / "kien-an" / "index.md").read_text(encoding="utf-8")
    front, body = ward_page.split("\n---\n", 1)
    meta = yaml.load(front.removeprefix("---\n"), Loader=yaml.CSafeLoader)
    assert meta["kind"] == "ward" and meta["ward"] == "kien-an"
    assert body.lstrip().startswith("<") and "kien-an" in body  # one HTML block
    assert (docs / "kien-an" / "bao-cao" / "index.md").read_text(encoding="utf-8").count(
        "search_exclude: true"
    ) == 1
    for download in (
        urls.ward_data("kien-an", "chi-tieu", "csv"),
        urls.ward_data("kien-an", None, "xlsx"),
        urls.site_data("zip"),
    ):
        assert (docs / download).stat().st_size > 1000, download
    assert (docs / "thay-doi.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert (docs / "assets" / "javascripts" / "search.js").is_file()
    # The home page's generated list is in the file, and headings carry their ids.
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert home.startswith("# Cam kết của các phường {#cam-ket-cua-cac-phuong}\n")
    assert "kien-an/" in home
    marker = json.loads((exported_real / MARKER).read_text(encoding="utf-8"))
    assert marker["as_of"] == AS_OF


def test_fixture_ward_export_has_charts_escaped_titles_and_search(
    tmp_path: Path, fixture_site: Path
) -> None:
    tree = tmp_path / "tree"
    _export(tree, FIXTURE_DATA)
    site = _plain_build(tree)
    bundle = tree / "docs" / "assets" / "vendor" / "plotly-basic.min.js"
    assert bundle.stat().st_size > 500_000
    escaped = [
        p
        for p in (tree / "docs").rglob("index.md")
        if "&lt;script&gt;" in p.read_text(encoding="utf-8").split("\n---\n")[0]
    ]
    assert escaped, "a title with <script> is escaped in the front matter"
    difference = _compare(fixture_site, site)
    assert not difference, difference.report("plugin build", "plain build of the export")
    # Search-ready: the same command the plugin runs indexes the plain build.
    assert cli.main(["search-index", str(site)]) == 0
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    bodies = [
        p
        for p in site_files(site)
        if p.endswith(".html") and "data-pagefind-body" in (site / p).read_text(encoding="utf-8")
    ]
    assert indexed == len(bodies) > 5


def test_headings_get_the_ids_toc_gives_them() -> None:
    markdown = (
        "# Đường và đất\n\n## Nguồn {#giu-nguyen}\n\n```\n# not a heading\n```\n\n"
        "## Đường và đất\n### Có **đậm** và [liên kết](x.md) ##\n"
    )
    assert with_heading_ids(markdown).split("\n") == [
        "# Đường và đất {#duong-va-dat}",
        "",
        "## Nguồn {#giu-nguyen}",
        "",
        "```",
        "# not a heading",
        "```",
        "",
        "## Đường và đất {#duong-va-dat_1}",
        "### Có **đậm** và [liên kết](x.md) {#co-dam-va-lien-ket}",
        "",
    ]


def test_templates_lose_every_plugin_global() -> None:
    text = (REPO_ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    plain = plain_template(text, "main.html")
    assert "Bỏ qua, đến nội dung chính" in plain
    assert "{{ super() }}" in plain and "sb_memo" not in plain
    with pytest.raises(ExportError, match=r"x\.html: uses sb_t"):
        plain_template("{{ sb_t(name) }}", "x.html")
    with pytest.raises(ExportError, match="sb_new"):
        plain_template("{{ sb_new }}", "x.html")


def test_other_python_names_in_the_config_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nhooks: [h.py]\nplugins: [commitments]\nmarkdown_extensions:\n"
        "  - pymdownx.superfences:\n      custom_fences:\n"
        "        - format: !!python/name:pymdownx.superfences.fence_code_format\n",
        encoding="utf-8",
    )
    with pytest.raises(ExportError, match="fence_code_format names Python code"):
        plain_config(read_config(config), config)
    config.write_text("site_name: !ENV [SB_TEST_UNSET_NAME, 'Tên']\n", encoding="utf-8")
    assert plain_config(read_config(config), config)["site_name"] == "Tên"
    config.write_text("site_name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ExportError, match="mkdocs.yml: not valid YAML"):
        read_config(config)


def test_refuses_a_folder_that_is_not_an_export_and_replaces_an_earlier_one(
    tmp_path: Path,
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine", encoding="utf-8")
    code = cli.main(["export", "--data", str(FIXTURE_DATA), "--as-of", AS_OF, str(busy)])
    assert code == 1 and (busy / "keep.txt").read_text(encoding="utf-8") == "mine"
    tree = tmp_path / "tree"
    _export(tree, FIXTURE_DATA)
    (tree / "docs" / "stale.md").write_text("# old", encoding="utf-8")
    _export(tree, FIXTURE_DATA)
    assert not (tree / "docs" / "stale.md").exists()
    assert (tree / "docs" / "thu-nghiem" / "index.md").is_file()


def test_bad_data_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    targets = next(data.glob("wards/*/targets.yaml"))
    targets.write_text(targets.read_text(encoding="utf-8") + "\nbogus: [\n", encoding="utf-8")
    with pytest.raises(DataErrors):
        _export(tmp_path / "out", data)
    assert not (tmp_path / "out").exists()
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "export", "--data", str(data), str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "targets.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_plotly_bundle_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="plotly-basic.min.js: missing; run `make vendor`"):
        export_site(
            REPO_ROOT / "mkdocs.yml",
            FIXTURE_DATA,
            tmp_path / "out",
            as_of=date.fromisoformat(AS_OF),
            vendor_dir=tmp_path,
        )
    assert not (tmp_path / "out").exists()
