from __future__ import annotations

import difflib
import shutil
from datetime import date
from pathlib import Path

import pytest

from site_builder import cli
from site_builder.edit import add_measurement, add_status
from site_builder.errors import DataErrors
from site_builder.load import load_dataset

from .conftest import FIXTURE_DATA, REPO_ROOT

REAL_WARDS = sorted(p.name for p in (REPO_ROOT / "data" / "wards").iterdir() if p.is_dir())


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    return data


@pytest.fixture(scope="module")
def real_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data/, copied once for this module (each test edits other items)."""
    data = tmp_path_factory.mktemp("real") / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    return data


def _only_inserted(before: str, after: str) -> list[str]:
    """The added lines; fails if any existing line changed or moved."""
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    added: list[str] = []
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), tag
        if tag == "insert":
            added += after.splitlines()[j1:j2]
    return added


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


def test_adding_a_measurement_changes_only_the_added_lines(fixture_copy: Path) -> None:
    series = fixture_copy / "wards" / "thu-nghiem" / "series.yaml"
    before = series.read_text(encoding="utf-8")
    written = add_measurement(
        fixture_copy,
        "thu-nghiem",
        "ho-ngheo-ca-phuong",
        period="2027",
        value=1.4,
        value_text="1,4",
        document="ctr-02-2025",
        quote="năm 2027: 1,4% (hư cấu)",
        section="Phụ lục 4",
        flags=["preliminary"],
    )
    after = series.read_text(encoding="utf-8")
    assert _only_inserted(before, after) == [
        '      - period: "2027"',
        "        value: 1.4",
        '        value_text: "1,4"',
        "        source:",
        "          document: ctr-02-2025",
        '          section: "Phụ lục 4"',
        '          quote: "năm 2027: 1,4% (hư cấu)"',
        "        flags: [preliminary]",
    ]
    assert after.startswith("# yaml-language-server: $schema=")
    assert written.lines == (after.splitlines().index('      - period: "2027"') + 1,)
    ward = load_dataset(fixture_copy).wards[0]
    obs = next(s for s in ward.series if s.id == "ho-ngheo-ca-phuong").observations[-1]
    assert (obs.period, obs.value, obs.flags) == ("2027", 1.4, ["preliminary"])


def test_adding_a_status_changes_only_the_added_lines(fixture_copy: Path) -> None:
    projects = fixture_copy / "wards" / "thu-nghiem" / "projects.yaml"
    before = projects.read_text(encoding="utf-8")
    add_status(
        fixture_copy,
        "thu-nghiem",
        "nha-van-hoa-mau",
        when=date(2026, 9, 1),
        status="in_progress",
        source="Thông báo số 9/TB-UBND (hư cấu)",
        note="Tiếp tục thi công.",
    )
    added = _only_inserted(before, projects.read_text(encoding="utf-8"))
    assert added == [
        '      - date: "2026-09-01"',
        "        status: in_progress",
        '        source: "Thông báo số 9/TB-UBND (hư cấu)"',
        '        note: "Tiếp tục thi công."',
    ]


def test_a_project_without_history_gets_one(fixture_copy: Path) -> None:
    add_status(
        fixture_copy,
        "thu-nghiem",
        "de-an-chuyen-doi-so-mau",
        when=date(2026, 5, 1),
        status="not_started",
        source="Báo cáo (hư cấu)",
    )
    project = next(
        p for p in load_dataset(fixture_copy).wards[0].projects if p.id == "de-an-chuyen-doi-so-mau"
    )
    assert [c.status for c in project.status_history] == ["not_started"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"period": "2026"}, "duplicate-period"),
        ({"document": "khong-co"}, "unknown-reference"),
        ({"quote": ""}, "missing-field"),
    ],
)
def test_a_bad_measurement_writes_nothing_and_says_where(
    fixture_copy: Path, changes: dict, code: str
) -> None:
    folder = fixture_copy / "wards" / "thu-nghiem"
    before = _snapshot(folder)
    args = {
        "period": "2027",
        "value": 1.0,
        "value_text": "1",
        "document": "ctr-02-2025",
        "quote": "q",
        **changes,
    }
    with pytest.raises(DataErrors) as caught:
        add_measurement(fixture_copy, "thu-nghiem", "ho-ngheo-ca-phuong", **args)
    assert [e.code for e in caught.value.errors] == [code]
    error = caught.value.errors[0]
    assert error.file.as_posix() == "data/wards/thu-nghiem/series.yaml"
    assert error.line > 1
    assert _snapshot(folder) == before
    assert not list(folder.glob(".*.tmp"))


def test_an_unknown_series_or_project_is_reported(fixture_copy: Path) -> None:
    with pytest.raises(DataErrors) as caught:
        add_measurement(
            fixture_copy,
            "thu-nghiem",
            "khong-co",
            period="2027",
            value=1.0,
            value_text=None,
            document="ctr-02-2025",
            quote="q",
        )
    assert caught.value.errors[0].code == "unknown-reference"
    assert caught.value.errors[0].field == "--series"
    with pytest.raises(DataErrors) as caught:
        add_status(
            fixture_copy,
            "thu-nghiem",
            "khong-co",
            when=date(2026, 1, 1),
            status="completed",
            source="x",
        )
    assert caught.value.errors[0].field == "--project"


def test_an_unknown_ward_is_reported(fixture_copy: Path) -> None:
    with pytest.raises(DataErrors) as caught:
        add_status(
            fixture_copy, "khong-co", "x", when=date(2026, 1, 1), status="completed", source="x"
        )
    assert caught.value.errors[0].code == "file-missing"


def test_broken_data_is_reported_before_any_edit(fixture_copy: Path) -> None:
    targets = fixture_copy / "wards" / "thu-nghiem" / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace('code: "II.1"', "code: 5"), encoding="utf-8"
    )
    series = (fixture_copy / "wards" / "thu-nghiem" / "series.yaml").read_bytes()
    with pytest.raises(DataErrors) as caught:
        add_measurement(
            fixture_copy,
            "thu-nghiem",
            "ho-ngheo-ca-phuong",
            period="2027",
            value=1.0,
            value_text=None,
            document="ctr-02-2025",
            quote="q",
        )
    assert caught.value.errors[0].file.name == "targets.yaml"
    assert (fixture_copy / "wards" / "thu-nghiem" / "series.yaml").read_bytes() == series


@pytest.mark.parametrize("ward_id", REAL_WARDS)
def test_add_status_on_every_real_ward(real_copy: Path, ward_id: str) -> None:
    ward = load_dataset(real_copy, [ward_id]).wards[0]
    if not ward.projects:
        pytest.skip("this ward lists no project")
    projects = real_copy / "wards" / ward_id / "projects.yaml"
    before = projects.read_text(encoding="utf-8")
    code = cli.main(
        [
            "add-status",
            "--data",
            str(real_copy),
            "--ward",
            ward_id,
            "--project",
            ward.projects[0].id,
            "--date",
            "15/01/2026",
            "--status",
            "in_progress",
            "--source",
            "Báo cáo kiểm thử",
        ]
    )
    assert code == 0
    added = _only_inserted(before, projects.read_text(encoding="utf-8"))
    assert added[-3:] == [
        '      - date: "2026-01-15"',
        "        status: in_progress",
        '        source: "Báo cáo kiểm thử"',
    ]
    assert added[:-3] in ([], ["    status_history:"])  # the key, when it was missing
    after = load_dataset(real_copy, [ward_id]).wards[0].projects[0]
    assert after.status_history[-1].date == date(2026, 1, 15)


@pytest.mark.parametrize("ward_id", REAL_WARDS)
def test_add_measurement_on_every_real_ward(
    real_copy: Path, ward_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ward = load_dataset(real_copy, [ward_id]).wards[0]
    series_file = real_copy / "wards" / ward_id / "series.yaml"
    before = series_file.read_bytes()
    document = ward.documents[0].id
    if not ward.series:
        # Nothing to add to: the command names the problem and writes nothing.
        code = cli.main(
            [
                "add-measurement",
                "--data",
                str(real_copy),
                "--ward",
                ward_id,
                "--series",
                "khong-co",
                "--period",
                "2026",
                "--value",
                "1",
                "--document",
                document,
                "--quote",
                "q",
            ]
        )
        assert code == 1 and "unknown-reference" in capsys.readouterr().err
        assert series_file.read_bytes() == before
        return
    series = ward.series[0]
    used = {o.period for o in series.observations}
    period = next(str(y) for y in range(2090, 2100) if str(y) not in used)
    code = cli.main(
        [
            "add-measurement",
            "--data",
            str(real_copy),
            "--ward",
            ward_id,
            "--series",
            series.id,
            "--period",
            period,
            "--value",
            "1.5",
            "--value-text",
            "1,5",
            "--document",
            document,
            "--quote",
            "trích dẫn",
        ]
    )
    assert code == 0
    assert f"số liệu kỳ {period}" in capsys.readouterr().out
    added = _only_inserted(before.decode("utf-8"), series_file.read_text(encoding="utf-8"))
    assert f'period: "{period}"' in added[0] and len(added) == 6


def test_cli_refuses_a_bad_period_and_a_missing_value(
    fixture_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = [
        "add-measurement",
        "--data",
        str(fixture_copy),
        "--ward",
        "thu-nghiem",
        "--series",
        "ho-ngheo-ca-phuong",
        "--document",
        "ctr-02-2025",
        "--quote",
        "q",
    ]
    with pytest.raises(SystemExit) as caught:
        cli.main([*common, "--period", "2026-13", "--value", "1"])
    assert caught.value.code == 2
    assert cli.main([*common, "--period", "2027"]) == 2
    assert "--value" in capsys.readouterr().err


def test_cli_reports_a_duplicate_period_and_writes_nothing(
    fixture_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(fixture_copy / "wards" / "thu-nghiem")
    code = cli.main(
        [
            "add-measurement",
            "--data",
            str(fixture_copy),
            "--ward",
            "thu-nghiem",
            "--series",
            "ho-ngheo-ca-phuong",
            "--period",
            "2026",
            "--value",
            "1",
            "--document",
            "ctr-02-2025",
            "--quote",
            "q",
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and "duplicate-period" in err and "Không tệp dữ liệu nào bị sửa" in err
    assert _snapshot(fixture_copy / "wards" / "thu-nghiem") == before


def test_cli_add_status_rejects_an_unknown_status(fixture_copy: Path) -> None:
    with pytest.raises(SystemExit):
        cli.main(
            [
                "add-status",
                "--data",
                str(fixture_copy),
                "--ward",
                "thu-nghiem",
                "--project",
                "nha-van-hoa-mau",
                "--date",
                "2026-01-01",
                "--status",
                "xong",
                "--source",
                "x",
            ]
        )


def _first_unmeasured_target(ward_id: str, data: Path) -> str:
    """A target of the ward with a goal and no series measuring it yet."""
    ward = load_dataset(data, [ward_id]).wards[0]
    measured = {s.target for s in ward.series}
    return next(t.id for t in ward.targets if t.goal is not None and t.id not in measured)


@pytest.mark.parametrize("ward_id", REAL_WARDS)
def test_first_measurement_of_a_real_target_creates_its_series(
    real_copy: Path, ward_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--series <target id>`: the first measurement creates the whole-ward series."""
    target_id = _first_unmeasured_target(ward_id, real_copy)
    series_file = real_copy / "wards" / ward_id / "series.yaml"
    before = series_file.read_text(encoding="utf-8")
    args = ["add-measurement", "--data", str(real_copy), "--ward", ward_id]
    args += ["--series", target_id, "--period", "2025", "--value", "42.5", "--value-text", "42,5"]
    args += ["--document", "bao-cao-kiem-thu", "--quote", "đạt 42,5"]
    document = load_dataset(real_copy, [ward_id]).wards[0].documents[0].id
    args[args.index("bao-cao-kiem-thu")] = document
    assert cli.main(args) == 0, capsys.readouterr().err
    after = series_file.read_text(encoding="utf-8")
    if before.rstrip().endswith("series: []"):  # an empty flow list becomes a block list
        assert after.startswith(before.rstrip()[: -len(" []")])
    else:
        _only_inserted(before, after)
    ward = load_dataset(real_copy, [ward_id]).wards[0]
    series = next(s for s in ward.series if s.id == target_id)
    target = next(t for t in ward.targets if t.id == target_id)
    assert (series.target, series.name, series.unit, series.area) == (
        target_id,
        target.name,
        target.unit,
        None,
    )
    assert [(o.period, o.value) for o in series.observations] == [("2025", 42.5)]
    # The second measurement goes to the same series.
    args[args.index("2025")] = "2026"
    assert cli.main(args) == 0
    ward = load_dataset(real_copy, [ward_id]).wards[0]
    assert [s.id for s in ward.series].count(target_id) == 1
    assert [o.period for o in next(s for s in ward.series if s.id == target_id).observations] == [
        "2025",
        "2026",
    ]


