from __future__ import annotations

import io
import shutil
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from site_builder import cli
from site_builder.computed import compute_ward
from site_builder.errors import DataErrors
from site_builder.excel import (
    GUIDE_SHEET,
    KEY_ROW,
    META_SHEET,
    MILESTONES_SHEET,
    OBSERVATIONS_SHEET,
    PROJECTS_SHEET,
    STATUS_SHEET,
    TARGETS_SHEET,
    export_workbook,
    import_workbook,
    read_edits,
)
from site_builder.load import Dataset, load_dataset

from .conftest import FIXTURE_DATA, REPO_ROOT

AS_OF = date(2026, 6, 30)
REAL_WARDS = sorted(p.name for p in (REPO_ROOT / "data" / "wards").iterdir() if p.is_dir())


def _column(ws: Worksheet, key: str) -> int:
    return next(c for c in range(1, ws.max_column + 1) if ws.cell(KEY_ROW, c).value == key)


def _row_of(ws: Worksheet, key: str, value: str) -> int:
    column = _column(ws, key)
    return next(r for r in range(KEY_ROW + 2, ws.max_row + 1) if ws.cell(r, column).value == value)


def _set(ws: Worksheet, row: int, key: str, value: object) -> None:
    ws.cell(row, _column(ws, key)).value = value


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, copy)
    return copy


def _export(data: Path, ward_id: str = "thu-nghiem") -> bytes:
    ward = load_dataset(data, [ward_id]).wards[0]
    return export_workbook(compute_ward(ward, AS_OF))


def _save(workbook: object, path: Path) -> Path:
    workbook.save(path)  # type: ignore[attr-defined]
    return path


def _yaml(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def test_export_is_reproducible(fixture_dataset: Dataset, monkeypatch) -> None:
    computed = compute_ward(fixture_dataset.wards[0], AS_OF)
    first = export_workbook(computed)
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)  # another day, same bytes
    assert export_workbook(computed) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    wb = load_workbook(io.BytesIO(first))
    assert wb.properties.created is not None and wb.properties.modified is not None
    assert wb.properties.created.date() == wb.properties.modified.date() == AS_OF
    assert wb.properties.creator == "site-builder"
    assert wb.properties.title == computed.ward.ward.full_name


def test_visible_sheet_is_laid_out_like_the_appendix(fixture_dataset: Dataset) -> None:
    wb = load_workbook(io.BytesIO(export_workbook(compute_ward(fixture_dataset.wards[0], AS_OF))))
    ws = wb[TARGETS_SHEET]
    headers = [ws.cell(3, c).value for c in range(1, 8)]
    assert headers == [
        "Số",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Đến năm 2030",
        "Bình quân năm",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
    ]
    assert ws.row_dimensions[KEY_ROW].hidden
    # A <col> element may cover a range of columns with the same width and visibility.
    hidden_numbers = {
        n
        for dim in ws.column_dimensions.values()
        if dim.hidden
        for n in range(dim.min or 0, (dim.max or 0) + 1)
    }
    hidden = {ws.cell(KEY_ROW, c).value for c in hidden_numbers}
    assert {"id", "goal.kind", "goal.value", "goal.year"} <= hidden
    assert not {"code", "name", "unit", "value_text", "status_label"} & hidden
    # A group heading, then its targets; children follow their parent.
    assert ws.cell(4, 2).value == "Chỉ tiêu kinh tế (hư cấu)" and ws.cell(4, 1).value == "I"
    row = _row_of(ws, "id", "lao-dong-co-bang-cap")
    assert ws.cell(row - 1, _column(ws, "id")).value == "lao-dong-qua-dao-tao-chung"
    assert ws.cell(row, _column(ws, "parent")).value == "lao-dong-qua-dao-tao"
    # Printed text stays text, the parsed goal is a number.
    row = _row_of(ws, "id", "cai-tao-via-he")
    assert ws.cell(row, _column(ws, "value_text")).value == "5.000"
    assert ws.cell(row, _column(ws, "goal.value")).value == 5000
    obs = wb[OBSERVATIONS_SHEET]
    row = _row_of(obs, "key.series", "nuoc-sach-ca-phuong")
    assert obs.cell(row + 1, _column(obs, "value")).value == "94,2"  # Vietnamese display
    assert obs.cell(row + 1, _column(obs, "value.parsed")).value == 94.2
    statuses = wb[STATUS_SHEET]
    assert statuses.cell(4, _column(statuses, "date")).value == "12/12/2025"
    assert statuses.cell(4, _column(statuses, "status")).value == "Chưa bắt đầu"


