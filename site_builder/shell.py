"""Theme pages from a shell: the theme's page rendered once, then filled per page.

Every generated page of one shape (same depth, same feed link, searchable or not) goes
through the theme's page template with the same context except a few values: its
title, its body and its canonical address. Rendering the template once with
placeholders in those places, and then putting each page's values in by string
concatenation, gives the same HTML as rendering the template for every page, at the
cost of a join instead of a template run (≈ 0.5 ms of Material's template per page).

This holds only if the template prints each value as it is: no filter (`| e`,
`| striptags`) and no test on the value other than "is it empty". `make_shell` checks
that: it renders the template with two sets of placeholders, the second full of the
characters a filter would change (`&`, `<`, quotes, entities, runs of spaces), and
gives a shell only if filling the first rendering's shell with the second set gives
exactly the second rendering. A caller also compares one real page per shell with its
normal rendering (the MkDocs plugin does) and keeps the normal pipeline where a shell
is refused or differs. `fillable` refuses values holding the placeholders' marks.

The render function comes from the caller (the plugin gets it from MkDocs' and the
theme's Jinja environment), so this module knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

# Private-use characters mark the placeholders: no real title, body or address holds
# them (`fillable` checks), and no HTML filter changes them.
_OPEN = "\ue000"
_CLOSE = "\ue001"
# Put inside the second set of placeholders: anything an escaping, tag-stripping,
# entity-decoding, whitespace-folding or URL-quoting filter would change.
_AWKWARD = " &amp; &lt;<b class=\"x\">'y'</b>  \t z <h1>%20"


def placeholders(fields: Sequence[str], awkward: bool = False) -> dict[str, str]:
    """One placeholder per field; `awkward` ones hold characters filters change."""
    extra = _AWKWARD if awkward else ""
    # Both sets hold "<h1": a theme may test the body for a heading (Material does).
    return {name: f"{_OPEN}sb-{name}<h1{extra}{_CLOSE}" for name in fields}


@dataclass(frozen=True)
class Shell:
    """A rendered page cut at its placeholders: `parts[0] slot parts[1] slot … parts[-1]`."""

    parts: tuple[str, ...]
    slots: tuple[str, ...]  # the field printed between parts[i] and parts[i + 1]

    def fill(self, values: Mapping[str, str]) -> str:
        """The page with these values: the template's output for them."""
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:], strict=True):
            out.append(values[slot])
            out.append(part)
        return "".join(out)


def cut(rendered: str, probes: Mapping[str, str]) -> Shell | None:
    """`rendered` cut where the probe values appear; None if a mark is left elsewhere."""
    by_value = {value: name for name, value in probes.items()}
    pattern = re.compile("|".join(re.escape(v) for v in sorted(by_value, key=len, reverse=True)))
    parts: list[str] = []
    slots: list[str] = []
    position = 0
    for match in pattern.finditer(rendered):
        parts.append(rendered[position : match.start()])
        slots.append(by_value[match.group()])
        position = match.end()
    parts.append(rendered[position:])
    if any(_OPEN in part or _CLOSE in part for part in parts):
        return None  # a placeholder came out changed: some filter touched it
    return Shell(tuple(parts), tuple(slots))


def make_shell(render: Callable[[Mapping[str, str]], str], fields: Sequence[str]) -> Shell | None:
    """The shell of `render` (values of `fields` -> page), or None if not exact.

    `render` must render the page with the given values in place of the real ones and
    leave everything else as it is.
    """
    first = placeholders(fields)
    shell = cut(render(first), first)
    if shell is None:
        return None
    second = placeholders(fields, awkward=True)
    if shell.fill(second) != render(second):
        return None  # a value is filtered or tested: the shell would be wrong
    return shell


def fillable(values: Mapping[str, str]) -> bool:
    """Whether these values can go into a shell (none holds a placeholder mark)."""
    return not any(_OPEN in v or _CLOSE in v for v in values.values())
