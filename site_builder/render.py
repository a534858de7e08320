"""Render page view models to HTML with the package's templates.

The Jinja environment autoescapes every value: this is the escaping path for all data
text (MkDocs' own theme environment does not autoescape). Templates live in
`site_builder/templates/`, one per page kind and one partial per component.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .compare import ComparisonIndex, ComparisonPage
from .labels import current_language, t
from .pages import (
    DownloadsPage,
    HomePage,
    ProjectPage,
    SearchShortcuts,
    TargetPage,
    WardPage,
)
from .report import ReportPage

PageModel = (
    HomePage
    | WardPage
    | TargetPage
    | ProjectPage
    | DownloadsPage
    | SearchShortcuts
    | ReportPage
    | ComparisonPage
    | ComparisonIndex
)

_TEMPLATES: dict[type, str] = {
    HomePage: "home.html",
    DownloadsPage: "downloads.html",
    WardPage: "ward.html",
    TargetPage: "target.html",
    ProjectPage: "project.html",
    SearchShortcuts: "search.html",
    ReportPage: "report.html",
    ComparisonPage: "compare.html",
    ComparisonIndex: "compare_index.html",
}


def vietnamese(text: object) -> Markup | str:
    """Data text (`{{ x | vi }}`): as printed, marked lang="vi" on the English copy.

    On Vietnamese pages the text is left as it is (the page is lang="vi"); None is "".
    """
    return _marked("span", text)


def vietnamese_block(html: object) -> Markup | str:
    """Data blocks (`{{ x | vi_block }}`: notes, summaries, sanitised Markdown), in a div."""
    return _marked("div", html)


def _marked(tag: str, text: object) -> Markup | str:
    if text is None or text == "":
        return ""
    if current_language() == "vi":
        return text if isinstance(text, Markup) else str(text)
    return Markup('<{0} lang="vi">{1}</{0}>').format(Markup(tag), escape(text))


def vietnamese_attribute() -> Markup:
    """` lang="vi"` on the English copy, for an element whose text is all data."""
    return Markup(' lang="vi"') if current_language() == "en" else Markup("")


@cache
def environment() -> Environment:
    """The shared, autoescaping template environment (built once per process)."""
    env = Environment(
        loader=PackageLoader("site_builder", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # Templates are package files that do not change while a process runs: no
        # file-date check on every page (≈ 10 % of rendering a province).
        auto_reload=False,
    )
    env.globals["t"] = t
    env.globals["lang"] = current_language
    env.globals["vi_lang"] = vietnamese_attribute
    env.filters["vi"] = vietnamese
    env.filters["vi_block"] = vietnamese_block
    return env


def render(page: PageModel) -> str:
    """HTML of one page body."""
    template = environment().get_template(_TEMPLATES[type(page)])
    return template.render(page=page)
