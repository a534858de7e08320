"""Every URL of the site, built in one place.

Pages are addressed by site-relative paths ending in "/" (directory URLs:
`kien-an/chi-tieu/ty-le-ho-ngheo/`). Links inside pages are always *relative* to the
page that holds them (`relative`), so the site works at the root of a host and under
any sub-path without knowing which.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

HOME = ""
METHODOLOGY = "phuong-phap/"
DOWNLOADS = "du-lieu/"
SEARCH = "tim-kiem/"
COMPARE = "so-sanh/"
TARGET_FOLDER = "chi-tieu"
PROJECT_FOLDER = "du-an"
REPORT_FOLDER = "bao-cao"
EMBED_FOLDER = "nhung"
FEED_NAME = "thay-doi.xml"
SITE_FEED = FEED_NAME
VENDOR_FOLDER = "assets/vendor/"
PLOTLY_JS = VENDOR_FOLDER + "plotly-basic.min.js"


def ward(ward_id: str) -> str:
    """The ward overview page."""
    return f"{ward_id}/"


def target(ward_id: str, target_id: str) -> str:
    """A target's page."""
    return f"{ward_id}/{TARGET_FOLDER}/{target_id}/"


def project(ward_id: str, project_id: str) -> str:
    """A project's page."""
    return f"{ward_id}/{PROJECT_FOLDER}/{project_id}/"


def report(ward_id: str) -> str:
    """A ward's printable report: `kien-an/bao-cao/`."""
    return f"{ward_id}/{REPORT_FOLDER}/"


def comparison(code: str) -> str:
    """The comparison of one shared indicator across wards: `so-sanh/ty-le-bhyt/`."""
    return f"{COMPARE}{code}/"


def target_embed(ward_id: str, target_id: str) -> str:
    """A target on its own, for an iframe on another site: `kien-an/chi-tieu/x/nhung/`."""
    return f"{target(ward_id, target_id)}{EMBED_FOLDER}/"


def ward_feed(ward_id: str) -> str:
    """A ward's Atom feed of data changes: `kien-an/thay-doi.xml` (the site's: `SITE_FEED`)."""
    return f"{ward_id}/{FEED_NAME}"


def page_file(url: str) -> str:
    """The file a directory URL is served from: `a/b/` -> `a/b/index.html`."""
    return f"{url}index.html"


def absolute(site_url: str, url: str) -> str | None:
    """`url` (site-relative) under the configured `site_url`; None when none is configured.

    Only what leaves the site needs this (feeds, iframe code to paste elsewhere): pages
    link relatively, and without a `site_url` nothing guesses a host.
    """
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + url


def target_data(ward_id: str, target_id: str, extension: str) -> str:
    """A target's data beside its page: `kien-an/chi-tieu/x/data.csv`."""
    return f"{target(ward_id, target_id)}data.{extension}"


def project_data(ward_id: str, project_id: str, extension: str) -> str:
    """A project's data beside its page: `kien-an/du-an/x/data.json`."""
    return f"{project(ward_id, project_id)}data.{extension}"


def ward_data(ward_id: str, part: str | None, extension: str) -> str:
    """A ward's download: `du-lieu/kien-an/kien-an-chi-tieu.csv`, `du-lieu/kien-an/kien-an.xlsx`.

    The ward id is in the file name so files of several wards do not collide once saved.
    """
    name = f"{ward_id}-{part}" if part else ward_id
    return f"{DOWNLOADS}{ward_id}/{name}.{extension}"


SITE_DATA_NAME = "cam-ket-phuong"


def site_data(extension: str) -> str:
    """The whole site's data: `du-lieu/cam-ket-phuong.json`, `.zip`."""
    return f"{DOWNLOADS}{SITE_DATA_NAME}.{extension}"


def schema_file(version: int, name: str) -> str:
    """A published JSON Schema: `schema/v1/targets.schema.json` (same path as under data/)."""
    return f"schema/v{version}/{name}"


def methodology_rule(here: str, anchor: str) -> str:
    """Link from `here` to one rule of the methodology page: `../phuong-phap/#du-an-qua-han`."""
    return f"{relative(here, METHODOLOGY)}#{anchor}"


# Anchors of the methodology page's rules (content/phuong-phap.md sets them explicitly).
RULE_TERM_ELAPSED = "thoi-gian-nhiem-ky-da-qua"
RULE_PROJECT_OVERDUE = "du-an-qua-thoi-han"
RULE_MANUAL = "can-danh-gia-thu-cong"


def source_file(url: str) -> str:
    """The Markdown path a page is generated at: `a/b/` -> `a/b/index.md`, `` -> `index.md`."""
    return f"{url}index.md"


def page_of_source(src: str) -> str:
    """The URL of a hand-written page from its Markdown path (directory URLs).

    `phuong-phap.md` -> `phuong-phap/`, `index.md` -> ``, `en/index.md` -> `en/`.
    """
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


ENGLISH = "en/"  # the English copy of the site (#17), when the plugin's `english` is on
_prefix: ContextVar[str] = ContextVar("page_prefix", default="")


@contextmanager
def under(prefix: str) -> Iterator[None]:
    """Build links for a copy of the pages under `prefix` (`ENGLISH`) inside the block.

    Models keep their Vietnamese-site URLs; `relative` then links from the copy's page
    to the copy's pages, and to the one shared file (downloads, feeds, scripts, embeds)
    outside it.
    """
    token = _prefix.set(prefix)
    try:
        yield
    finally:
        _prefix.reset(token)


def in_copy(url: str) -> bool:
    """Whether a page `url` has a copy under the prefix: pages do, files and embeds do not."""
    return (url == "" or url.endswith("/")) and f"/{EMBED_FOLDER}/" not in url


def english(url: str) -> str:
    """The English copy's URL of a Vietnamese page: `kien-an/` -> `en/kien-an/`."""
    return ENGLISH + url


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both site-relative.

    Inside `under(prefix)`, `from_url` is the copy's page and page URLs are the copy's.

    `relative("kien-an/", "kien-an/chi-tieu/x/")` -> `chi-tieu/x/`;
    `relative("kien-an/chi-tieu/x/", "")` -> `../../../`.
    """
    prefix = _prefix.get()
    if prefix:
        from_url = prefix + from_url
        if in_copy(to_url):
            to_url = prefix + to_url
    base = from_url.rstrip("/") or "."
    rel = posixpath.relpath(to_url.rstrip("/") or ".", base)
    if to_url and not to_url.endswith("/"):
        return rel
    return "./" if rel == "." else rel + "/"
