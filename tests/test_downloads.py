from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder import cli, urls
from site_builder.computed import ComputedWard, compute_ward
from site_builder.downloads import (
    PROJECT_DATA_COLUMNS,
    TARGET_DATA_COLUMNS,
    WARD_TARGET_COLUMNS,
    csv_bytes,
    json_bytes,
    schema_files,
    site_archive_paths,
    site_json_bytes,
    write_site_archive,
    write_site_files,
    write_ward_files,
)
from site_builder.history import LastUpdated
from site_builder.load import Dataset, load_dataset
from site_builder.model import WARD_FILES

from .conftest import FIXTURE_DATA, REPO_ROOT

AS_OF = date(2026, 6, 30)
UPDATED = {name: LastUpdated(date(2026, 1, 15), "git") for name in WARD_FILES}


def site_files(
    wards: list[ComputedWard], schemas: dict[str, bytes], site_url: str = ""
) -> dict[str, bytes]:
    """Every download of the site, read back from the folder they are written to."""
    with tempfile.TemporaryDirectory(prefix="downloads-") as tmp:
        folder = Path(tmp)
        sizes = write_site_files(wards, schemas, folder, site_url)
        assert sizes == {path: (folder / path).stat().st_size for path in sizes}
        return {path: (folder / path).read_bytes() for path in sizes}


@pytest.fixture(scope="module")
def computed(fixture_dataset: Dataset) -> ComputedWard:
    return compute_ward(fixture_dataset.wards[0], AS_OF, UPDATED)


@pytest.fixture(scope="module")
def files(computed: ComputedWard) -> dict[str, bytes]:
    return site_files([computed], schema_files(REPO_ROOT / "data"), "https://example.org/cam-ket/")


