from pathlib import Path

import pytest

from site_builder.yamlread import format_loc, read_yaml


def read(tmp_path: Path, text: str):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, Path("x.yaml"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: 02", "02"),  # a leading zero is printed text, not 2
        ("a: no", "no"),  # YAML 1.1 would say False
        ("a: yes", "yes"),
        ("a: 12:30", "12:30"),  # YAML 1.1 would say 750
        ("a: 2025-12-12", "2025-12-12"),  # dates stay text; the model parses them
        ("a: '5.000'", "5.000"),
        ('a: "2.10"', "2.10"),
        ("a: 5", 5),
        ("a: 12.5", 12.5),
        ("a: -3", -3),
        ("a: true", True),
        ("a: null", None),
        ("a:", None),
        ("a: Kiến An", "Kiến An"),
    ],
)
def test_scalars_follow_yaml_core_rules(tmp_path: Path, text: str, value: object) -> None:
    result = read(tmp_path, text)
    assert result.errors == []
    assert result.value == {"a": value}
    assert type(result.value["a"]) is type(value)


@pytest.mark.parametrize("number", ["5.000", "2.10", "1.250", "0.50"])
def test_decimal_ending_in_zero_is_refused(tmp_path: Path, number: str) -> None:
    result = read(tmp_path, f"a: {number}\n")
    [error] = result.errors
    assert (error.code, error.line, error.column, error.field) == (
        "yaml-ambiguous-number",
        1,
        4,
        "a",
    )
    assert number in error.message_vi


def test_positions_are_recorded_for_every_value(tmp_path: Path) -> None:
    result = read(tmp_path, 'items:\n  - name: "x"\n    value: 3\n')
    assert result.position(("items", 0, "value")) == (3, 12)
    assert result.positions[("items", 0, "name")].quoted
    # A path below a scalar falls back to the nearest recorded ancestor.
    assert result.position(("items", 0, "missing")) == (2, 5)


def test_duplicate_key_reports_both_lines(tmp_path: Path) -> None:
    result = read(tmp_path, "a: 1\nb: 2\na: 3\n")
    [error] = result.errors
    assert (error.code, error.line, error.params["first_line"]) == ("yaml-duplicate-key", 3, 1)


def test_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    result = read(tmp_path, "\n".join(lines) + "\n")
    assert result.errors
    assert {e.code for e in result.errors} == {"yaml-alias"}


def test_merge_key_is_refused(tmp_path: Path) -> None:
    result = read(tmp_path, "base: &b {x: 1}\nother:\n  <<: *b\n")
    assert "yaml-alias" in {e.code for e in result.errors}


def test_python_tag_is_refused(tmp_path: Path) -> None:
    result = read(tmp_path, "a: !!python/object/apply:os.system ['true']\n")
    assert [e.code for e in result.errors] == ["yaml-tag"]


def test_syntax_error_has_position(tmp_path: Path) -> None:
    result = read(tmp_path, "a: [1, 2\nb: 3\n")
    [error] = result.errors
    assert error.code == "yaml-syntax"
    assert error.line >= 2


def test_multiple_documents_are_refused(tmp_path: Path) -> None:
    result = read(tmp_path, "a: 1\n---\nb: 2\n")
    assert [e.code for e in result.errors] == ["yaml-multiple-documents"]


def test_empty_file(tmp_path: Path) -> None:
    assert [e.code for e in read(tmp_path, "# only a comment\n").errors] == ["file-empty"]


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("a: 'Kiến'\n".encode("cp1258", errors="replace") + b"\xff\xfe")
    assert [e.code for e in read_yaml(path).errors] == ["file-encoding"]


def test_oversized_file_is_refused_before_parsing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("site_builder.yamlread.MAX_FILE_BYTES", 10)
    assert [e.code for e in read(tmp_path, "a: 'long enough text'\n").errors] == ["file-too-large"]


@pytest.mark.parametrize(
    ("loc", "text"), [((), ""), (("a",), "a"), (("a", 0, "b"), "a[0].b"), (("a", 1, 2), "a[1][2]")]
)
def test_format_loc(loc: tuple, text: str) -> None:
    assert format_loc(loc) == text
