"""Change a YAML file's text in place: set values and add items, touching nothing else.

Staff files carry comments, a schema line, a chosen key order and quoting, and long
double-quoted text that wraps over several lines. A round-trip library re-emits the
whole document: ruamel.yaml 0.19 kept almost everything but re-flowed a multi-line
quoted scalar of a real ward file. So edits are made on the text itself:

1. the text is composed with PyYAML's pure-Python loader, whose marks give the exact
   character offset of every node;
2. each edit becomes a splice (replace a scalar's span, insert rendered lines after a
   node, remove a key's lines), and the splices are applied from the end of the text
   backwards so earlier offsets stay valid;
3. new values are rendered in the house style: text double-quoted (JSON escapes are
   valid YAML), numbers plain and never ending in a zero decimal (`yamlread` refuses
   `2.0`), lists of short words in flow style (`[estimate]`).

Every byte outside the spliced spans is kept. `expected_value` applies the same edits
to plain data, so a caller can check that the new text reads back as intended.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import yaml

from .yamlread import Loc, format_loc

# A list item that may stay unquoted in a flow list: ids and choice words.
_PLAIN_WORD = re.compile(r"[a-z][a-z0-9_-]*")
# Words YAML 1.1 readers would turn into booleans or null.
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
# Keys whose values are ids or choice words, written unquoted as staff write them.
_WORD_KEYS = {
    "id",
    "document",
    "table",
    "group",
    "target",
    "baseline_for",
    "area",
    "kind",
    "status",
    "comparator",
    "direction",
}
# Characters PyYAML will not read raw, or reads as line breaks: always escaped.
_UNSAFE_CHAR = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
    "\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)


class EditError(Exception):
    """An edit that cannot be made on this text (a programming error, not a data error)."""


@dataclass(frozen=True)
class SetValue:
    """Set the value at `path` (`None` removes the key); missing mappings are created.

    `order` lists the keys of the enclosing mapping in their preferred order, so a new
    key lands after the nearest key that comes before it.
    """

    path: Loc
    value: Any
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class Append:
    """Add `item` at the end of the sequence at `path` (created when missing)."""

    path: Loc
    item: Any


Edit = SetValue | Append


# ---------------------------------------------------------------- rendering


def _word(value: Any) -> bool:
    return isinstance(value, str) and bool(_PLAIN_WORD.fullmatch(value)) and value not in _RESERVED


def render_scalar(value: Any, key: str | None = None) -> str:
    """A value on one line: `"text"`, `12.5`, `3`, `true`, `[a, b]`; ids of `key` unquoted."""
    if key in _WORD_KEYS and _word(value):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        return format(Decimal(text), "f") if "e" in text or "E" in text else text
    if isinstance(value, str):
        quoted = json.dumps(value, ensure_ascii=False)
        return _UNSAFE_CHAR.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    if isinstance(value, list | tuple):
        items = [v if _word(v) else render_scalar(v) for v in value]
        return "[" + ", ".join(items) + "]"
    raise EditError(f"cannot render {type(value).__name__} on one line")


def _is_inline(value: Any) -> bool:
    if isinstance(value, dict):
        return False
    if isinstance(value, list | tuple):
        return all(not isinstance(v, dict | list | tuple) for v in value)
    return True


def _render_key(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if _is_inline(value):
        return [f"{pad}{key}: {render_scalar(value, key)}"]
    if isinstance(value, dict):
        return [f"{pad}{key}:", *render_mapping(value, indent + 2)]
    lines = [f"{pad}{key}:"]
    for item in value:
        lines += render_item(item, indent + 2)
    return lines


def render_mapping(value: dict[str, Any], indent: int) -> list[str]:
    """A block mapping, one key per line, at `indent` spaces."""
    lines: list[str] = []
    for key, item in value.items():
        if item is not None:
            lines += _render_key(key, item, indent)
    return lines


def render_item(item: Any, dash_column: int) -> list[str]:
    """A block sequence item whose dash stands at `dash_column`."""
    if not isinstance(item, dict):
        return [" " * dash_column + "- " + render_scalar(item)]
    lines = render_mapping(item, dash_column + 2)
    if not lines:
        return [" " * dash_column + "- {}"]
    lines[0] = " " * dash_column + "- " + lines[0][dash_column + 2 :]
    return lines


# ---------------------------------------------------------------- locating nodes


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The node whose end is the last character of `node`'s content."""
    if isinstance(node, yaml.MappingNode) and node.value and node.flow_style is False:
        return _last_leaf(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and node.flow_style is False:
        return _last_leaf(node.value[-1])
    return node


class _Text:
    """The document's text with its node tree and the splices collected so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            raise EditError(f"not valid YAML: {exc}") from None
        if not isinstance(root, yaml.MappingNode):
            raise EditError("the document is not a mapping")
        self.root: yaml.MappingNode = root
        # (offset, end, text, order): replace text[offset:end] by text.
        self.splices: list[tuple[int, int, str, int]] = []

    def splice(self, start: int, end: int, new: str) -> None:
        self.splices.append((start, end, new, len(self.splices)))

    def line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def after_line(self, offset: int) -> int:
        """Offset just past the line break of the line holding `offset`."""
        if offset > 0 and self.text[offset - 1] == "\n":
            return offset  # the node ended with its line (a block scalar)
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end + 1

    def after_node(self, node: yaml.Node) -> int:
        return self.after_line(_last_leaf(node).end_mark.index)

    def lines(self, lines: list[str], at: int) -> str:
        """Rendered lines, ready to insert at `at` (a line start, or the end of the text)."""
        prefix = self.newline if at == len(self.text) and not self.text.endswith("\n") else ""
        return prefix + "".join(line + self.newline for line in lines)

    def find(self, path: Loc) -> tuple[list[tuple[yaml.Node, yaml.Node]], yaml.Node | None, Loc]:
        """Walk `path`: the deepest node reached, the part of `path` left, and the pairs seen.

        Returns (key/value pairs along the way, deepest node, remaining path).
        """
        node: yaml.Node = self.root
        trail: list[tuple[yaml.Node, yaml.Node]] = []
        for i, part in enumerate(path):
            if isinstance(part, int):
                if not isinstance(node, yaml.SequenceNode) or part >= len(node.value):
                    raise EditError(f"no item {format_loc(path[: i + 1])}")
                node = node.value[part]
                continue
            if not isinstance(node, yaml.MappingNode):
                raise EditError(f"{format_loc(path[:i])} is not a mapping")
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                return trail, node, path[i:]
            trail.append(pair)
            node = pair[1]
        return trail, node, ()


def _key_column(mapping: yaml.MappingNode, text: _Text) -> int:
    if mapping.value:
        return int(mapping.value[0][0].start_mark.column)
    raise EditError("cannot add a key to an empty mapping")


def _insert_key(
    text: _Text, mapping: yaml.MappingNode, key: str, value: Any, order: Sequence[str]
) -> None:
    """Add `key: value` to a block mapping, after the nearest key that precedes it in `order`."""
    if mapping.flow_style:
        raise EditError(f"cannot add '{key}' to a flow mapping")
    present = [k.value for k, _ in mapping.value]
    before = order[: order.index(key)] if key in order else order
    previous = [i for i, name in enumerate(present) if name in before]
    index = previous[-1] if previous else len(present) - 1
    at = text.after_node(mapping.value[index][1])
    lines = _render_key(key, value, _key_column(mapping, text))
    text.splice(at, at, text.lines(lines, at))


def _remove_key(
    text: _Text, mapping: yaml.MappingNode, key_node: yaml.Node, value_node: yaml.Node
) -> None:
    start = key_node.start_mark.index
    line_start = text.line_start(start)
    if text.text[line_start:start].strip():
        raise EditError(f"cannot remove '{key_node.value}': it shares its line")
    text.splice(line_start, text.after_node(value_node), "")


def _set(text: _Text, edit: SetValue) -> None:
    trail, node, rest = text.find(edit.path)
    if rest:  # the key (or a mapping above it) is missing
        if edit.value is None:
            return
        if not isinstance(node, yaml.MappingNode):
            raise EditError(f"{format_loc(edit.path)}: parent is not a mapping")
        value: Any = edit.value  # nested in the mappings that are missing
        for part in reversed(rest[1:]):
            value = {part: value}
        _insert_key(text, node, str(rest[0]), value, edit.order if len(rest) == 1 else ())
        return
    if not trail:
        raise EditError("cannot replace the whole document")
    key_node, value_node = trail[-1]
    parent = text.find(edit.path[:-1])[1] if edit.path[:-1] else text.root
    assert isinstance(parent, yaml.MappingNode)
    if edit.value is None:
        _remove_key(text, parent, key_node, value_node)
        return
    inline_old = isinstance(value_node, yaml.ScalarNode) or bool(
        getattr(value_node, "flow_style", False)
    )
    if _is_inline(edit.value) and inline_old:
        text.splice(
            value_node.start_mark.index,
            value_node.end_mark.index,
            render_scalar(edit.value, str(key_node.value)),
        )
        return
    # A block value: rewrite the key's lines in place.
    start = text.line_start(key_node.start_mark.index)
    if text.text[start : key_node.start_mark.index].strip():
        raise EditError(f"cannot rewrite '{key_node.value}': it shares its line")
    lines = _render_key(str(key_node.value), edit.value, key_node.start_mark.column)
    text.splice(start, text.after_node(value_node), "".join(x + text.newline for x in lines))


def _append(text: _Text, path: Loc, items: list[Any]) -> None:
    """Add `items` at the end of the sequence at `path`, in one splice."""
    trail, node, rest = text.find(path)
    if rest:
        _set(text, SetValue(path, items))
        return
    if not isinstance(node, yaml.SequenceNode):
        raise EditError(f"{format_loc(path)} is not a list")
    if node.value and not node.flow_style:
        last = node.value[-1]
        start = last.start_mark.index
        dash = text.text.rfind("-", text.line_start(start), start)
        if dash < 0:
            raise EditError(f"{format_loc(path)}: cannot find the item's dash")
        at = text.after_node(last)
        column = dash - text.line_start(dash)
        text.splice(at, at, text.lines(_render_items(items, column), at))
        return
    if node.value:
        raise EditError(f"{format_loc(path)}: cannot add a block item to a flow list")
    # `key: []` becomes a block list under the key.
    key_node = trail[-1][0]
    column = key_node.start_mark.column + 2
    at = text.after_line(node.end_mark.index)
    key_end = key_node.end_mark.index
    text.splice(key_end, node.end_mark.index, ":")
    text.splice(at, at, text.lines(_render_items(items, column), at))


def _render_items(items: list[Any], column: int) -> list[str]:
    return [line for item in items for line in render_item(item, column)]


def apply_edits(source: str, edits: Sequence[Edit]) -> str:
    """The text of `source` with every edit made; everything else byte for byte."""
    text = _Text(source)
    # Items added to one list are written together, in order, by one splice; lists
    # first, so that where a new key and new items land at one offset, the items
    # (inside the value before) come before the key.
    appends: dict[Loc, list[Any]] = {}
    sets: list[SetValue] = []
    for edit in _merge_new_mappings(text, edits):
        if isinstance(edit, Append):
            appends.setdefault(edit.path, []).append(edit.item)
        else:
            sets.append(edit)
    # A list that is missing is created by a new key, which must come after the items
    # added to an existing list that ends at the same offset: existing lists first.
    for path, items in sorted(appends.items(), key=lambda pair: bool(text.find(pair[0])[2])):
        _append(text, path, items)
    for edit in sets:
        _set(text, edit)
    out = source
    # From the end backwards; at one offset, the later edit first so order is kept.
    for start, end, new, _ in sorted(text.splices, key=lambda s: (s[0], s[3]), reverse=True):
        out = out[:start] + new + out[end:]
    return out


def _merge_new_mappings(text: _Text, edits: Sequence[Edit]) -> list[Edit]:
    """Join the edits that create one missing mapping (`goal.kind` and `goal.value`).

    Each group becomes a single `SetValue` of the new mapping, written once, with its
    keys in the order the edits came.
    """
    out: list[Edit] = []
    created: dict[Loc, dict[str, Any]] = {}
    for edit in edits:
        if isinstance(edit, SetValue) and edit.value is not None:
            _, _, rest = text.find(edit.path)
            if len(rest) > 1:
                top = edit.path[: len(edit.path) - len(rest) + 1]
                if top not in created:
                    created[top] = {}
                    out.append(SetValue(top, created[top], edit.order))
                node = created[top]
                for part in rest[1:-1]:
                    node = node.setdefault(str(part), {})
                node[str(rest[-1])] = edit.value
                continue
        out.append(edit)
    return out


def expected_value(value: Any, edits: Sequence[Edit]) -> Any:
    """The plain data `value` becomes once `edits` are made (for checking a result)."""
    out = copy.deepcopy(value)
    for edit in edits:
        *head, last = edit.path
        node = out
        for part in head:
            if isinstance(part, str) and part not in node:
                node[part] = {}
            node = node[part]
        if isinstance(edit, Append):
            node.setdefault(last, []).append(copy.deepcopy(edit.item))
        elif edit.value is None:
            node.pop(last, None)
        else:
            node[last] = copy.deepcopy(edit.value)
    return out
