"""The one path by which text from data becomes HTML.

Plain text is escaped by the templates' autoescaping (see `render.py`). Note fields
may hold simple Markdown: it is converted here and then sanitised to a short list of
harmless tags, so a note can carry emphasis and a link but never a script, a style or
an event handler. The result is marked safe only after sanitising.
"""

from __future__ import annotations

import markdown as md
import nh3
from markupsafe import Markup

_ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "br", "code", "sup", "sub"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_ALLOWED_SCHEMES = {"http", "https", "mailto"}


def note_html(text: str) -> Markup:
    """Markdown of a note, converted and sanitised."""
    converted = md.markdown(text, extensions=[], output_format="html")
    cleaned = nh3.clean(
        converted,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_ALLOWED_SCHEMES,
        link_rel="nofollow noopener",
    )
    # Jinja would read "{{" in page text only if a page were rendered twice; we keep
    # braces literal anyway so the output is safe in any template engine downstream.
    cleaned = cleaned.replace("{", "&#123;").replace("}", "&#125;")
    return Markup(cleaned)  # noqa: S704 - sanitised just above
