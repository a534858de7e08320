"""Render page view models to HTML with the package's templates.

The Jinja environment autoescapes every value: this is the escaping path for all data
text (MkDocs' own theme environment does not autoescape). Templates live in
`site_builder/templates/`, one per page kind and one partial per component.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from .compare import ComparisonIndex, ComparisonPage
from .labels import t
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
    )
    env.globals["t"] = t
    return env


def render(page: PageModel) -> str:
    """HTML of one page body."""
    template = environment().get_template(_TEMPLATES[type(page)])
    return template.render(page=page)
