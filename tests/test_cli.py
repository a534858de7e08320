from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from site_builder import cli

from .conftest import FIXTURE_DATA, REPO_ROOT


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate", "--data", str(FIXTURE_DATA)]) == 0
    assert "Dữ liệu hợp lệ" in capsys.readouterr().out


def test_validate_reports_in_english_on_request(tmp_path: Path, capsys) -> None:
    ward = tmp_path / "wards" / "x"
    ward.mkdir(parents=True)
    (ward / "ward.yaml").write_text("ward: [\n", encoding="utf-8")
    assert cli.main(["validate", "--data", str(tmp_path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "nothing was published" in err and "yaml-syntax" in err


def test_python_m_entry_point_exits_non_zero_on_bad_data(tmp_path: Path) -> None:
    (tmp_path / "wards").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "validate", "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "file-missing" in result.stderr and "Traceback" not in result.stderr


def test_export_writes_markdown_pages(tmp_path: Path) -> None:
    # tests/test_export.py builds the exported tree; here: the command and its two spellings.
    assert cli.main(["export", "--data", str(FIXTURE_DATA), "--out", str(tmp_path / "a")]) == 0
    assert cli.main(["export", "--data", str(FIXTURE_DATA), str(tmp_path / "b")]) == 0
    for tree in ("a", "b"):
        page = tmp_path / tree / "docs" / "thu-nghiem" / "chi-tieu" / "ho-ngheo" / "index.md"
        assert page.read_text(encoding="utf-8").startswith("---\ntitle: ")
        assert (tmp_path / tree / "mkdocs.yml").is_file()
    assert cli.main(["export", "--data", str(FIXTURE_DATA)]) == 2


def test_search_index_refuses_a_folder_that_is_no_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["search-index", str(tmp_path)]) == 1
    assert "index.html" in capsys.readouterr().err


def test_build_replaces_site_only_after_success(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (REPO_ROOT / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("docs_dir: content", f"docs_dir: {REPO_ROOT / 'content'}")
        .replace("custom_dir: overrides", f"custom_dir: {REPO_ROOT / 'overrides'}")
        .replace(
            "data_dir: data",
            f"data_dir: {FIXTURE_DATA}\n      vendor_dir: {REPO_ROOT / 'node_modules'}",
        ),
        encoding="utf-8",
    )
    code = cli.main(
        ["build", "--data", str(FIXTURE_DATA), "--config", str(config), "--site-dir", str(site)]
    )
    assert code == 0
    assert (site / "thu-nghiem" / "index.html").is_file()
    assert not (site / "old.html").exists()
    assert not list(tmp_path.glob(".site-build-*"))  # the temporary folder is gone


def test_schema_check_passes_on_the_committed_schemas() -> None:
    assert cli.main(["schema", "--check", "--data", str(REPO_ROOT / "data")]) == 0


def test_parser_lists_every_command() -> None:
    commands = cli.parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    assert set(commands) == {
        "validate",
        "build",
        "export",
        "schema",
        "docs",
        "downloads",
        "export-xlsx",
        "import-xlsx",
        "add-measurement",
        "add-status",
        "national",
        "search-index",
    }


def test_national_writes_the_page_above_the_provinces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for province in ("ha-noi", "hue"):
        (tmp_path / province / "pagefind").mkdir(parents=True)
        (tmp_path / province / "pagefind" / "pagefind-entry.json").write_text("{}")
    core = tmp_path / "ha-noi" / "assets" / "javascripts" / "search-core.js"
    core.parent.mkdir(parents=True)
    core.write_text("")  # the first province's shared search script (national.py)
    argv = ["national", "--out", str(tmp_path), "--province", "ha-noi=Thành phố Hà Nội"]
    assert cli.main([*argv, "--province", "hue=Thành phố Huế"]) == 0
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.index('href="ha-noi/"') < html.index('href="hue/"')
    assert "Thành phố Huế" in html


def test_national_names_the_province_without_a_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["national", "--out", str(tmp_path), "--province", "hue=Huế"]) == 1
    assert "for: hue" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["national", "--out", str(tmp_path), "--province", "hue"])
    assert "ID=" in capsys.readouterr().err
