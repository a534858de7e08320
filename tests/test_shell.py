"""Theme shells: a template rendered once with placeholders, filled per page."""

from __future__ import annotations

from collections.abc import Mapping

from jinja2 import Environment

from site_builder.shell import Shell, cut, fillable, make_shell, placeholders

FIELDS = ("title", "content")


def renderer(source: str):
    """A render function over a Jinja template with autoescape off (as MkDocs' themes)."""
    template = Environment(autoescape=False).from_string(source)

    def render(values: Mapping[str, str]) -> str:
        return template.render(**values, depth="../")

    return render


PLAIN = (
    "<title>{{ title }} - Site</title><link href='{{ depth }}a.css'>"
    "{% if title %}<header>{{ title }}</header>{% endif %}"
    '{% if "<h1" not in content %}<h1>{{ title }}</h1>{% endif %}<main>{{ content }}</main>'
)


def test_a_filled_shell_is_the_template_rendered_with_the_page_values() -> None:
    render = renderer(PLAIN)
    shell = make_shell(render, FIELDS)
    assert shell is not None
    assert shell.slots == ("title", "title", "content")
    for values in (
        {"title": "Chỉ tiêu A &amp; B", "content": "<h1>Chỉ tiêu</h1><p>1.234,5</p>"},
        {"title": "x", "content": "<h1 id='a'>  spaced  </h1>"},
    ):
        assert shell.fill(values) == render(values)


def test_a_filtered_value_gives_no_shell() -> None:
    # Escaped, tag-stripped or URL-quoted values cannot be put back by concatenation.
    for printed in ("{{ title | e }}", "{{ title | striptags }}", "{{ title | urlencode }}"):
        render = renderer(f"<title>{printed}</title><main>{{{{ content }}}}</main>")
        assert make_shell(render, FIELDS) is None, printed


def test_a_value_tested_beyond_emptiness_gives_no_shell() -> None:
    render = renderer("{% if '&' in title %}amp{% endif %}{{ title }}{{ content }}")
    assert make_shell(render, FIELDS) is None


def test_a_field_the_template_does_not_print_has_no_slot() -> None:
    shell = make_shell(renderer("<main>{{ content }}</main>"), ("title", "content"))
    assert shell == Shell(("<main>", "</main>"), ("content",))


def test_cut_refuses_a_changed_placeholder() -> None:
    probes = placeholders(FIELDS)
    rendered = f"<p>{probes['title'].upper()}</p>{probes['content']}"
    assert cut(rendered, probes) is None


def test_values_holding_a_placeholder_mark_are_not_fillable() -> None:
    assert fillable({"title": "Phường Kiến An", "content": "<h1>x</h1>"})
    assert not fillable({"title": "a\ue000b", "content": ""})
