"""The whole site as plain files, for a Markdown-based generator without our plugin.

`site-builder export DIR` writes what the plugin adds to a build, and what the site's
own folders hold, into one tree that plain MkDocs (with Material, no plugin), a fork
of it (ProperDocs) or a successor reading `mkdocs.yml` can build as it stands:

```
DIR/mkdocs.yml        the site's config, plugin-free: no `plugins`, no Python names
DIR/docs/             every page as Markdown: generated pages (front matter + one HTML
                      block), hand-written pages (with their generated lists appended
                      and every heading's id written out), the downloads, feeds and
                      embed pages, the theme's scripts and stylesheets, plotly.js
DIR/overrides/        the theme templates, with what the plugin gave them written in
```

The pages are search-ready as they are: their content carries `data-pagefind-body`
(the templates), so `site-builder search-index SITE` (or Pagefind's own `--site`) indexes
the built tree as the plugin would; the results page's scripts are in `docs/assets/`.

What the plugin does at build time, and how the tree stands in for it:

- generated pages: written out; titles HTML-escaped in the front matter, since MkDocs
  and Material print `page.title` unescaped (the plugin escapes them in
  `on_page_markdown`);
- the lists appended to the home, downloads and search pages: appended to the files;
- `toc` ids from `text.toc_slugify` (Python named in mkdocs.yml): each heading of a
  hand-written page gets its id as an attribute (`## Nguồn {#nguon}`), so the links
  into them (`/phuong-phap/#…`) hold under any slug function;
- `sb_t` (labels), `sb_site_feed`, `sb_css` and `sb_memo` in templates: replaced by their
  values (`sb_memo(key, super)` renders `super()` once per key; here, every time);
- the sitemap's `lastmod` from the data's git history: not carried (a generator dates
  pages its own way), nor with it the date MkDocs stamps in sitemap.xml.gz's gzip header
  (the latest page date: in a plain build, the day of the build);
- the English copy under `en/` (the plugin's `english`): not carried. Its pages need the
  theme's language chosen per page (Material takes one `theme.language` for the whole
  site), which only the plugin does; the export is the Vietnamese site, and its templates
  get `sb_lang` as "vi" and no `sb_alternate`.

No MkDocs import: the config is read as YAML with its two tags (`!ENV`, `python/name`).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from . import urls
from .downloads import schema_files, write_site_files
from .feeds import feed_files
from .generate import (
    compute,
    downloads_section,
    generate_pages,
    home_section,
    search_section,
    ward_static_files,
)
from .history import data_changes, file_dates
from .labels import t
from .load import load_dataset
from .report import css_string
from .text import toc_slugify

DOCS = "docs"
OVERRIDES = "overrides"
CONFIG = "mkdocs.yml"
MARKER = ".site-builder-export"
"""File naming an exported tree: only such a folder is ever emptied by a new export."""
PLOTLY_PACKAGE = "plotly.js-basic-dist-min/plotly-basic.min.js"
"""The pinned bundle inside npm's folder (package.json)."""


class ExportError(Exception):
    """The export cannot be written; the message names the file and what to do."""


@dataclass(frozen=True)
class Exported:
    """What an export wrote."""

    out: Path
    pages: int
    """Generated pages."""
    content_pages: int
    """Hand-written pages."""
    downloads: int
    static_files: int
    """Feeds and embed pages."""


class _PythonName:
    """A `!!python/name:` value of mkdocs.yml, kept as its dotted name."""

    def __init__(self, name: str) -> None:
        self.name = name


class _ConfigLoader(yaml.CSafeLoader):
    """Reads mkdocs.yml as MkDocs does, without importing MkDocs or the names it refers to."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    """`!ENV VAR` or `!ENV [VAR, ..., default]`: the first variable set, as a YAML scalar."""
    default: Any = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
        if len(children) > 1:
            default = loader.construct_object(children.pop())
        names = [loader.construct_scalar(child) for child in children]
    else:
        raise yaml.constructor.ConstructorError(
            None, None, "!ENV takes a name or a list", node.start_mark
        )
    for name in names:
        if str(name) in os.environ:
            value = os.environ[str(name)]
            # The tag YAML gives the plain scalar (`2026-06-30` is a date), as MkDocs does.
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


def _python_name(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> _PythonName:
    return _PythonName(suffix)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


def read_config(path: Path) -> dict[str, Any]:
    """The site's mkdocs.yml as a dict, `!ENV` resolved, Python names as `_PythonName`."""
    try:
        with path.open(encoding="utf-8") as stream:
            config = yaml.load(stream, Loader=_ConfigLoader)  # noqa: S506 (safe subclass)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ExportError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(config, dict):
        raise ExportError(f"{path}: expected a mapping of settings")
    return config