def test_a_parent_target_takes_no_measurement(
    real_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    series_file = real_copy / "wards" / "viet-hung" / "series.yaml"
    before = series_file.read_bytes()
    args = ["add-measurement", "--data", str(real_copy), "--ward", "viet-hung"]
    args += ["--series", "dieu-tra-kham-pha-an", "--period", "2025", "--value", "80"]
    args += ["--document", "bc-chinh-tri-du-thao-2025", "--quote", "q"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "series-parent-target" in err and "ty-le-dieu-tra-kham-pha" in err
    assert series_file.read_bytes() == before


@pytest.mark.parametrize("ward_id", REAL_WARDS)
def test_add_status_records_a_milestone_with_or_without_a_status(
    real_copy: Path, ward_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ward = load_dataset(real_copy, [ward_id]).wards[0]
    project = ward.projects[-1]
    projects = real_copy / "wards" / ward_id / "projects.yaml"
    before = projects.read_text(encoding="utf-8")
    base = ["add-status", "--data", str(real_copy), "--ward", ward_id, "--project", project.id]
    base += ["--source", "Báo cáo kiểm thử"]
    assert cli.main([*base, "--date", "01/03/2026", "--milestone", "Khởi công"]) == 0
    assert "mốc “Khởi công”" in capsys.readouterr().out
    args = [*base, "--date", "30/06/2027", "--milestone", "Hoàn thành", "--planned"]
    assert cli.main([*args, "--status", "in_progress"]) == 0
    _only_inserted(before, projects.read_text(encoding="utf-8"))
    after = next(
        p for p in load_dataset(real_copy, [ward_id]).wards[0].projects if p.id == project.id
    )
    assert [(m.date, m.text, m.done) for m in after.milestones[-2:]] == [
        (date(2026, 3, 1), "Khởi công", True),
        (date(2027, 6, 30), "Hoàn thành", False),
    ]
    assert after.status_history[-1].status == "in_progress"
    assert len(after.status_history) == len(project.status_history) + 1


def test_add_status_needs_a_status_or_a_milestone(
    fixture_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["add-status", "--data", str(fixture_copy), "--ward", "thu-nghiem"]
    args += ["--project", "nha-van-hoa-mau", "--date", "01/03/2026", "--source", "x"]
    assert cli.main(args) == 2
    assert "--milestone" in capsys.readouterr().err