def test_cells_are_styled_for_editing(fixture_dataset: Dataset) -> None:
    """Text cells keep what is typed, grey cells are read-only, new rows get drop-downs."""
    wb = load_workbook(io.BytesIO(export_workbook(compute_ward(fixture_dataset.wards[0], AS_OF))))
    assert wb.sheetnames[0] == GUIDE_SHEET and wb.active is not None
    assert wb.active.title == GUIDE_SHEET
    assert wb[META_SHEET].sheet_state == "hidden"
    assert wb[META_SHEET]["A2"].value == "format" and wb[META_SHEET]["B2"].value == 1
    ws = wb[TARGETS_SHEET]
    assert ws.freeze_panes == "A4"
    assert ws.cell(1, 1).font.b and ws.cell(1, 1).font.sz == 13
    name = _column(ws, "name")
    status = _column(ws, "status_label")
    assert ws.cell(3, name).font.b and ws.cell(3, name).fill.fgColor.rgb.endswith("DCE6F1")
    assert ws.cell(3, status).fill.fgColor.rgb.endswith("EDEDED")
    row = _row_of(ws, "id", "lao-dong-co-bang-cap")  # a child target, indented
    assert ws.cell(row, name).number_format == "@"
    assert ws.cell(row, name).alignment.wrap_text and ws.cell(row, name).alignment.indent > 0
    assert ws.cell(row, status).fill.fgColor.rgb.endswith("EDEDED")
    assert ws.cell(row, _column(ws, "goal.value")).number_format == "General"
    assert ws.cell(4, name).font.b  # the group heading
    statuses = wb[STATUS_SHEET]
    (rule,) = statuses.data_validations.dataValidation
    assert rule.type == "list" and not rule.showErrorMessage  # codes may be typed too
    assert "Chưa bắt đầu" in (rule.formula1 or "")
    letter = statuses.cell(KEY_ROW, _column(statuses, "status")).column_letter
    # From the first data row to 500 rows past the next free one (rows staff add).
    assert str(rule.sqref) == f"{letter}4:{letter}{statuses.max_row + 1 + 500}"


def test_text_that_looks_like_a_formula_stays_text(fixture_dataset: Dataset) -> None:
    wb = load_workbook(io.BytesIO(export_workbook(compute_ward(fixture_dataset.wards[0], AS_OF))))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]


