"""The one path by which text from data becomes HTML.

Plain text is escaped by the templates' autoescaping (see `render.py`). Note fields
may hold simple Markdown: it is converted here and then sanitised to a short list of
harmless tags, so a note can carry emphasis and a link but never a script, a style or
an event handler. The result is marked safe only after sanitising.
"""

from __future__ import annotations

from functools import lru_cache

import markdown as md
import nh3
from markupsafe import Markup

_ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "br", "code", "sup", "sub"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_ALLOWED_SCHEMES = {"http", "https", "mailto"}


# One converter for the process, reset before each note: making a Markdown instance
# (its registries of processors) cost more than converting a short note.
_CONVERTER = md.Markdown(extensions=[], output_format="html")


@lru_cache(maxsize=4096)
def note_html(text: str) -> Markup:
    """Markdown of a note, converted and sanitised.

    Cached: a note is printed on several pages and in both languages.
    """
    converted = _CONVERTER.reset().convert(text)
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