def plain_config(config: Mapping[str, Any], source: Path) -> dict[str, Any]:
    """The config for the exported tree: no plugins, no Python names, the tree's folders."""
    out = dict(config)
    for key in ("docs_dir", "site_dir", "plugins", "hooks", "watch", "INHERIT"):
        out.pop(key, None)
    if out.get("site_url") is None:
        out.pop("site_url", None)
    theme = dict(out.get("theme") or {})
    if "custom_dir" in theme:
        theme["custom_dir"] = OVERRIDES
    out["theme"] = theme
    extensions: list[Any] = []
    for entry in out.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            entry = {
                name: {k: v for k, v in (options or {}).items() if not _is_toc_slug(name, k, v)}
                for name, options in entry.items()
            }
        extensions.append(entry)
    if extensions:
        out["markdown_extensions"] = extensions
    leftover = _python_names(out)
    if leftover:
        raise ExportError(
            f"{source}: {', '.join(leftover)} names Python code (!!python/name), which a "
            "generator without our package cannot load; the export only replaces toc's slugify"
        )
    # Placed first, so that a reader of the exported file sees the tree's layout.
    return {"docs_dir": DOCS, "site_dir": "site", **out, "plugins": []}


def _is_toc_slug(extension: str, key: str, value: Any) -> bool:
    return extension == "toc" and key == "slugify" and isinstance(value, _PythonName)


def _python_names(value: Any) -> list[str]:
    if isinstance(value, _PythonName):
        return [value.name]
    if isinstance(value, dict):
        return [n for v in value.values() for n in _python_names(v)]
    if isinstance(value, list):
        return [n for v in value for n in _python_names(v)]
    return []


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_EXPLICIT_ID = re.compile(r"\{[^}]*#[\w-]+[^}]*\}\s*$")
# Inline Markdown that toc strips from a heading's text before making its slug.
_INLINE = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)|<[^>]+>")


def with_heading_ids(markdown: str) -> str:
    """Every ATX heading given the id `toc` gives it with `toc_slugify`, as `{#id}`.

    Headings that have an id keep it; fenced code is left alone; repeated slugs get
    `_1`, `_2` as toc numbers them.
    """
    seen: set[str] = set()
    lines = markdown.split("\n")
    fenced = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match is None:
            continue
        text = match.group(2)
        explicit = _EXPLICIT_ID.search(text)
        if explicit:
            seen.add(explicit.group(0).split("#", 1)[1].split()[0].rstrip("}"))
            continue
        slug = toc_slugify(html.unescape(_INLINE.sub(r"\1", text)), "-")
        unique, count = slug, 0
        while unique in seen:
            count += 1
            unique = f"{slug}_{count}"
        seen.add(unique)
        lines[number] = f"{match.group(1)} {text} {{#{unique}}}"
    return "\n".join(lines)


_MEMO = re.compile(r"sb_memo\(\s*[^()]*?,\s*super\s*\)")
_LABEL = re.compile(r"""sb_t\(\s*(["'])([\w.-]+)\1\s*\)""")
_CSS = re.compile(r'sb_css\(\s*("(?:[^"\\]|\\.)*")\s*\)')
# Plain values of the plugin's other globals. The export is the Vietnamese site: every
# page in Vietnamese, none with an English copy (no alternate, no hreflang links).
_PLAIN_VALUES = {
    "sb_site_feed": json.dumps(urls.SITE_FEED),
    "sb_lang": '"vi"',
    "sb_alternate": "none",
    "sb_alternate_href": '""',
    "sb_hreflang": "()",
    # The page's feed, relative: what the plugin computes for a theme shell.
    "sb_feed_href": "(page and page.meta and page.meta.feed and (page.meta.feed | url))",
}
_PLAIN = re.compile(r"\b(" + "|".join(_PLAIN_VALUES) + r")\b")
_LEFT = re.compile(r"\bsb_\w+")
_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


def plain_template(text: str, name: str) -> str:
    """A theme template with the plugin's globals replaced by their values.

    Raises `ExportError` when a global is used in a way not replaced here.
    """
    text = _MEMO.sub("super()", text)
    text = _LABEL.sub(lambda m: json.dumps(t(m.group(2)), ensure_ascii=False), text)
    text = _CSS.sub(
        lambda m: json.dumps(str(css_string(json.loads(m.group(1)))), ensure_ascii=False), text
    )
    text = _PLAIN.sub(lambda m: _PLAIN_VALUES[m.group(1)], text)
    left = sorted(set(_LEFT.findall(_COMMENT.sub("", text))))
    if left:
        raise ExportError(
            f"{name}: uses {', '.join(left)} in a form the export cannot write out; "
            "give it a plain argument or add it to export.plain_template"
        )
    return text


