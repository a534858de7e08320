from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from site_builder.yamlread import read_yaml
from site_builder.yamlwrite import (
    Append,
    EditError,
    SetValue,
    apply_edits,
    expected_value,
    render_scalar,
)

from .conftest import FIXTURE_DATA, REPO_ROOT

DOC = """\
# yaml-language-server: $schema=../../schema/v1/series.schema.json
# a comment that must stay
series:
  # the first series
  - id: a
    name: "Tên có \\"ngoặc\\" và dấu"
    unit: "%"
    observations:
      - period: "2024"
        value: 1.5
        flags: [estimate]
        source:
          document: d
          quote: "một đoạn
            trích xuống dòng"   # trailing comment
  - id: b
    name: "B"
    observations: []
"""


def _read(text: str, tmp_path: Path) -> object:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    result = read_yaml(path)
    assert result.errors == []
    return result.value


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("Tỷ lệ", '"Tỷ lệ"'),
        ('a "b"', '"a \\"b\\""'),
        ("dòng\nmới", '"dòng\\nmới"'),
        ("\u2028", '"\\u2028"'),
        (2.0, "2"),
        (12.5, "12.5"),
        (1e-05, "0.00001"),
        (7, "7"),
        (True, "true"),
        (["estimate", "break"], "[estimate, break]"),
        (["yes", "Có"], '["yes", "Có"]'),
    ],
)
def test_render_scalar(value: object, text: str) -> None:
    assert render_scalar(value) == text


def test_ids_are_written_unquoted_only_for_id_keys() -> None:
    assert render_scalar("ctr-04-2025", "document") == "ctr-04-2025"
    assert render_scalar("ctr-04-2025", "name") == '"ctr-04-2025"'
    assert render_scalar("true", "status") == '"true"'


def test_rendered_scalars_read_back_as_written(tmp_path: Path) -> None:
    values = ["Uỷ ban", 'a "b" \\ c', "tab\there", "\x85 NEL", "- gạch đầu dòng", "5.000", 0.1]
    text = "".join(f"k{i}: {render_scalar(v)}\n" for i, v in enumerate(values))
    assert _read(text, tmp_path) == {f"k{i}": v for i, v in enumerate(values)}


def test_append_adds_only_new_lines_and_keeps_comments() -> None:
    item = {"period": "2025", "value": 2.0, "source": {"document": "d", "quote": "q"}}
    out = apply_edits(DOC, [Append(("series", 0, "observations"), item)])
    diff = [line for line in difflib.ndiff(DOC.splitlines(), out.splitlines()) if line[:1] in "+-"]
    assert diff == [
        '+       - period: "2025"',
        "+         value: 2",
        "+         source:",
        "+           document: d",
        '+           quote: "q"',
    ]


def test_append_to_empty_flow_list_turns_it_into_a_block(tmp_path: Path) -> None:
    out = apply_edits(
        DOC,
        [
            Append(("series", 1, "observations"), {"period": "2026"}),
            Append(("series", 1, "observations"), {"period": "2027"}),
        ],
    )
    assert out.endswith('    observations:\n      - period: "2026"\n      - period: "2027"\n')
    assert _read(out, tmp_path)["series"][1]["observations"] == [  # type: ignore[index]
        {"period": "2026"},
        {"period": "2027"},
    ]


def test_set_replaces_a_scalar_in_place_even_a_multiline_one(tmp_path: Path) -> None:
    edits = [
        SetValue(("series", 0, "observations", 0, "source", "quote"), "ngắn"),
        SetValue(("series", 0, "observations", 0, "value"), 1.25),
    ]
    out = apply_edits(DOC, edits)
    assert "# trailing comment" in out and 'quote: "ngắn"' in out and "value: 1.25" in out
    before = _read(DOC, tmp_path)
    assert _read(out, tmp_path) == expected_value(before, edits)


def test_set_inserts_a_missing_key_after_its_predecessor_in_order() -> None:
    order = ("id", "name", "unit", "area", "target", "link_note", "observations")
    out = apply_edits(DOC, [SetValue(("series", 0, "target"), "t", order)])
    assert '    unit: "%"\n    target: t\n    observations:' in out


def test_set_creates_a_missing_mapping_once_for_several_keys(tmp_path: Path) -> None:
    edits = [
        SetValue(("series", 1, "goal", "kind"), "level", ("id", "name", "goal")),
        SetValue(("series", 1, "goal", "value"), 3, ("id", "name", "goal")),
    ]
    out = apply_edits(DOC, edits)
    assert '    name: "B"\n    goal:\n      kind: level\n      value: 3\n' in out
    assert _read(out, tmp_path) == expected_value(_read(DOC, tmp_path), edits)


def test_set_none_removes_the_key_lines(tmp_path: Path) -> None:
    edits = [
        SetValue(("series", 0, "observations", 0, "source", "quote"), None),
        SetValue(("series", 0, "unit"), None),
    ]
    out = apply_edits(DOC, edits)
    assert "trích xuống dòng" not in out and "unit" not in out
    assert "# trailing comment" not in out  # the comment was on the removed value's line
    assert _read(out, tmp_path) == expected_value(_read(DOC, tmp_path), edits)


def test_set_a_list_in_a_flow_list() -> None:
    out = apply_edits(
        DOC, [SetValue(("series", 0, "observations", 0, "flags"), ["estimate", "preliminary"])]
    )
    assert "flags: [estimate, preliminary]" in out


def test_crlf_files_keep_crlf(tmp_path: Path) -> None:
    doc = DOC.replace("\n", "\r\n")
    out = apply_edits(doc, [Append(("series", 0, "observations"), {"period": "2030"})])
    assert "\n" not in out.replace("\r\n", "")
    assert _read(out, tmp_path)["series"][0]["observations"][-1] == {  # type: ignore[index]
        "period": "2030"
    }


@pytest.mark.parametrize(
    "edit",
    [
        SetValue(("series", 5, "name"), "x"),
        Append(("series", 0, "observations", 0, "flags"), {"a": 1}),
        SetValue((), "x"),
    ],
)
def test_impossible_edits_raise(edit: SetValue | Append) -> None:
    with pytest.raises(EditError):
        apply_edits(DOC, [edit])


def test_no_edit_is_the_identity_on_every_data_file() -> None:
    files = sorted((REPO_ROOT / "data" / "wards").glob("*/*.yaml"))
    files += sorted((FIXTURE_DATA / "wards").glob("*/*.yaml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert apply_edits(text, []) == text
        yaml.compose(text, Loader=yaml.SafeLoader)


def test_new_items_and_a_new_key_at_one_place_keep_the_items_inside(tmp_path: Path) -> None:
    order = ("id", "name", "observations", "zz")
    edits = [
        SetValue(("series", 0, "zz"), "z", order),
        Append(("series", 0, "observations"), {"period": "2031"}),
    ]
    out = apply_edits(DOC, edits)
    assert _read(out, tmp_path) == expected_value(_read(DOC, tmp_path), edits)


def test_items_of_a_list_and_a_new_list_at_one_place_keep_their_lists(tmp_path: Path) -> None:
    """A new list created after an existing one that ends at the same offset, in either order."""
    for first_new in (True, False):
        edits = [
            Append(("series", 0, "notes"), {"text": "new list"}),
            Append(("series", 0, "observations"), {"period": "2031"}),
        ]
        edits = edits if first_new else edits[::-1]
        out = apply_edits(DOC, edits)
        assert _read(out, tmp_path) == expected_value(_read(DOC, tmp_path), edits)
