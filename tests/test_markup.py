import pytest

from site_builder.markup import note_html


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("*nhấn mạnh*", "<p><em>nhấn mạnh</em></p>"),
        ("**đậm**", "<p><strong>đậm</strong></p>"),
        ("a | b", "<p>a | b</p>"),
        ("- một\n- hai", "<ul>\n<li>một</li>\n<li>hai</li>\n</ul>"),
    ],
)
def test_simple_markdown_is_kept(source: str, expected: str) -> None:
    assert str(note_html(source)) == expected


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[bấm](javascript:alert(1))",
        '<a href="x" onclick="alert(1)">x</a>',
        "<style>body{display:none}</style>",
        '<iframe src="https://example.org"></iframe>',
    ],
)
def test_dangerous_markup_is_removed(source: str) -> None:
    html = str(note_html(source))
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
    assert "onclick" not in html and "<style" not in html and "<iframe" not in html


def test_links_are_kept_with_rel() -> None:
    html = str(note_html("[nguồn](https://example.org/x)"))
    assert 'href="https://example.org/x"' in html and 'rel="nofollow noopener"' in html


def test_template_braces_stay_literal() -> None:
    assert "{{" not in str(note_html("{{ 7*7 }}"))
    assert "&#123;&#123; 7*7 &#125;&#125;" in str(note_html("{{ 7*7 }}"))
