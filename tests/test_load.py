"""The loader: a valid ward loads; every kind of mistake is reported precisely, all at once.

The matrix below breaks a small valid ward one way at a time and checks the reported
file, line, column, field path and code, and that a build with the broken data leaves
the previous site untouched and prints no traceback.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from site_builder import cli, load
from site_builder.errors import CODES, DataErrors
from site_builder.load import load_dataset

WARD = textwrap.dedent("""\
    ward:
      id: mau
      name: "Mẫu"
      full_name: "Phường Mẫu"
      city: "Thành phố Mẫu"
      former_wards:
        - id: cu
          name: "Phường Cũ"
    organisations:
      - id: ubnd
        name: "Ủy ban nhân dân phường"
        aliases: ["UBND phường"]
    documents:
      - id: nq
        kind: resolution
        title: "Nghị quyết"
        number: "01-NQ/ĐH"
        date: "2025-08-09"
        issuer: "Đại hội"
        status: issued
    """)
TARGETS = textwrap.dedent("""\
    groups:
      - id: kinh-te
        code: "I"
        name: "Kinh tế"
    targets:
      - id: thu-ngan-sach
        group: kinh-te
        code: "1"
        name: "Thu ngân sách"
        unit: "tỷ đồng"
        value_text: "5.000"
        goal:
          kind: level
          comparator: ">="
          value: 5000
          year: 2030
          direction: higher
        lead_unit: "Uỷ ban nhân dân phường"
        sources:
          - document: nq
            quote: "Thu ngân sách 5.000 tỷ đồng"
    """)
PROJECTS = textwrap.dedent("""\
    tables:
      - id: bang-1
        number: "I"
        title: "Dự án"
        source: {document: nq, quote: "Dự án"}
    projects:
      - id: cau
        name: "Cầu"
        kind: work
        rows:
          - table: bang-1
            code: "1"
            name: "Cầu"
            source: {document: nq, quote: "Cầu"}
        related_targets: [thu-ngan-sach]
    """)
SERIES = textwrap.dedent("""\
    series:
      - id: thu
        name: "Thu ngân sách"
        area: cu
        target: thu-ngan-sach
        observations:
          - period: "2021"
            value: 100
            source: {document: nq, quote: "100"}
          - period: "2022"
            value: 120
            source: {document: nq, quote: "120"}
    """)
FILES = {
    "ward.yaml": WARD,
    "targets.yaml": TARGETS,
    "projects.yaml": PROJECTS,
    "series.yaml": SERIES,
}


def write_ward(root: Path, changes: dict[str, tuple[str, str]] | None = None) -> Path:
    """Write the valid ward, applying `{file: (old, new)}` text replacements."""
    folder = root / "data" / "wards" / "mau"
    folder.mkdir(parents=True)
    for name, text in FILES.items():
        if changes and name in changes:
            old, new = changes[name]
            assert old in text, f"case does not apply: {old!r}"
            text = text.replace(old, new, 1)
        (folder / name).write_text(text, encoding="utf-8")
    return root / "data"


def test_valid_ward_loads(tmp_path: Path) -> None:
    dataset = load_dataset(write_ward(tmp_path))
    [ward] = dataset.wards
    assert ward.ward.name == "Mẫu"
    assert ward.targets[0].goal.value == 5000
    assert ward.targets[0].value_text == "5.000"
    assert ward.organisation_for("UBND  phường").id == "ubnd"
    assert ward.organisation_for("Ủy ban nhân dân phường").id == "ubnd"
    assert ward.priority_tasks == ()  # tasks.yaml is optional


# (case id, {file: (old, new)}, expected (file, line, column, field, code))
MATRIX = [
    (
        "unknown-field",
        {"ward.yaml": ('  city: "Thành phố Mẫu"\n', '  city: "Thành phố Mẫu"\n  mayor: "X"\n')},
        ("ward.yaml", 6, 10, "ward.mayor", "unknown-field"),
    ),
    (
        "missing-field",
        {"targets.yaml": ('    name: "Thu ngân sách"\n', "")},
        ("targets.yaml", 6, 5, "targets[0].name", "missing-field"),
    ),
    (
        "wrong-type-year",
        {"targets.yaml": ("year: 2030", 'year: "năm 2030"')},
        ("targets.yaml", 16, 13, "targets[0].goal.year", "wrong-type"),
    ),
    (
        "unquoted-number-as-text",
        {"targets.yaml": ('code: "1"', "code: 1")},
        ("targets.yaml", 8, 11, "targets[0].code", "text-needs-quotes"),
    ),
    (
        "ambiguous-number",
        {"targets.yaml": ('value_text: "5.000"', "value_text: 5.000")},
        ("targets.yaml", 11, 17, "targets[0].value_text", "yaml-ambiguous-number"),
    ),
    (
        "invalid-choice",
        {"targets.yaml": ("kind: level", "kind: muc")},
        ("targets.yaml", 13, 13, "targets[0].goal.kind", "invalid-choice"),
    ),
    (
        "range-without-bounds",
        {"targets.yaml": ('comparator: ">="', 'comparator: "range"')},
        ("targets.yaml", 13, 7, "targets[0].goal", "invalid-value"),
    ),
    (
        "bad-id",
        {"projects.yaml": ("  - id: cau", "  - id: Cầu Mới")},
        ("projects.yaml", 7, 9, "projects[0].id", "invalid-value"),
    ),
    (
        "bad-date",
        {"ward.yaml": ('date: "2025-08-09"', 'date: "9 tháng 8"')},
        ("ward.yaml", 18, 11, "documents[0].date", "invalid-value"),
    ),
    (
        "duplicate-key",
        {"ward.yaml": ('  name: "Mẫu"\n', '  name: "Mẫu"\n  name: "Mẫu 2"\n')},
        ("ward.yaml", 4, 3, "ward.name", "yaml-duplicate-key"),
    ),
    (
        "alias",
        {
            "targets.yaml": (
                "    sources:\n",
                '    partners: &p "UBND"\n    lead_orgs: *p\n    sources:\n',
            )
        },
        ("targets.yaml", 19, 15, "targets[0].lead_orgs", "yaml-alias"),
    ),
    (
        "syntax",
        {"series.yaml": ("value: 100", "value: [100")},
        ("series.yaml", 9, 15, "", "yaml-syntax"),
    ),
    (
        "tab-indentation",
        {"projects.yaml": ("    kind: work", "\tkind: work")},
        ("projects.yaml", 9, 1, "", "yaml-syntax"),
    ),
    (
        "python-tag",
        {"ward.yaml": ('issuer: "Đại hội"', "issuer: !!python/name:os.system")},
        ("ward.yaml", 19, 13, "documents[0].issuer", "yaml-tag"),
    ),
    (
        "duplicate-id",
        {
            "targets.yaml": (
                "    sources:\n",
                '    children:\n      - id: thu-ngan-sach\n        name: "Con"\n        goal: {kind: qualitative}\n        sources: [{document: nq, quote: "x"}]\n    sources:\n',
            )
        },
        ("targets.yaml", 20, 13, "targets[0].children[0].id", "duplicate-id"),
    ),
    (
        "unknown-organisation",
        {"targets.yaml": ('lead_unit: "Uỷ ban nhân dân phường"', 'lead_unit: "Ban Quản lý dự án"')},
        ("targets.yaml", 18, 16, "targets[0].lead_unit", "unknown-organisation"),
    ),
    (
        "unknown-document",
        {
            "projects.yaml": (
                'source: {document: nq, quote: "Cầu"}',
                'source: {document: nq2, quote: "Cầu"}',
            )
        },
        ("projects.yaml", 14, 28, "projects[0].rows[0].source.document", "unknown-reference"),
    ),
    (
        "unknown-target",
        {"projects.yaml": ("related_targets: [thu-ngan-sach]", "related_targets: [thu-ngan]")},
        ("projects.yaml", 15, 23, "projects[0].related_targets[0]", "unknown-reference"),
    ),
    (
        "unknown-former-ward",
        {"series.yaml": ("area: cu", "area: moi")},
        ("series.yaml", 4, 11, "series[0].area", "unknown-reference"),
    ),
    (
        "duplicate-period",
        {"series.yaml": ('period: "2022"', 'period: "2021"')},
        ("series.yaml", 10, 17, "series[0].observations[1].period", "duplicate-period"),
    ),
    (
        "bad-period",
        {"series.yaml": ('period: "2022"', 'period: "22/2022"')},
        ("series.yaml", 10, 17, "series[0].observations[1].period", "invalid-value"),
    ),
    (
        "impossible-date-period",
        {"series.yaml": ('period: "2022"', 'period: "2025-13-45"')},
        ("series.yaml", 10, 17, "series[0].observations[1].period", "invalid-value"),
    ),
    (
        "february-30",
        {"series.yaml": ('period: "2022"', 'period: "2026-02-30"')},
        ("series.yaml", 10, 17, "series[0].observations[1].period", "invalid-value"),
    ),
    (
        "month-13",
        {"series.yaml": ('period: "2022"', 'period: "2026-13"')},
        ("series.yaml", 10, 17, "series[0].observations[1].period", "invalid-value"),
    ),
    (
        "impossible-document-date",
        {"ward.yaml": ('date: "2025-08-09"', 'date: "31/02/2025"')},
        ("ward.yaml", 18, 11, "documents[0].date", "invalid-value"),
    ),
    (
        "goal-year-outside-term",
        {"targets.yaml": ("year: 2030", "year: 2035")},
        ("targets.yaml", 16, 13, "targets[0].goal.year", "outside-term"),
    ),
    (
        "target-measured-after-term",
        {"series.yaml": ('period: "2022"', 'period: "2032"')},
        ("series.yaml", 10, 17, "series[0].observations[1].period", "outside-term"),
    ),
    (
        "monthly-level",
        {"targets.yaml": ("kind: level", "kind: level\n      frequency: monthly")},
        ("targets.yaml", 13, 7, "targets[0].goal", "invalid-value"),
    ),
    (
        "rank-with-higher",
        {"targets.yaml": ("value: 5000", "value: 5000\n      rank_of: 114")},
        ("targets.yaml", 13, 7, "targets[0].goal", "invalid-value"),
    ),
    (
        "folder-mismatch",
        {"ward.yaml": ("  id: mau", "  id: mau-khac")},
        ("ward.yaml", 2, 7, "ward.id", "ward-folder-mismatch"),
    ),
    (
        "empty-name",
        {"ward.yaml": ('  name: "Mẫu"', '  name: ""')},
        ("ward.yaml", 3, 9, "ward.name", "invalid-value"),
    ),
]


@pytest.mark.parametrize(("case", "changes", "expected"), MATRIX, ids=[m[0] for m in MATRIX])
def test_broken_data_is_located_exactly(tmp_path: Path, case: str, changes, expected) -> None:
    data = write_ward(tmp_path, changes)
    with pytest.raises(DataErrors) as info:
        load_dataset(data)
    errors = info.value.errors
    file, line, column, field, code = expected
    found = [(e.file.name, e.line, e.column, e.field, e.code) for e in errors]
    assert (file, line, column, field, code) in found, found
    for error in errors:
        assert error.file.as_posix().startswith("data/wards/mau/")
        assert error.message_vi and error.message_en and error.fix_vi


@pytest.mark.parametrize(("case", "changes", "expected"), MATRIX, ids=[m[0] for m in MATRIX])
def test_broken_data_leaves_site_unchanged_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, changes, expected
) -> None:
    data = write_ward(tmp_path, changes)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    code = cli.main(["build", "--data", str(data), "--site-dir", str(site)])
    out = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out.err + out.out
    assert f"{expected[4]}" in out.err
    assert f"{expected[0]}:{expected[1]}:{expected[2]}" in out.err
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"


_VIETNAMESE = re.compile(r"[À-ỹđĐ]")


@pytest.mark.parametrize(("case", "changes", "expected"), MATRIX, ids=[m[0] for m in MATRIX])
def test_each_message_is_in_one_language(tmp_path: Path, case: str, changes, expected) -> None:
    """The data's own text may be Vietnamese; the words the program adds may not mix."""
    with pytest.raises(DataErrors) as info:
        load_dataset(write_ward(tmp_path, changes))
    for error in info.value.errors:
        own_text = [str(v) for v in error.params.values() if isinstance(v, str | int)]
        english, vietnamese = error.message_en, error.message_vi
        for text in own_text:
            english, vietnamese = english.replace(text, "…"), vietnamese.replace(text, "…")
        # Data text quoted inside a detail ("'Cầu Mới' has the wrong form") is the data's.
        english, vietnamese = re.sub(r"'[^']*'", "…", english), re.sub(r"'[^']*'", "…", vietnamese)
        assert not _VIETNAMESE.search(english), error.message_en
        assert not re.search(r"\b(or|and|needs?|must)\b", vietnamese), error.message_vi


