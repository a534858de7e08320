"""Every link of every built HTML file is relative, so the site works at any sub-path and
links to no other host.

Three exceptions, all pointing into the site itself:

- `<link rel="canonical">` is absolute by nature: it must be the page's own URL under
  `site_url`.
- `<link rel=" alternate" hreflang>` too, as search engines ask (#17): the page's own URL
  or its copy in the other language (`en/` in front, or taken away).
- 404.html is served for any missing path, at any depth, so relative links cannot work
  there: MkDocs writes them from the site's base path (`/cam-ket/...`). Each must start
  with that base path or with `site_url`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from .conftest import PREFIXES
from .support import FIXTURE, REAL, ServedSite

pytestmark = pytest.mark.browser

# Attributes that hold a URL the browser follows or fetches.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "xlink:href")


def _urls(tag: Tag) -> Iterator[tuple[str, str]]:
    for name, value in tag.attrs.items():
        if not isinstance(value, str):
            continue
        if name in URL_ATTRIBUTES or name.endswith(("-src", "-href")):
            yield name, value.strip()
        elif name in ("srcset", "imagesrcset"):
            for candidate in value.split(","):
                if candidate.strip():
                    yield name, candidate.split()[0]


def _problems(site: ServedSite, path: Path) -> list[str]:
    relative = path.relative_to(site.site_dir).as_posix()
    page_url = site.url_for(relative.removesuffix("index.html"))
    base_path = urlsplit(site.url).path
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    problems = []
    for tag in soup.find_all(True):
        for name, url in _urls(tag):
            where = f"{relative}: <{tag.name} {name}={url!r}>"
            parts = urlsplit(url)
            if parts.scheme == "data" or url.startswith("#"):
                continue
            if tag.name == "link" and "canonical" in (tag.get("rel") or []):
                if url != page_url:
                    problems.append(f"{where}: canonical is not {page_url}")
                continue
            if tag.name == "link" and tag.get("hreflang"):
                page = relative.removesuffix("index.html")
                other = page.removeprefix("en/") if page.startswith("en/") else "en/" + page
                if url not in (page_url, site.url_for(other)):
                    problems.append(f"{where}: not this page nor its copy")
                continue
            if relative == "404.html":
                if not (url.startswith(site.url) or url.startswith(base_path)):
                    problems.append(f"{where}: leaves the site ({site.url})")
                continue
            if parts.scheme or parts.netloc or url.startswith("/"):
                problems.append(f"{where}: not relative")
    return problems


@pytest.mark.parametrize("prefix", PREFIXES, ids=["sub-path", "root"])
@pytest.mark.parametrize("data", [REAL, FIXTURE])
def test_built_html_links_are_relative_and_stay_on_the_site(
    serve_site: Callable[..., ServedSite], data: str, prefix: str
) -> None:
    site = serve_site(prefix, data)
    pages = sorted(site.site_dir.rglob("*.html"))
    assert len(pages) > 5
    problems = [problem for path in pages for problem in _problems(site, path)]
    assert problems == [], "\n".join(problems[:40])


def test_the_404_page_links_resolve_from_any_depth(served_site: ServedSite) -> None:
    soup = BeautifulSoup(
        (served_site.site_dir / "404.html").read_text(encoding="utf-8"), "html.parser"
    )
    assets = [tag["href"] for tag in soup.select('link[rel="stylesheet"]')]
    assets += [tag["src"] for tag in soup.select("script[src]")]
    assert assets
    base_path = urlsplit(served_site.url).path
    assert all(str(url).startswith(base_path) for url in assets), assets