@pytest.mark.parametrize("ward_id", REAL_WARDS)
def test_round_trip_of_every_real_ward_changes_nothing(tmp_path: Path, ward_id: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    folder = data / "wards" / ward_id
    before = _yaml(folder)
    loaded = load_dataset(data, [ward_id]).wards[0]
    workbook = export_workbook(compute_ward(loaded, AS_OF))
    assert read_edits(workbook, loaded, Path("x.xlsx")).edits == {}
    # Saved by a spreadsheet program (openpyxl here) and imported back.
    path = _save(load_workbook(io.BytesIO(workbook)), tmp_path / f"{ward_id}.xlsx")
    result = import_workbook(data, ward_id, path)
    assert result.written == []
    assert _yaml(folder) == before
    assert load_dataset(data, [ward_id]).wards[0] == loaded


def test_round_trip_of_the_fixture_ward_changes_nothing(data: Path, tmp_path: Path) -> None:
    before = _yaml(data / "wards" / "thu-nghiem")
    path = tmp_path / "x.xlsx"
    path.write_bytes(_export(data))
    assert import_workbook(data, "thu-nghiem", path).written == []
    assert _yaml(data / "wards" / "thu-nghiem") == before


def test_a_number_that_needs_17_digits_round_trips_unchanged(data: Path, tmp_path: Path) -> None:
    series = data / "wards" / "thu-nghiem" / "series.yaml"
    text = series.read_text(encoding="utf-8")
    assert "        value: 1.8\n" in text
    series.write_text(text.replace("        value: 1.8\n", "        value: 1.8000000000000003\n"))
    before = _yaml(data / "wards" / "thu-nghiem")
    path = tmp_path / "x.xlsx"
    path.write_bytes(_export(data))
    assert import_workbook(data, "thu-nghiem", path).written == []
    assert _yaml(data / "wards" / "thu-nghiem") == before


def test_edits_in_excel_reach_the_yaml(data: Path, tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(_export(data)))
    targets = wb[TARGETS_SHEET]
    row = _row_of(targets, "id", "nuoc-sach")
    _set(targets, row, "name", "Tỷ lệ hộ dân dùng nước sạch Mẫu (đã sửa)")
    _set(targets, row, "goal.value", 99)
    _set(targets, row, "partners", "Hợp tác xã Mẫu")
    projects = wb[PROJECTS_SHEET]
    _set(projects, _row_of(projects, "id", "nha-van-hoa-mau"), "funding", "Xã hội hóa")
    obs = wb[OBSERVATIONS_SHEET]
    _set(obs, _row_of(obs, "key.series", "nuoc-sach-ca-phuong"), "value", "93,25")
    new = obs.max_row + 1
    for key, value in {
        "series": "ho-ngheo-ca-phuong",
        "period": "2027",
        "value": "1.234,5",
        "value_text": "1.234,5",
        "flags": "ước tính; sơ bộ",
        "source.document": "ctr-02-2025",
        "source.quote": "năm 2027",
    }.items():
        _set(obs, new, key, value)
    statuses = wb[STATUS_SHEET]
    new = statuses.max_row + 1
    for key, value in {
        "project": "de-an-chuyen-doi-so-mau",
        "date": "01/05/2026",
        "status": "Đang thực hiện",
        "source": "Báo cáo tháng 5",
    }.items():
        _set(statuses, new, key, value)
    result = import_workbook(data, "thu-nghiem", _save(wb, tmp_path / "edited.xlsx"))
    assert result.changes == {"targets.yaml": 3, "projects.yaml": 2, "series.yaml": 2}

    ward = load_dataset(data).wards[0]
    target = next(x for x in ward.targets if x.id == "nuoc-sach")
    assert target.name.endswith("(đã sửa)") and target.goal and target.goal.value == 99
    assert target.partners == "Hợp tác xã Mẫu"
    series = {s.id: s for s in ward.series}
    assert series["nuoc-sach-ca-phuong"].observations[0].value == 93.25
    added = series["ho-ngheo-ca-phuong"].observations[-1]
    assert (added.period, added.value, added.flags) == ("2027", 1234.5, ["estimate", "preliminary"])
    project = next(p for p in ward.projects if p.id == "de-an-chuyen-doi-so-mau")
    assert [(c.date, c.status) for c in project.status_history] == [
        (date(2026, 5, 1), "in_progress")
    ]
    # Comments and the schema line are still there.
    text = (data / "wards" / "thu-nghiem" / "targets.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server:") and "# level, càng cao càng tốt" in text
    # Exported again, the workbook matches the data.
    again = export_workbook(compute_ward(ward, AS_OF))
    assert read_edits(again, ward, Path("x.xlsx")).edits == {}


def test_clearing_an_optional_cell_removes_the_field(data: Path, tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(_export(data)))
    targets = wb[TARGETS_SHEET]
    _set(targets, _row_of(targets, "id", "ho-ngheo"), "yearly_text", None)
    import_workbook(data, "thu-nghiem", _save(wb, tmp_path / "x.xlsx"))
    target = next(x for x in load_dataset(data).wards[0].targets if x.id == "ho-ngheo")
    assert target.yearly_text is None


def test_errors_are_reported_by_cell_and_nothing_is_written(data: Path, tmp_path: Path) -> None:
    before = _yaml(data / "wards" / "thu-nghiem")
    wb = load_workbook(io.BytesIO(_export(data)))
    targets = wb[TARGETS_SHEET]
    name_row = _row_of(targets, "id", "nuoc-sach")
    _set(targets, name_row, "name", None)  # required
    _set(targets, targets.max_row + 1, "name", "Một chỉ tiêu mới")  # no id
    obs = wb[OBSERVATIONS_SHEET]
    value_row = _row_of(obs, "key.series", "ho-ngheo-ca-phuong")
    _set(obs, value_row, "value", "1.5")  # a dot is not a Vietnamese decimal
    statuses = wb[STATUS_SHEET]
    _set(statuses, 4, "status", "xong")
    _set(statuses, 5, "date", "31/02/2026")
    new = obs.max_row + 1
    _set(obs, new, "series", "khong-co")
    _set(obs, new, "period", "2027")
    with pytest.raises(DataErrors) as caught:
        import_workbook(data, "thu-nghiem", _save(wb, tmp_path / "bad.xlsx"))
    found = {(e.field, e.code) for e in caught.value.errors}
    name_cell = f"{TARGETS_SHEET}!{targets.cell(name_row, _column(targets, 'name')).coordinate}"
    assert found == {
        (name_cell, "missing-field"),
        (f"{TARGETS_SHEET}!A{targets.max_row}", "xlsx-new-row"),
        (
            f"{OBSERVATIONS_SHEET}!{obs.cell(value_row, _column(obs, 'value')).coordinate}",
            "wrong-type",
        ),
        (f"{OBSERVATIONS_SHEET}!A{new}", "unknown-reference"),
        (
            f"{STATUS_SHEET}!{statuses.cell(4, _column(statuses, 'status')).coordinate}",
            "invalid-choice",
        ),
        (f"{STATUS_SHEET}!{statuses.cell(5, _column(statuses, 'date')).coordinate}", "wrong-type"),
    }
    assert all(e.file == Path("bad.xlsx") for e in caught.value.errors)
    assert caught.value.errors[0].line >= 4
    assert _yaml(data / "wards" / "thu-nghiem") == before


def test_a_cross_check_error_points_at_its_cell(data: Path, tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(_export(data)))
    obs = wb[OBSERVATIONS_SHEET]
    row = _row_of(obs, "key.series", "ho-ngheo-ca-phuong")
    _set(obs, row, "source.document", "khong-co")
    with pytest.raises(DataErrors) as caught:
        import_workbook(data, "thu-nghiem", _save(wb, tmp_path / "x.xlsx"))
    [error] = caught.value.errors
    assert error.code == "unknown-reference"
    assert (
        error.field
        == f"{OBSERVATIONS_SHEET}!{obs.cell(row, _column(obs, 'source.document')).coordinate}"
    )


def test_a_workbook_of_another_ward_or_not_a_workbook_is_refused(
    data: Path, tmp_path: Path
) -> None:
    wb = load_workbook(io.BytesIO(_export(data)))
    wb["_meta"]["B1"] = "khac"
    with pytest.raises(DataErrors) as caught:
        import_workbook(data, "thu-nghiem", _save(wb, tmp_path / "x.xlsx"))
    assert caught.value.errors[0].code == "xlsx-layout"
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(DataErrors) as caught:
        import_workbook(data, "thu-nghiem", junk)
    assert caught.value.errors[0].code == "xlsx-unreadable"


def test_a_deleted_hidden_column_is_a_layout_error(data: Path, tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(_export(data)))
    targets = wb[TARGETS_SHEET]
    targets.delete_cols(_column(targets, "id"))
    with pytest.raises(DataErrors) as caught:
        import_workbook(data, "thu-nghiem", _save(wb, tmp_path / "x.xlsx"))
    assert [e.code for e in caught.value.errors] == ["xlsx-layout"]


def test_changing_the_key_of_an_existing_row_is_refused(data: Path, tmp_path: Path) -> None:
    wb = load_workbook(io.BytesIO(_export(data)))
    obs = wb[OBSERVATIONS_SHEET]
    _set(obs, 4, "series", "ho-ngheo-ca-phuong")
    with pytest.raises(DataErrors) as caught:
        import_workbook(data, "thu-nghiem", _save(wb, tmp_path / "x.xlsx"))
    assert [e.code for e in caught.value.errors] == ["xlsx-moved-row"]


def test_cli_export_and_import(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tn.xlsx"
    assert (
        cli.main(
            [
                "export-xlsx",
                "--data",
                str(data),
                "--ward",
                "thu-nghiem",
                "--out",
                str(out),
                "--as-of",
                "2026-06-30",
            ]
        )
        == 0
    )
    assert cli.main(["import-xlsx", "--data", str(data), "--ward", "thu-nghiem", str(out)]) == 0
    assert "không có gì thay đổi" in capsys.readouterr().out
    wb = load_workbook(out)
    _set(wb[TARGETS_SHEET], _row_of(wb[TARGETS_SHEET], "id", "ho-ngheo"), "unit", "phần trăm")
    wb.save(out)
    assert cli.main(["import-xlsx", "--data", str(data), "--ward", "thu-nghiem", str(out)]) == 0
    assert "targets.yaml (1 thay đổi)" in capsys.readouterr().out
    assert (
        cli.main(["export-xlsx", "--data", str(data), "--ward", "khong-co", "--out", str(out)]) == 1
    )


@pytest.mark.parametrize("ward_id", REAL_WARDS)
def test_cli_export_xlsx_on_every_real_ward(tmp_path: Path, ward_id: str) -> None:
    out = tmp_path / f"{ward_id}.xlsx"
    assert (
        cli.main(
            ["export-xlsx", "--data", str(REPO_ROOT / "data"), "--ward", ward_id, "--out", str(out)]
        )
        == 0
    )
    assert TARGETS_SHEET in load_workbook(out).sheetnames


def test_cli_import_reports_cells(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = load_workbook(io.BytesIO(_export(data)))
    _set(wb[STATUS_SHEET], 4, "status", "xong")
    path = _save(wb, tmp_path / "bad.xlsx")
    assert cli.main(["import-xlsx", "--data", str(data), "--ward", "thu-nghiem", str(path)]) == 1
    err = capsys.readouterr().err
    assert "bad.xlsx:4:" in err and f"[{STATUS_SHEET}!" in err and "invalid-choice" in err


def test_every_excel_error_code_is_tested_here() -> None:
    from site_builder.errors import CODES

    source = Path(__file__).read_text(encoding="utf-8")
    untested = [c for c in CODES if c.startswith("xlsx-") and source.count(f'"{c}"') < 1]
    assert untested == []


def test_a_missing_workbook_is_a_message_not_a_traceback(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "khong-co.xlsx"
    with pytest.raises(DataErrors) as caught:
        import_workbook(data, "thu-nghiem", missing)
    assert [e.code for e in caught.value.errors] == ["xlsx-missing"]
    args = ["import-xlsx", "--data", str(data), "--ward", "thu-nghiem", str(missing)]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "xlsx-missing" in err and "khong-co.xlsx" in err


def _new_measurement_row(ws: Worksheet, cells: dict[str, object]) -> None:
    new = ws.max_row + 1
    for key, value in cells.items():
        _set(ws, new, key, value)


def test_first_measurement_of_a_real_target_from_the_workbook(tmp_path: Path) -> None:
    """A target with no series: a row naming it creates its series, rows after join it."""
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    wb = load_workbook(io.BytesIO(_export(data, "viet-hung")))
    targets = wb[TARGETS_SHEET]
    row = _row_of(targets, "id", "dan-so-dung-nuoc-sach")
    key = targets.cell(row, _column(targets, "series_key")).value
    assert key == "dan-so-dung-nuoc-sach"  # no series yet: the target's own id
    # A parent's values are its children's: it offers no key.
    parent = _row_of(targets, "id", "dieu-tra-kham-pha-an")
    assert targets.cell(parent, _column(targets, "series_key")).value is None
    obs = wb[OBSERVATIONS_SHEET]
    for period_, value in (("2025", "99,5"), ("2026", "99,7")):
        _new_measurement_row(
            obs,
            {
                "series": key,
                "period": period_,
                "value": value,
                "value_text": value,
                "source.document": "bc-chinh-tri-du-thao-2025",
                "source.quote": f"đạt {value}%",
            },
        )
    before = (data / "wards" / "viet-hung" / "series.yaml").read_text(encoding="utf-8")
    result = import_workbook(data, "viet-hung", _save(wb, tmp_path / "vh.xlsx"))
    assert result.changes == {"series.yaml": 1}
    after = (data / "wards" / "viet-hung" / "series.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # appended; every existing byte kept
    ward = load_dataset(data, ["viet-hung"]).wards[0]
    series = next(s for s in ward.series if s.id == key)
    assert (series.target, series.unit, series.area) == ("dan-so-dung-nuoc-sach", "%", None)
    assert [(o.period, o.value) for o in series.observations] == [("2025", 99.5), ("2026", 99.7)]
    # Exported again, the target offers its series, and the workbook matches the data.
    again = load_workbook(io.BytesIO(_export(data, "viet-hung")))
    row = _row_of(again[TARGETS_SHEET], "id", "dan-so-dung-nuoc-sach")
    assert again[TARGETS_SHEET].cell(row, _column(again[TARGETS_SHEET], "series_key")).value == key
    assert read_edits(_export(data, "viet-hung"), ward, Path("x.xlsx")).edits == {}


def test_a_measurement_for_a_parent_target_is_refused_at_its_cell(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    wb = load_workbook(io.BytesIO(_export(data, "viet-hung")))
    obs = wb[OBSERVATIONS_SHEET]
    _new_measurement_row(
        obs,
        {
            "series": "dieu-tra-kham-pha-an",
            "period": "2025",
            "value": "80",
            "source.document": "bc-chinh-tri-du-thao-2025",
            "source.quote": "q",
        },
    )
    before = _yaml(data / "wards" / "viet-hung")
    with pytest.raises(DataErrors) as caught:
        import_workbook(data, "viet-hung", _save(wb, tmp_path / "vh.xlsx"))
    assert [e.code for e in caught.value.errors] == ["series-parent-target"]
    assert caught.value.errors[0].field == f"{OBSERVATIONS_SHEET}!A{obs.max_row}"
    assert _yaml(data / "wards" / "viet-hung") == before


def test_milestones_sheet_adds_and_edits_project_milestones(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    ward = load_dataset(data, ["viet-hung"]).wards[0]
    project = ward.projects[0]
    wb = load_workbook(io.BytesIO(_export(data, "viet-hung")))
    sheet = wb[MILESTONES_SHEET]
    for when, text, done in (("01/03/2026", "Khởi công", "Đã đạt"), ("", "Bàn giao", "Chưa đạt")):
        _new_measurement_row(
            sheet,
            {
                "project": project.id,
                "date": when or None,
                "year": None if when else 2027,
                "text": text,
                "done": done,
                "source": "Báo cáo kiểm thử",
            },
        )
    result = import_workbook(data, "viet-hung", _save(wb, tmp_path / "vh.xlsx"))
    assert result.changes == {"projects.yaml": 2}
    after = next(
        p for p in load_dataset(data, ["viet-hung"]).wards[0].projects if p.id == project.id
    )
    assert [(m.date, m.year, m.text, m.done) for m in after.milestones] == [
        (date(2026, 3, 1), None, "Khởi công", True),
        (None, 2027, "Bàn giao", False),
    ]
    # Exported again, the rows are there with their keys; editing one changes that field.
    wb = load_workbook(io.BytesIO(_export(data, "viet-hung")))
    sheet = wb[MILESTONES_SHEET]
    row = _row_of(sheet, "text", "Bàn giao")
    assert sheet.cell(row, _column(sheet, "key.project")).value == project.id
    _set(sheet, row, "done", "Đã đạt")
    result = import_workbook(data, "viet-hung", _save(wb, tmp_path / "vh2.xlsx"))
    assert result.changes == {"projects.yaml": 1}
    after = next(
        p for p in load_dataset(data, ["viet-hung"]).wards[0].projects if p.id == project.id
    )
    assert after.milestones[1].done is True


def test_a_workbook_without_the_milestones_sheet_still_imports(data: Path, tmp_path: Path) -> None:
    """Workbooks handed out before the sheet existed."""
    wb = load_workbook(io.BytesIO(_export(data)))
    del wb[MILESTONES_SHEET]
    result = import_workbook(data, "thu-nghiem", _save(wb, tmp_path / "old.xlsx"))
    assert result.changes == {}


def test_a_measurement_added_through_the_workbook_reaches_the_built_page(tmp_path: Path) -> None:
    """Done criterion of issue 14: export, edit with openpyxl, import, build, read the page."""
    from bs4 import BeautifulSoup

    from site_builder.labels import t

    from .conftest import AS_OF as BUILD_AS_OF
    from .conftest import build_site

    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    target_id = "dan-so-dung-nuoc-sach"
    before = compute_ward(
        load_dataset(data, ["viet-hung"]).wards[0], date.fromisoformat(BUILD_AS_OF)
    )
    assert before.targets[target_id].status == "no_data"

    xlsx = tmp_path / "viet-hung.xlsx"
    assert (
        cli.main(["export-xlsx", "--data", str(data), "--ward", "viet-hung", "--out", str(xlsx)])
        == 0
    )
    wb = load_workbook(xlsx)
    targets = wb[TARGETS_SHEET]
    key = targets.cell(_row_of(targets, "id", target_id), _column(targets, "series_key")).value
    for period_, value in (("2025", "97"), ("2026", "98,5")):
        _new_measurement_row(
            wb[OBSERVATIONS_SHEET],
            {
                "series": key,
                "period": period_,
                "value": value,
                "value_text": value,
                "source.document": "bc-chinh-tri-du-thao-2025",
                "source.quote": f"đạt {value}%",
            },
        )
    wb.save(xlsx)
    assert cli.main(["import-xlsx", "--data", str(data), "--ward", "viet-hung", str(xlsx)]) == 0

    site = build_site(tmp_path / "site", data, data_wards=["viet-hung"], search_index=False)
    html = (site / "viet-hung" / "chi-tieu" / target_id / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    plot = page.select_one(".sb-chart__plot[data-chart]")
    assert plot is not None
    import json

    traces = json.loads(plot["data-chart"])["data"]
    measured = next(tr for tr in traces if tr["mode"] == "lines+markers")
    assert (measured["x"], measured["y"]) == ([2025.0, 2026.0], [97, 98.5])
    after = compute_ward(
        load_dataset(data, ["viet-hung"]).wards[0], date.fromisoformat(BUILD_AS_OF)
    )
    status = after.targets[target_id]
    assert status.status not in ("no_data", "not_measurable")
    badge = page.select_one(".sb-assessment .sb-status")
    assert badge is not None and t(f"status.{status.status}") in badge.get_text()
    assert "98,5%" in page.select_one(".sb-assessment__how").get_text()