def _prepare(out: Path) -> None:
    """Make `out` an empty folder: new, empty, or a previous export (emptied)."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise ExportError(
                f"{out}: not empty and not an earlier export; give a new or empty folder"
            )
        for child in out.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out.mkdir(parents=True, exist_ok=True)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_new(source: Path, target: Path, what: str) -> None:
    if target.exists():
        raise ExportError(f"{source}: {what} would overwrite {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def export_site(
    config_file: Path,
    data_dir: Path,
    out: Path,
    *,
    as_of: date,
    wards: list[str] | None = None,
    vendor_dir: Path | None = None,
) -> Exported:
    """Write the whole site for a generator without our plugin (module docstring).

    `config_file` is the site's mkdocs.yml: its folders (`docs_dir`, `theme.custom_dir`)
    are read relative to it, its settings carried over. Raises `DataErrors` for bad
    data (nothing is written then) and `ExportError` for anything else.
    """
    config = read_config(config_file)
    root = config_file.parent
    plain = plain_config(config, config_file)
    content = root / str(config.get("docs_dir") or "docs")
    theme = config.get("theme") or {}
    custom = root / str(theme["custom_dir"]) if theme.get("custom_dir") else None
    vendor = vendor_dir if vendor_dir is not None else root / "node_modules"
    site_url = str(config.get("site_url") or "")
    site_name = str(config.get("site_name") or "")

    # Everything from the data first: a data error leaves `out` untouched.
    dataset = load_dataset(data_dir, wards)
    dates = file_dates(path for ward in dataset.wards for path in ward.files)
    changes = data_changes({p.parent for ward in dataset.wards for p in ward.files})
    computed = compute(dataset, as_of, dates)
    pages = generate_pages(computed, site_url)
    bundle = vendor / PLOTLY_PACKAGE
    if any(page.has_chart for page in pages) and not bundle.is_file():
        raise ExportError(f"{bundle}: missing; run `make vendor` (npm ci) first")

    _prepare(out)
    docs = out / DOCS
    for page in pages:
        escaped = replace(page, title=html.escape(page.title, quote=False))
        _write(docs / page.src_uri, escaped.markdown())
    static = feed_files(computed, changes, site_url, site_name)
    for ward in computed:
        static.update(ward_static_files(ward))
    for path, text in static.items():
        _write(docs / path, text)
    sizes = write_site_files(computed, schema_files(data_dir), docs, site_url)
    if any(page.has_chart for page in pages):
        _copy_new(bundle, docs / urls.PLOTLY_JS, "plotly.js")

    appended = {
        "index.md": home_section(computed, as_of),
        urls.DOWNLOADS.rstrip("/") + ".md": downloads_section(computed, sizes),
        urls.SEARCH.rstrip("/") + ".md": search_section(computed),
    }
    content_pages = 0
    for source in sorted(p for p in content.rglob("*") if p.is_file()):
        relative = source.relative_to(content).as_posix()
        if relative.startswith(urls.ENGLISH):
            continue  # the English copy needs the plugin (module docstring)
        if source.suffix != ".md":
            _copy_new(source, docs / relative, "a content file")
            continue
        content_pages += 1
        markdown = with_heading_ids(source.read_text(encoding="utf-8"))
        if relative in appended:
            markdown = f"{markdown}\n\n{appended[relative]}\n"
        if (docs / relative).exists():
            raise ExportError(f"{source}: a generated page has the same path")
        _write(docs / relative, markdown)

    if custom is not None:
        for source in sorted(p for p in custom.rglob("*") if p.is_file()):
            relative = source.relative_to(custom).as_posix()
            if source.suffix == ".html":
                text = plain_template(source.read_text(encoding="utf-8"), str(source))
                _write(out / OVERRIDES / relative, text)
            else:
                # Scripts and stylesheets go with the pages: any generator copies them.
                _copy_new(source, docs / relative, "a theme file")

    header = (
        "# Written by `site-builder export`: the site without the `commitments` plugin.\n"
        "# Build: mkdocs build (or properdocs build); search: site-builder search-index site\n"
    )
    _write(out / CONFIG, header + yaml.safe_dump(plain, allow_unicode=True, sort_keys=False))
    summary = {"as_of": as_of.isoformat(), "pages": len(pages), "data": str(data_dir)}
    _write(out / MARKER, json.dumps(summary, ensure_ascii=False) + "\n")
    return Exported(out, len(pages), content_pages, len(sizes), len(static))