def test_all_errors_are_reported_together(tmp_path: Path) -> None:
    data = write_ward(
        tmp_path,
        {
            "ward.yaml": ('  name: "Mẫu"\n', '  name: "Mẫu"\n  bogus: 1\n'),
            "series.yaml": ('period: "2022"', 'period: "2021"'),
        },
    )
    (data / "wards" / "mau" / "targets.yaml").write_text(
        TARGETS.replace('code: "1"', "code: 1").replace("kind: level", "kind: x"), encoding="utf-8"
    )
    with pytest.raises(DataErrors) as info:
        load_dataset(data)
    codes = sorted(e.code for e in info.value.errors)
    assert codes == ["invalid-choice", "text-needs-quotes", "unknown-field"]


def test_missing_ward_file(tmp_path: Path) -> None:
    (tmp_path / "data" / "wards" / "rong").mkdir(parents=True)
    with pytest.raises(DataErrors) as info:
        load_dataset(tmp_path / "data")
    [error] = info.value.errors
    assert (error.code, error.file.as_posix()) == ("file-missing", "data/wards/rong/ward.yaml")


def test_only_selected_wards_are_loaded(tmp_path: Path) -> None:
    data = write_ward(tmp_path)
    (data / "wards" / "khac").mkdir()  # broken, but not selected
    assert [w.ward.id for w in load_dataset(data, ["mau"]).wards] == ["mau"]


