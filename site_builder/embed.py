"""Embeds: one target on a page of its own, for an iframe on another site.

`/<ward>/chi-tieu/<id>/nhung/` shows a target's status, printed value, lead unit and,
when it has measurements, its chart with the table beside it, and nothing of the site's
chrome: no header, navigation or search, so that it fits a frame in a news article or
a ward's portal. It is a finished HTML document (template `embed.html`, stylesheet
`assets/stylesheets/embed.css`), written as a file and not a theme page: MkDocs and
Material add nothing to it, so it requests only its stylesheet and, when it has a
chart, the chart script and the pinned plotly.js bundle, all from this site. It asks
search engines not to index it (the target page is the one to find) and carries
`data-pagefind-ignore` (it has no `data-pagefind-body` either, so Pagefind leaves it
out once other pages have one).

The code to paste (`EmbedCodeView`, shown on the target page) needs the embed page's
absolute address. With a configured `site_url` it is built here; without one the page
carries the address relative to the target page, and `reach.js` makes it absolute from
the page's own location (right under any sub-path).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

from . import urls
from .computed import ComputedWard
from .fmt import day
from .model import Target
from .pages import StatusView, TargetBody, _status_view, _target_body
from .render import environment

STYLESHEET = "assets/stylesheets/embed.css"
CHARTS_JS = "assets/javascripts/charts.js"
# The theme's icon (Material's default): without one a browser asks the host root for
# /favicon.ico, which a site under a sub-path does not have.
ICON = "assets/images/favicon.png"
# Frame heights that show the whole embed without a scroll bar at a common width.
HEIGHT_WITH_CHART = 800
HEIGHT_WITHOUT_CHART = 320


@dataclass(frozen=True)
class EmbedCodeView:
    """The iframe code offered on a target page."""

    code: str  # the HTML to paste, as text (the template escapes it for the textarea)
    relative_src: str | None  # set when no site_url is known: reach.js makes it absolute
    preview: str  # link to the embed page, relative to the target page


@dataclass(frozen=True)
class EmbedChild:
    """A child target, as a line of the embed."""

    code: str | None
    name: str
    value: str | None
    status: StatusView


@dataclass(frozen=True)
class EmbedPage:
    """`/<ward>/chi-tieu/<id>/nhung/`: one target, without the site's chrome."""

    url: str
    title: str  # the document's <title>
    ward: str
    as_of: str
    body: TargetBody  # status, value, lead unit, chart and data rows, as on the target page
    children: list[EmbedChild]
    has_chart: bool
    stylesheet: str  # relative to the page
    icon: str  # relative
    charts_js: str | None  # relative; None without a chart (no script, no plotly.js)
    plotly_src: str
    target_link: str  # the full target page, relative


def _value(text: str | None, unit: str | None) -> str | None:
    if not text:
        return None
    return f"{text} ({unit})" if unit else text


def _title(target: Target) -> str:
    return f"{target.code} {target.name}" if target.code else target.name


def embed_code(
    ward_name: str, ward_id: str, target: Target, site_url: str, has_chart: bool
) -> EmbedCodeView:
    """The iframe code for a target's embed, for its target page.

    The suggested height fits the embed with or without its chart; whoever pastes the
    code can change it.
    """
    here = urls.target(ward_id, target.id)
    embed = urls.target_embed(ward_id, target.id)
    relative = urls.relative(here, embed)
    absolute = urls.absolute(site_url, embed)
    title = f"{_title(target)} ({ward_name})"
    src = absolute or relative
    code = (
        f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="100%" '
        f'height="{HEIGHT_WITH_CHART if has_chart else HEIGHT_WITHOUT_CHART}" '
        'style="border:0" loading="lazy"></iframe>'
    )
    return EmbedCodeView(code, None if absolute else relative, relative)


def build_embed(computed: ComputedWard, target: Target) -> EmbedPage:
    """The embed page of a target (a top-level one: a child is a section of its parent)."""
    ward = computed.ward
    here = urls.target_embed(ward.ward.id, target.id)
    body = _target_body(computed, target)
    has_chart = body.chart_json is not None or any(c.chart_json for c in body.children)
    return EmbedPage(
        url=here,
        title=f"{_title(target)} · {ward.ward.full_name}",
        ward=ward.ward.full_name,
        as_of=day(computed.as_of),
        body=body,
        children=[
            EmbedChild(
                c.code,
                c.name,
                _value(c.value_text or c.yearly_text, c.unit),
                _status_view(computed.targets[c.id]),
            )
            for c in target.children
        ],
        has_chart=has_chart,
        stylesheet=urls.relative(here, STYLESHEET),
        icon=urls.relative(here, ICON),
        charts_js=urls.relative(here, CHARTS_JS) if has_chart else None,
        plotly_src=urls.relative(here, urls.PLOTLY_JS),
        target_link=urls.relative(here, urls.target(ward.ward.id, target.id)),
    )


def render_embed(page: EmbedPage) -> str:
    """The embed page as a whole HTML document."""
    return environment().get_template("embed.html").render(page=page)


def ward_embeds(computed: ComputedWard) -> Iterator[tuple[str, str]]:
    """Every embed page of a ward: (site path of its file, HTML)."""
    for target in computed.ward.targets:
        page = build_embed(computed, target)
        yield urls.page_file(page.url), render_embed(page)