def _csv(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    text = content.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_every_file_the_issue_names_is_there(
    files: dict[str, bytes], computed: ComputedWard
) -> None:
    ward = computed.ward
    expected = {
        f"thu-nghiem/chi-tieu/{t.id}/data.{x}" for t in ward.targets for x in ("csv", "json")
    }
    expected |= {
        f"thu-nghiem/du-an/{p.id}/data.{x}" for p in ward.projects for x in ("csv", "json")
    }
    expected |= {
        "du-lieu/thu-nghiem/thu-nghiem.json",
        "du-lieu/thu-nghiem/thu-nghiem.xlsx",
        "du-lieu/thu-nghiem/thu-nghiem-chi-tieu.csv",
        "du-lieu/thu-nghiem/thu-nghiem-du-an.csv",
        "du-lieu/thu-nghiem/thu-nghiem-so-lieu.csv",
        "du-lieu/cam-ket-phuong.json",
        "du-lieu/cam-ket-phuong.zip",
    }
    expected |= {f"schema/v1/{name.removesuffix('.yaml')}.schema.json" for name in WARD_FILES}
    # The open-data metadata (#17, metadata.py): a Data Package, CSVW, their schemas, licence.
    tables = ("ward-targets", "ward-projects", "ward-observations", "target-data", "project-data")
    expected |= {f"schema/{kind}/{name}.json" for kind in ("table", "csvw") for name in tables}
    expected |= {"datapackage.json", "csv-metadata.json", "du-lieu/LICENSE.txt"}
    assert set(files) == expected


def test_same_data_same_bytes(computed: ComputedWard, files: dict[str, bytes]) -> None:
    again = site_files([computed], schema_files(REPO_ROOT / "data"), "https://example.org/cam-ket/")
    assert again == files


def test_target_csv_has_measurements_goal_status_source_and_date(files: dict[str, bytes]) -> None:
    rows = _csv(files["thu-nghiem/chi-tieu/ho-ngheo/data.csv"])
    assert list(rows[0]) == TARGET_DATA_COLUMNS
    kinds = [r["row_type"] for r in rows]
    assert kinds.count("observation") == 11 and kinds[-1] == "goal"
    quarter = next(r for r in rows if r["period"] == "2026-Q2")
    assert quarter["value"] == "1.6" and quarter["value_text"] == "1,6"  # machine and printed
    assert quarter["flags"] == "preliminary" and quarter["source_document"] == "ctr-02-2025"
    assert quarter["source_date"] and quarter["source_quote"] == "quý II/2026: 1,6% (hư cấu)"
    assert quarter["status"] and quarter["status_label"]
    assert quarter["updated"] == "2026-01-15" and quarter["updated_basis"] == "git"
    assert quarter["page_url"] == "https://example.org/cam-ket/thu-nghiem/chi-tieu/ho-ngheo/"
    goal = rows[-1]
    assert (goal["comparator"], goal["value"], goal["period"]) == ("<", "1", "2030")


def test_child_targets_are_in_their_parents_file(files: dict[str, bytes]) -> None:
    rows = _csv(files["thu-nghiem/chi-tieu/lao-dong-qua-dao-tao/data.csv"])
    assert {r["target_id"]: r["parent_id"] for r in rows} == {
        "lao-dong-qua-dao-tao": "",
        "lao-dong-qua-dao-tao-chung": "lao-dong-qua-dao-tao",
        "lao-dong-co-bang-cap": "lao-dong-qua-dao-tao",
    }


def test_manual_status_is_marked(files: dict[str, bytes]) -> None:
    [row] = _csv(files["thu-nghiem/chi-tieu/phuong-van-minh/data.csv"])
    assert (row["status"], row["status_overridden"]) == ("achieved", "true")


def test_excel_formula_characters_are_guarded_in_csv_only(tmp_path: Path) -> None:
    content = csv_bytes(["a", "b", "c"], [{"a": "=1+1", "b": "- trích", "c": -1.5}])
    row = _csv(content)[0]
    assert row == {"a": "'=1+1", "b": "'- trích", "c": "-1.5"}


def test_project_csv_lists_rows_statuses_milestones_and_progress(files: dict[str, bytes]) -> None:
    rows = _csv(files["thu-nghiem/du-an/duong-mau-so-1/data.csv"])
    assert list(rows[0]) == PROJECT_DATA_COLUMNS
    assert [r["row_type"] for r in rows].count("appendix_row") == 2
    statuses = [(r["date"], r["event_status"]) for r in rows if r["row_type"] == "status"]
    assert statuses == [
        ("2025-12-12", "not_started"),
        ("2026-03-01", "in_progress"),
        ("2026-10-15", "completed"),
    ]
    assert {r["status"] for r in rows} == {rows[0]["status"]}  # the schedule status as of AS_OF
    assert [r["value"] for r in rows if r["row_type"] == "progress"] == ["15", "60", "92.5", "100"]


def test_ward_csvs(files: dict[str, bytes], computed: ComputedWard) -> None:
    targets = _csv(files["du-lieu/thu-nghiem/thu-nghiem-chi-tieu.csv"])
    assert list(targets[0]) == WARD_TARGET_COLUMNS
    assert len(targets) == 12  # 10 targets and 2 children
    water = next(r for r in targets if r["target_id"] == "nuoc-sach")
    assert (water["goal_value"], water["latest_period"], water["latest_value"]) == (
        "98",
        "2026",
        "96.4",
    )
    child = next(r for r in targets if r["target_id"] == "lao-dong-co-bang-cap")
    assert child["page_url"].endswith("/lao-dong-qua-dao-tao/#lao-dong-co-bang-cap")
    projects = _csv(files["du-lieu/thu-nghiem/thu-nghiem-du-an.csv"])
    assert [p["project_id"] for p in projects] == [p.id for p in computed.ward.projects]
    road = projects[0]
    assert (road["last_status"], road["last_status_date"], road["budget_value"]) == (
        "completed",
        "2026-10-15",
        "125.5",
    )
    observations = _csv(files["du-lieu/thu-nghiem/thu-nghiem-so-lieu.csv"])
    assert len(observations) == sum(len(s.observations) for s in computed.ward.series)
    unreadable = next(r for r in observations if r["value_text"] == "8?")
    assert unreadable["value"] == ""


def test_ward_json_files_validate_against_the_data_model(files: dict[str, bytes]) -> None:
    data = json.loads(files["du-lieu/thu-nghiem/thu-nghiem.json"])
    assert data["format"] == "cam-ket-phuong/ward" and data["as_of"] == "2026-06-30"
    assert set(data["files"]) == set(WARD_FILES)
    for name, model in WARD_FILES.items():
        model.model_validate_json(json.dumps(data["files"][name]))
        assert data["schema"][name].endswith(f"schema/v1/{name.removesuffix('.yaml')}.schema.json")
        assert data["updated"][name] == {"date": "2026-01-15", "basis": "git"}
    assert data["status"]["targets"]["phuong-van-minh"]["status"] == "achieved"
    assert data["status"]["projects"]["duong-mau-so-1"]["status_label"]


def test_target_and_project_json(files: dict[str, bytes]) -> None:
    target = json.loads(files["thu-nghiem/chi-tieu/ho-ngheo/data.json"])
    assert target["target"]["id"] == "ho-ngheo" and len(target["series"]) == 3
    assert {d["id"] for d in target["documents"]} == {
        "ctr-02-2025",
        "bc-du-thao-2025",
        "nq-01-2025",
    }
    assert target["updated"] == {"date": "2026-01-15", "basis": "git"}
    project = json.loads(files["thu-nghiem/du-an/duong-mau-so-1/data.json"])
    assert project["project"]["budget"]["value"] == 125.5
    assert [t["id"] for t in project["tables"]] == [
        "bang-du-an-trong-diem",
        "bang-giai-phong-mat-bang",
    ]
    assert project["status"]["status"]


def test_site_zip_holds_every_ward_file_and_the_schemas(files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(io.BytesIO(files["du-lieu/cam-ket-phuong.zip"])) as archive:
        names = set(archive.namelist())
        assert {
            "README.txt",
            "cam-ket-phuong.json",
            "schema/v1/targets.schema.json",
            "thu-nghiem/thu-nghiem.xlsx",
            "thu-nghiem/thu-nghiem-so-lieu.csv",
        } <= names
        assert archive.read("cam-ket-phuong.json") == files["du-lieu/cam-ket-phuong.json"]
    site = json.loads(files["du-lieu/cam-ket-phuong.json"])
    assert [w["ward"]["id"] for w in site["wards"]] == ["thu-nghiem"]


def test_published_schemas_are_the_committed_ones(files: dict[str, bytes]) -> None:
    for path in (REPO_ROOT / "data" / "schema" / "v1").glob("*.schema.json"):
        assert files[f"schema/v1/{path.name}"] == path.read_bytes()
        json.loads(path.read_bytes())


def test_real_data_downloads(tmp_path: Path) -> None:
    dataset = load_dataset(REPO_ROOT / "data")
    wards = [compute_ward(w, AS_OF) for w in dataset.wards]
    files = site_files(wards, schema_files(REPO_ROOT / "data"))
    for ward in dataset.wards:
        data = json.loads(files[f"du-lieu/{ward.ward.id}/{ward.ward.id}.json"])
        for name, model in WARD_FILES.items():
            model.model_validate_json(json.dumps(data["files"][name]))
        rows = _csv(files[f"du-lieu/{ward.ward.id}/{ward.ward.id}-chi-tieu.csv"])
        assert all(r["status"] and r["source_quote"] for r in rows)
        for target in ward.targets:
            assert _csv(files[f"{ward.ward.id}/chi-tieu/{target.id}/data.csv"])


def test_cli_downloads_writes_the_same_files(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert (
        cli.main(
            ["downloads", "--data", str(FIXTURE_DATA), "--out", str(out), "--as-of", "2026-06-30"]
        )
        == 0
    )
    assert (out / "du-lieu" / "cam-ket-phuong.zip").is_file()
    assert (out / "thu-nghiem" / "chi-tieu" / "ho-ngheo" / "data.csv").is_file()
    assert "tệp dữ liệu mở" in capsys.readouterr().out


def test_cli_downloads_refuses_broken_data(tmp_path: Path, capsys) -> None:
    (tmp_path / "wards" / "x").mkdir(parents=True)
    (tmp_path / "wards" / "x" / "ward.yaml").write_text("ward: [\n", encoding="utf-8")
    assert cli.main(["downloads", "--data", str(tmp_path), "--out", str(tmp_path / "o")]) == 1
    assert "yaml-syntax" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


# ---------------------------------------------------------------- in the built site


def test_built_site_serves_the_downloads(fixture_site: Path) -> None:
    for path in (
        "du-lieu/cam-ket-phuong.zip",
        "du-lieu/thu-nghiem/thu-nghiem.xlsx",
        "thu-nghiem/chi-tieu/ho-ngheo/data.csv",
        "thu-nghiem/du-an/duong-mau-so-1/data.json",
        "schema/v1/targets.schema.json",
    ):
        assert (fixture_site / path).is_file(), path


@pytest.mark.parametrize(
    ("page", "links"),
    [
        ("thu-nghiem/chi-tieu/ho-ngheo/", {"data.csv", "data.json", "../../../du-lieu/"}),
        ("thu-nghiem/du-an/duong-mau-so-1/", {"data.csv", "data.json", "../../../du-lieu/"}),
        (
            "thu-nghiem/",
            {
                "../du-lieu/thu-nghiem/thu-nghiem.xlsx",
                "../du-lieu/thu-nghiem/thu-nghiem.json",
                "../du-lieu/",
            },
        ),
    ],
)
def test_pages_link_their_data_and_show_the_update_date(
    soup_of, fixture_site: Path, page: str, links: set[str]
) -> None:
    block = soup_of(page).select_one(".sb-open-data")
    assert block is not None
    hrefs = {a["href"] for a in block.select("a")}
    assert links <= hrefs
    for href in hrefs:  # every link resolves to a file of the built site
        target = (fixture_site / page / href).resolve()
        assert target.is_file() or (target / "index.html").is_file(), href
    time = block.select_one("time")
    assert time is not None and time["datetime"][:4].isdigit()
    if "chi-tieu" in page:
        assert block.select_one("a[download]")["download"] == "thu-nghiem-ho-ngheo.csv"


def test_downloads_page_lists_every_file_with_its_size(fixture_site: Path) -> None:
    soup = BeautifulSoup(
        (fixture_site / "du-lieu" / "index.html").read_text("utf-8"), "html.parser"
    )
    section = soup.select_one(".sb-downloads-page")
    assert section is not None
    hrefs = [a["href"] for a in section.select("a")]
    for href in hrefs:
        target = (fixture_site / "du-lieu" / href).resolve()
        assert target.is_file() or (target / "index.html").is_file(), href
    assert "cam-ket-phuong.zip" in " ".join(hrefs) and "../schema/v1/targets.schema.json" in hrefs
    assert "KB" in section.get_text()


def test_site_archive_paths_are_what_write_site_archive_writes(
    computed: ComputedWard, tmp_path: Path
) -> None:
    # The plugin lists these files before the archive is written (it is written aside).
    schemas = schema_files(REPO_ROOT / "data")
    ward_paths = list(write_ward_files(computed, tmp_path, ""))
    written = write_site_archive([computed.ward.ward.id], schemas, tmp_path, AS_OF, "", ward_paths)
    assert sorted(site_archive_paths(schemas)) == sorted(written)


def test_site_json_is_the_encoders_output_from_the_wards_own_text(tmp_path: Path) -> None:
    # The site JSON puts each ward's JSON file in as text: the same bytes as parsing
    # them all and encoding the whole again, on the real data (and with no ward).
    texts = []
    for ward in load_dataset(REPO_ROOT / "data").wards:
        write_ward_files(compute_ward(ward, AS_OF), tmp_path, "https://example.org/")
        texts.append((tmp_path / urls.ward_data(ward.ward.id, None, "json")).read_bytes())
    head = {"format": "x", "as_of": "2026-06-30", "site_url": None}
    expected = json_bytes({**head, "wards": [json.loads(t) for t in texts]})
    assert len(texts) >= 3 and site_json_bytes(head, texts) == expected
    assert site_json_bytes(head, []) == json_bytes({**head, "wards": []})
