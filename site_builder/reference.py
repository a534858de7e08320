"""Staff reference pages generated from the code, so they cannot drift from it.

- `docs/staff/truong-du-lieu.md`: every field of every data file, from the model's
  JSON Schema (type, required or default, description).
- `docs/staff/loi.md`: every error code with its message and how to fix it.

`site-builder docs` writes them; `site-builder docs --check` (run by the tests) fails
when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import CODES
from .model import WARD_FILES
from .schema import schema_name

FIELDS_PAGE = Path("staff") / "truong-du-lieu.md"
ERRORS_PAGE = Path("staff") / "loi.md"
_GENERATED = "<!-- Tệp sinh tự động bởi `site-builder docs`; đừng sửa tay. -->\n\n"


def _type_of(prop: dict[str, Any]) -> str:
    """A short, readable type: `văn bản`, `số`, `danh sách Source`, `một trong: a, b`."""
    if "$ref" in prop:
        return str(prop["$ref"]).rsplit("/", 1)[-1]
    if "enum" in prop:
        return "một trong: " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if "anyOf" in prop:
        kinds = [_type_of(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " hoặc ".join(kinds)
    kind = prop.get("type")
    if kind == "array":
        return "danh sách " + _type_of(prop.get("items", {}))
    if kind == "string" and prop.get("format") == "date":
        return "ngày"
    return {
        "string": "văn bản",
        "number": "số",
        "integer": "số nguyên",
        "boolean": "true/false",
        "object": "nhóm trường",
    }.get(str(kind), str(kind))


def _model_section(name: str, schema: dict[str, Any], level: str) -> list[str]:
    lines = [f"{level} {name}", ""]
    if schema.get("description"):
        lines += [str(schema["description"]).strip(), ""]
    required = set(schema.get("required", []))
    for field, prop in schema.get("properties", {}).items():
        lines.append(f"{level}# `{field}`")
        lines.append("")
        status = (
            "bắt buộc"
            if field in required
            else (
                f"mặc định `{json.dumps(prop['default'], ensure_ascii=False)}`"
                if "default" in prop
                else "không bắt buộc"
            )
        )
        lines.append(f"*{_type_of(prop)}*, {status}.")
        if prop.get("description"):
            lines += ["", str(prop["description"])]
        lines.append("")
    return lines


def fields_page() -> str:
    """Markdown of every data file's fields."""
    lines = [
        "# Các trường dữ liệu",
        "",
        "Mỗi phường có một thư mục `data/wards/<mã>/` với các tệp dưới đây. "
        "Kiểu `Source`, `Note`, ... là nhóm trường mô tả ở phần *Kiểu dùng chung*.",
        "",
    ]
    shared: dict[str, dict[str, Any]] = {}
    for yaml_name, model in WARD_FILES.items():
        schema = model.model_json_schema()
        shared.update(schema.pop("$defs", {}))
        lines += [f"Lược đồ: `data/schema/v1/{schema_name(yaml_name)}`.", ""]
        lines += _model_section(f"Tệp `{yaml_name}`", schema, "##")
    lines += ["## Kiểu dùng chung", ""]
    for name in sorted(shared):
        lines += _model_section(f"`{name}`", shared[name], "###")
    return _GENERATED + "\n".join(lines).rstrip() + "\n"


def errors_page() -> str:
    """Markdown of every error code."""
    lines = [
        "# Mã lỗi dữ liệu",
        "",
        "Mỗi lỗi in ra dạng `tệp:dòng:cột: mã [trường]: thông báo — Cách sửa: ...`. "
        "Chạy `make site` hoặc `.venv/bin/site-builder validate` để xem mọi lỗi cùng lúc; "
        "khi còn lỗi, trang web không được xây dựng lại và bản cũ giữ nguyên.",
        "",
    ]
    for code in sorted(CODES):
        entry = CODES[code]
        lines += [
            f"## `{code}`",
            "",
            f"Thông báo: {entry.vi}",
            "",
            f"English: {entry.en}",
            "",
            f"Cách sửa: {entry.fix_vi}",
            "",
        ]
    return _GENERATED + "\n".join(lines).rstrip() + "\n"


def pages() -> dict[Path, str]:
    """Relative path under docs/ -> content."""
    return {FIELDS_PAGE: fields_page(), ERRORS_PAGE: errors_page()}


def stale_pages(docs_dir: Path) -> list[str]:
    """Generated pages that are missing or out of date."""
    return [
        str(path)
        for path, text in pages().items()
        if not (docs_dir / path).is_file() or (docs_dir / path).read_text("utf-8") != text
    ]


def write_pages(docs_dir: Path) -> list[Path]:
    """Write the generated pages; return their paths."""
    written = []
    for path, text in pages().items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
