"""Templates: every label they use exists, and data reaches them escaped."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from markupsafe import Markup

from site_builder.computed import compute_ward
from site_builder.labels import LABELS, t
from site_builder.load import Dataset
from site_builder.pages import build_ward
from site_builder.render import environment, render

TEMPLATES = Path(__file__).resolve().parents[1] / "site_builder" / "templates"
LABEL_CALL = re.compile(r"""t\(\s*["']([a-z_.]+)["']\s*\)""")


def template_files() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.name)
def test_every_label_a_template_uses_exists(path: Path) -> None:
    used = LABEL_CALL.findall(path.read_text(encoding="utf-8"))
    assert all(key in LABELS for key in used), [k for k in used if k not in LABELS]


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.name)
def test_every_template_opens_with_a_comment_saying_what_it_uses(path: Path) -> None:
    first = path.read_text(encoding="utf-8").lstrip()
    assert first.startswith("{#-") and "Uses:" in first.split("#}")[0]


def test_templates_have_no_safe_filter() -> None:
    # Only sanitised Markup from the core may skip escaping; templates never force it.
    for path in template_files():
        assert "|safe" not in path.read_text(encoding="utf-8").replace(" ", "")


def test_environment_autoescapes() -> None:
    template = environment().from_string("{{ value }}")
    assert template.render(value="<b>&") == "&lt;b&gt;&amp;"
    assert template.render(value=Markup("<b>ok</b>")) == "<b>ok</b>"


def test_unknown_label_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        t("no.such.label")


def test_render_ward_page(fixture_dataset: Dataset) -> None:
    html = render(build_ward(compute_ward(fixture_dataset.wards[0], date(2026, 6, 30))))
    assert html.startswith('<div class="sb sb-ward">')
    assert "\n\n" not in html  # one raw HTML block for Markdown
