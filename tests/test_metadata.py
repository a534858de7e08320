"""The open-data metadata: the Data Package and CSVW metadata validate every row.

The downloads of the real wards are written once; the Frictionless and CSVW validators
then read every CSV against its schema. A file edited after the metadata was written
(a wrong type, a changed byte) must make them fail, or the checks would prove nothing.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import shutil
import warnings
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from csvw import TableGroup
from frictionless import Package

from site_builder import metadata
from site_builder.computed import compute_ward
from site_builder.downloads import (
    PROJECT_DATA_COLUMNS,
    TARGET_DATA_COLUMNS,
    WARD_OBSERVATION_COLUMNS,
    WARD_PROJECT_COLUMNS,
    WARD_TARGET_COLUMNS,
    schema_files,
    write_site_files,
)
from site_builder.load import load_dataset

from .conftest import REPO_ROOT

AS_OF = date(2026, 6, 30)

# frictionless 5.21 leaves the ZIP it sniffs for compression open (a ResourceWarning
# raised in a finaliser); the validation result is unaffected.
pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(scope="module")
def real_downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every download of the real wards, with the metadata, in one folder."""
    folder = tmp_path_factory.mktemp("open-data")
    dataset = load_dataset(REPO_ROOT / "data")
    wards = [compute_ward(w, AS_OF) for w in dataset.wards]
    write_site_files(wards, schema_files(REPO_ROOT / "data"), folder, "https://example.org/ckp/")
    return folder


