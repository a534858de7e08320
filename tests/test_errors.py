import string
from pathlib import Path

import pytest

from site_builder.errors import CODES, DataError, DataErrors

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_consistent_placeholders(code: str) -> None:
    entry = CODES[code]
    fields = {
        name
        for text in (entry.vi, entry.en)
        for _, name, _, _ in string.Formatter().parse(text)
        if name
    }
    fix_fields = {name for _, name, _, _ in string.Formatter().parse(entry.fix_vi) if name}
    assert fix_fields <= fields


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_documented_for_staff(code: str) -> None:
    text = (DOCS / "staff" / "loi.md").read_text(encoding="utf-8")
    assert f"`{code}`" in text


def test_error_line_is_editor_friendly() -> None:
    error = DataError(
        Path("data/wards/x/ward.yaml"), 3, 9, "ward.name", "missing-field", {"name": "name"}
    )
    assert error.format("en") == (
        "data/wards/x/ward.yaml:3:9: missing-field [ward.name]: Required field 'name' is missing"
    )
    assert error.format("vi").startswith(
        "data/wards/x/ward.yaml:3:9: missing-field [ward.name]: Thiếu"
    )
    assert "Cách sửa" in error.format("vi")


def test_errors_are_sorted_by_file_and_position() -> None:
    e1 = DataError(Path("b.yaml"), 1, 1, "", "file-empty")
    e2 = DataError(Path("a.yaml"), 9, 1, "", "file-empty")
    e3 = DataError(Path("a.yaml"), 2, 5, "", "file-empty")
    errors = DataErrors([e1, e2, e3])
    assert errors.errors == [e3, e2, e1]
    assert errors.report().startswith("Dữ liệu có 3 lỗi")
