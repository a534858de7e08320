"""Read one YAML file into plain values and the position of every value.

PyYAML's constructors change what staff wrote (`5.000` becomes 5.0, `02` becomes 2,
`no` becomes False, `12:30` becomes 750), keep the last of two duplicate keys and
expand anchors into shared references. So we only *compose* with the C loader, which
keeps a line and column on every node, and turn nodes into values ourselves with the
YAML 1.2 core rules: plain `true`/`false`, `null`, integers without leading zeros and
decimal numbers are typed; everything else, and everything quoted, stays text.
Numbers that read differently in Vietnamese notation are refused (see `_AMBIGUOUS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

# Path of a value inside a document: keys and list indexes from the root.
Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 5_000_000

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
# "5.000" is five thousand in Vietnamese notation and five in YAML; "2.10" looks
# like a version. A decimal ending in zero is refused rather than guessed.
_AMBIGUOUS = re.compile(r"[-+]?[0-9]+\.[0-9]*0")
# Plain scalars YAML 1.1 would turn into booleans, times or octal numbers: kept as
# text but flagged when a text field is not what the schema wants.
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:merge",
}


@dataclass
class ScalarInfo:
    """Where a scalar stands and how it was written."""

    line: int
    column: int
    text: str
    quoted: bool


@dataclass
class ReadResult:
    """The plain value of a document, positions by path, and problems found."""

    value: Any = None
    positions: dict[Loc, ScalarInfo] = field(default_factory=dict)
    errors: list[DataError] = field(default_factory=list)

    def position(self, loc: Loc) -> tuple[int, int]:
        """Line and column of `loc`, or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            info = self.positions.get(loc[:end])
            if info is not None:
                return info.line, info.column
        return 1, 1


def _plain_value(text: str) -> Any:
    """Type a plain scalar by the YAML 1.2 core schema (no yes/no, octal or sexagesimal)."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def format_loc(loc: Loc) -> str:
    """`("targets", 3, "name")` -> `targets[3].name`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Converter:
    """Turns a composed node tree into plain values, recording positions and problems."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.result = ReadResult()
        self._seen: set[int] = set()

    def error(self, node: yaml.Node, loc: Loc, code: str, /, **params: object) -> None:
        mark = node.start_mark
        self.result.errors.append(
            DataError(self.path, mark.line + 1, mark.column + 1, format_loc(loc), code, params)
        )

    def convert(self, node: yaml.Node, loc: Loc) -> Any:
        if id(node) in self._seen:
            # Composition shares the node an alias points to: that is how we see it.
            self.error(node, loc, "yaml-alias")
            return None
        self._seen.add(id(node))
        mark = node.start_mark
        quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"', "|", ">")
        text = node.value if isinstance(node, yaml.ScalarNode) else ""
        self.result.positions[loc] = ScalarInfo(mark.line + 1, mark.column + 1, text, quoted)
        if node.tag not in _STANDARD_TAGS:
            self.error(node, loc, "yaml-tag", tag=node.tag)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*loc, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if quoted:
            return node.value
        if _AMBIGUOUS.fullmatch(node.value):
            self.error(
                node, loc, "yaml-ambiguous-number", text=node.value, loaded=float(node.value)
            )
            return None
        return _plain_value(node.value)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.error(key_node, loc, "yaml-alias")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, loc, "invalid-value", detail="khóa phải là chữ")
                continue
            key = str(key_node.value)
            if key in first_lines:
                self.error(
                    key_node,
                    (*loc, key),
                    "yaml-duplicate-key",
                    key=key,
                    first_line=first_lines[key],
                )
                continue
            first_lines[key] = key_node.start_mark.line + 1
            out[key] = self.convert(value_node, (*loc, key))
        return out


def read_yaml(path: Path, shown_as: Path | None = None) -> ReadResult:
    """Read `path`; errors name it as `shown_as` (a path relative to the data folder)."""
    name = shown_as or path
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return ReadResult(
            errors=[
                DataError(name, 1, 1, "", "file-too-large", {"size": size, "limit": MAX_FILE_BYTES})
            ]
        )
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return ReadResult(
            errors=[DataError(name, 1, 1, "", "file-encoding", {"detail": exc.reason})]
        )
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark
        several = "single document" in (exc.context or "")
        code = "yaml-multiple-documents" if several else "yaml-syntax"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return ReadResult(
            errors=[DataError(name, line, column, "", code, {"detail": exc.problem or ""})]
        )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return ReadResult(
            errors=[
                DataError(
                    name, line, column, "", "yaml-syntax", {"detail": exc.problem or str(exc)}
                )
            ]
        )
    if node is None:
        return ReadResult(errors=[DataError(name, 1, 1, "", "file-empty")])
    converter = _Converter(name)
    converter.result.value = converter.convert(node, ())
    return converter.result