def _copy(folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(folder, target)
    return target


def _validate_package(path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        return Package(str(path)).validate()


def _errors(report: Any) -> list[tuple[str, str]]:
    return [(task.name, error.type) for task in report.tasks for error in task.errors]


def _csvw_rows(metadata_file: Path) -> dict[str, int]:
    """Read every table of a CSVW table group strictly; rows per table URL.

    The csvw library follows a `tableSchema` link only over HTTP, so the links are
    resolved here from the files beside the metadata, as a processor would fetch them.
    """
    root = metadata_file.parent
    group = json.loads(metadata_file.read_text(encoding="utf-8"))
    for table in group["tables"]:
        schema = json.loads((root / table["tableSchema"]).read_text(encoding="utf-8"))
        assert schema.pop("@context") == "http://www.w3.org/ns/csvw"
        table["tableSchema"] = schema
    tables = TableGroup.from_file(metadata_file, data=group)
    counts = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the library warns about what it does not refuse
        for table in tables.tables:
            counts[str(table.url)] = sum(1 for _ in table.iterdicts(strict=True))
            assert table.check_primary_key(), table.url
    return counts


def _rewrite_csv(path: Path, column: str, value: str) -> None:
    """Set `column` of the first row of a download CSV (BOM and CRLF kept)."""
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows[1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))


def _refresh_hash(folder: Path, path: str) -> None:
    """Make the Data Package agree with an edited file, so only its rows can fail."""
    package_file = folder / metadata.DATAPACKAGE
    package = json.loads(package_file.read_text(encoding="utf-8"))
    content = (folder / path).read_bytes()
    for res in package["resources"]:
        if res["path"] == path:
            res["bytes"] = len(content)
            res["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
    package_file.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")


# ---------------------------------------------------------------- schemas


def test_every_csv_column_has_a_type_and_a_vietnamese_description() -> None:
    by_columns = {tuple(t.columns): t for t in metadata.TABLES.values()}
    for columns in (
        WARD_TARGET_COLUMNS,
        WARD_PROJECT_COLUMNS,
        WARD_OBSERVATION_COLUMNS,
        TARGET_DATA_COLUMNS,
        PROJECT_DATA_COLUMNS,
    ):
        table = by_columns[tuple(columns)]
        schema = metadata.table_schema(table)
        assert [f["name"] for f in schema["fields"]] == list(columns)
        for field in schema["fields"]:
            assert field["type"] in ("string", "number", "integer", "boolean", "date")
            assert len(field["description"]) > 5, field["name"]
        csvw = metadata.csvw_schema(table)
        assert [c["name"] for c in csvw["columns"]] == list(columns)
        assert set(table.primary_key) <= set(columns)
        assert set(table.required) <= set(columns)


def test_table_of_knows_every_csv_of_a_ward() -> None:
    assert metadata.table_of("du-lieu/kien-an/kien-an-chi-tieu.csv").name == "ward-targets"
    assert metadata.table_of("du-lieu/kien-an/kien-an-du-an.csv").name == "ward-projects"
    assert metadata.table_of("du-lieu/kien-an/kien-an-so-lieu.csv").name == "ward-observations"
    assert metadata.table_of("kien-an/chi-tieu/x/data.csv").name == "target-data"
    assert metadata.table_of("kien-an/du-an/x/data.csv").name == "project-data"
    assert metadata.table_of("kien-an/chi-tieu/x/data.json") is None


# ---------------------------------------------------------------- Data Package


def test_data_package_describes_every_download(real_downloads: Path) -> None:
    package = json.loads((real_downloads / metadata.DATAPACKAGE).read_text(encoding="utf-8"))
    files = {
        p.relative_to(real_downloads).as_posix() for p in real_downloads.rglob("*") if p.is_file()
    }
    described = {r["path"]: r for r in package["resources"]}
    assert set(described) == files - {metadata.DATAPACKAGE}
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["licenses"][0]["path"] == metadata.LICENCE_URL
    for path, res in described.items():
        content = (real_downloads / path).read_bytes()
        assert res["bytes"] == len(content)
        assert res["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        if path.endswith(".csv"):
            assert res["schema"].startswith(metadata.TABLE_SCHEMA_FOLDER)
            assert (real_downloads / res["schema"]).is_file()
    for kind in ("csv", "json", "xlsx", "zip"):
        assert any(p.endswith("." + kind) for p in described)


def test_real_downloads_validate_row_by_row_with_frictionless(real_downloads: Path) -> None:
    report = _validate_package(real_downloads / metadata.DATAPACKAGE)
    assert report.valid, _errors(report)[:10]
    tables = [t for t in report.tasks if t.type == "table"]
    csvs = list(real_downloads.rglob("*.csv"))
    assert len(tables) == len(csvs)
    # Rows were read, not only headers: the ward targets CSV has one row per target.
    counted = {t.name: t.stats.get("rows", 0) for t in tables}
    assert counted["du-lieu/kien-an/kien-an-chi-tieu.csv"] > 90


def test_a_wrong_type_fails_the_data_package(real_downloads: Path, tmp_path: Path) -> None:
    folder = _copy(real_downloads, tmp_path)
    path = "du-lieu/viet-hung/viet-hung-chi-tieu.csv"
    _rewrite_csv(folder / path, "goal_start_year", "hai nghìn")
    _refresh_hash(folder, path)
    report = _validate_package(folder / metadata.DATAPACKAGE)
    assert not report.valid
    assert _errors(report) == [(path, "type-error")]


def test_an_edited_file_fails_its_hash(real_downloads: Path, tmp_path: Path) -> None:
    folder = _copy(real_downloads, tmp_path)
    path = "du-lieu/thanh-dong/thanh-dong.json"
    (folder / path).write_bytes((folder / path).read_bytes().replace(b'"as_of"', b'"as-of"'))
    report = _validate_package(folder / metadata.DATAPACKAGE)
    assert (path, "hash-count") in _errors(report)


def test_a_status_outside_the_list_fails(real_downloads: Path, tmp_path: Path) -> None:
    folder = _copy(real_downloads, tmp_path)
    path = "du-lieu/kien-an/kien-an-du-an.csv"
    _rewrite_csv(folder / path, "status", "dang-lam")
    _refresh_hash(folder, path)
    assert _errors(_validate_package(folder / metadata.DATAPACKAGE)) == [(path, "constraint-error")]


# ---------------------------------------------------------------- CSVW


def test_real_downloads_validate_with_csvw(real_downloads: Path) -> None:
    counts = _csvw_rows(real_downloads / metadata.CSVW_METADATA)
    csvs = {p.relative_to(real_downloads).as_posix() for p in real_downloads.rglob("*.csv")}
    assert set(counts) == csvs
    rows = _csv_rows(real_downloads / "du-lieu/thuy-nguyen/thuy-nguyen-du-an.csv")
    assert counts["du-lieu/thuy-nguyen/thuy-nguyen-du-an.csv"] == rows > 50
    group = json.loads((real_downloads / metadata.CSVW_METADATA).read_text(encoding="utf-8"))
    assert group["dc:license"] == {"@id": metadata.LICENCE_URL}


def _csv_rows(path: Path) -> int:
    text = path.read_bytes().decode("utf-8-sig")
    return len(list(csv.reader(io.StringIO(text, newline="")))) - 1


def test_a_wrong_type_fails_csvw(real_downloads: Path, tmp_path: Path) -> None:
    folder = _copy(real_downloads, tmp_path)
    _rewrite_csv(folder / "du-lieu/viet-hung/viet-hung-so-lieu.csv", "value", "12,5")
    with pytest.raises(ValueError, match="12,5"):
        _csvw_rows(folder / metadata.CSVW_METADATA)


def test_a_missing_required_cell_fails_csvw(real_downloads: Path, tmp_path: Path) -> None:
    folder = _copy(real_downloads, tmp_path)
    _rewrite_csv(folder / "kien-an/chi-tieu/bao-hiem-y-te/data.csv", "ward_id", "")
    with pytest.raises(ValueError):
        _csvw_rows(folder / metadata.CSVW_METADATA)


# ---------------------------------------------------------------- the ZIP


def test_zip_carries_its_own_metadata_and_the_licence(real_downloads: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(real_downloads / "du-lieu" / "cam-ket-phuong.zip") as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "zip")
    assert {"LICENSE.txt", "README.txt", "datapackage.json", "csv-metadata.json"} <= names
    licence = (tmp_path / "zip" / "LICENSE.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence and metadata.LICENCE_URL in licence
    assert licence == (real_downloads / metadata.LICENCE_FILE).read_text(encoding="utf-8")
    report = _validate_package(tmp_path / "zip" / "datapackage.json")
    assert report.valid, _errors(report)[:10]
    package = json.loads((tmp_path / "zip" / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == names - {"datapackage.json"}
    counts = _csvw_rows(tmp_path / "zip" / "csv-metadata.json")
    assert "kien-an/kien-an-chi-tieu.csv" in counts


def test_metadata_is_the_same_for_the_same_data(real_downloads: Path, tmp_path: Path) -> None:
    dataset = load_dataset(REPO_ROOT / "data", ["viet-hung"])
    wards = [compute_ward(w, AS_OF) for w in dataset.wards]
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        write_site_files(wards, schema_files(REPO_ROOT / "data"), folder)
    for name in (metadata.DATAPACKAGE, metadata.CSVW_METADATA, "du-lieu/cam-ket-phuong.zip"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_datapackage_leaves_out_unknown_dates() -> None:
    files = [metadata.Described.of("du-lieu/x/x.json", b"{}")]
    package = metadata.datapackage(copy.deepcopy(files), None)
    assert "created" not in package and "version" not in package
    assert package["resources"][0]["type"] == "json"


# ---------------------------------------------------------------- in the built site


def test_downloads_page_states_the_licence_and_links_the_metadata(
    fixture_site: Path, soup_of
) -> None:
    page = soup_of("du-lieu/").select_one(".sb-downloads-page")
    # The licence's address is text, not a link (the site links only to itself).
    assert page.select_one(".sb-licence-url").get_text() == metadata.LICENCE_URL
    assert "CC BY 4.0" in page.select_one("#giay-phep + p").get_text()
    hrefs = {a["href"] for a in page.select("a")}
    assert "../datapackage.json" in hrefs and "../csv-metadata.json" in hrefs
    assert "LICENSE.txt" in hrefs
    assert (fixture_site / "datapackage.json").is_file()
    report = _validate_package(fixture_site / metadata.DATAPACKAGE)
    assert report.valid, _errors(report)[:10]