def test_every_error_code_is_tested_or_documented() -> None:
    tested = {m[2][4] for m in MATRIX} | {
        "file-missing",
        "file-empty",
        "file-encoding",
        "file-too-large",
        "yaml-multiple-documents",
    }
    excel = {code for code in CODES if code.startswith("xlsx-")}  # tests/test_excel.py
    edit = {"series-parent-target"}  # tests/test_edit.py, tests/test_excel.py
    assert set(CODES) <= tested | excel | edit | {"yaml-ambiguous-number"}


def test_a_baseline_must_name_a_known_target(tmp_path: Path) -> None:
    import shutil

    from .conftest import REPO_ROOT

    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data" / "wards" / "viet-hung", data / "wards" / "viet-hung")
    shutil.copy(REPO_ROOT / "data" / "indicators.yaml", data / "indicators.yaml")
    series = data / "wards" / "viet-hung" / "series.yaml"
    text = series.read_text(encoding="utf-8")
    series.write_text(text.replace("baseline_for: giao-vien-dat-chuan", "baseline_for: khong-co"))
    with pytest.raises(DataErrors) as info:
        load_dataset(data)
    [error] = info.value.errors
    assert (error.code, error.file.name, error.params["id"]) == (
        "unknown-reference",
        "series.yaml",
        "khong-co",
    )
    assert error.field.endswith(".baseline_for")
    assert text.splitlines()[error.line - 1].strip().startswith("baseline_for:")


