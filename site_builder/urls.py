"""Every URL of the site, built in one place.

Pages are addressed by site-relative paths ending in "/" (directory URLs:
`kien-an/chi-tieu/ty-le-ho-ngheo/`). Links inside pages are always *relative* to the
page that holds them (`relative`), so the site works at the root of a host and under
any sub-path without knowing which.
"""

from __future__ import annotations

import posixpath

HOME = ""
METHODOLOGY = "phuong-phap/"
DOWNLOADS = "du-lieu/"
SEARCH = "tim-kiem/"
TARGET_FOLDER = "chi-tieu"
PROJECT_FOLDER = "du-an"
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


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both site-relative.

    `relative("kien-an/", "kien-an/chi-tieu/x/")` -> `chi-tieu/x/`;
    `relative("kien-an/chi-tieu/x/", "")` -> `../../../`.
    """
    base = from_url.rstrip("/") or "."
    rel = posixpath.relpath(to_url.rstrip("/") or ".", base)
    if to_url and not to_url.endswith("/"):
        return rel
    return "./" if rel == "." else rel + "/"