def test_an_unknown_indicator_code_is_located(tmp_path: Path) -> None:
    import shutil

    from .conftest import REPO_ROOT

    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data" / "wards" / "viet-hung", data / "wards" / "viet-hung")
    indicators = (REPO_ROOT / "data" / "indicators.yaml").read_text(encoding="utf-8")
    # Without its indicator list every code is unknown; with a duplicated code, that too.
    (data / "indicators.yaml").write_text(
        indicators.replace("  - code: nuoc-sach", "  - code: ty-le-bhyt"), encoding="utf-8"
    )
    with pytest.raises(DataErrors) as info:
        load_dataset(data)
    errors = {(e.file.name, e.code, e.field) for e in info.value.errors}
    assert ("indicators.yaml", "duplicate-id", "indicators[3].code") in errors
    unknown = [e for e in info.value.errors if e.code == "unknown-reference"]
    assert [(e.file.name, e.params["id"]) for e in unknown] == [("targets.yaml", "nuoc-sach")]
    assert unknown[0].field.endswith(".indicator") and unknown[0].line > 1
    assert "indicators.yaml" in unknown[0].format()


def test_real_indicator_codes_are_shared_by_two_wards_at_least() -> None:
    from .conftest import REPO_ROOT

    dataset = load_dataset(REPO_ROOT / "data")
    wards_of: dict[str, set[str]] = {}

    def walk(ward_id: str, targets) -> None:
        for target in targets:
            if target.indicator:
                wards_of.setdefault(target.indicator, set()).add(ward_id)
            walk(ward_id, target.children)

    for ward in dataset.wards:
        walk(ward.ward.id, ward.targets)
    assert set(wards_of) == {i.code for i in dataset.indicators}
    assert all(len(w) >= 2 for w in wards_of.values()), wards_of


def test_forked_workers_load_the_same_wards_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "_LEAST_WARDS", 1)  # fork even for the four real wards
    real = Path(__file__).resolve().parents[1] / "data"
    one, two = load_dataset(real, processes=1), load_dataset(real, processes=2)
    assert two == one and len(two.wards) >= 4
    assert all(w.indicators is two.indicators for w in two.wards)
    # The same errors, in the same order, from workers: copies in folders whose name is
    # not the ward's id, and a ward with a broken file.
    data = tmp_path / "data"
    shutil.copytree(real, data)
    first = sorted((data / "wards").iterdir())[0]
    for n in range(3):
        shutil.copytree(first, data / "wards" / f"ban-sao-{n}")
    (first / "targets.yaml").write_text("targets: [\n", encoding="utf-8")
    with pytest.raises(DataErrors) as serial:
        load_dataset(data, processes=1)
    with pytest.raises(DataErrors) as forked:
        load_dataset(data, processes=2)
    assert forked.value.report() == serial.value.report()
    assert "targets.yaml" in serial.value.report()
