from pathlib import Path

from site_builder.errors import CODES
from site_builder.model import WARD_FILES
from site_builder.reference import errors_page, fields_page, stale_pages, write_pages

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_generated_docs_are_current() -> None:
    assert stale_pages(DOCS) == [], "run: .venv/bin/site-builder docs"


def test_stale_page_is_detected(tmp_path: Path) -> None:
    write_pages(tmp_path)
    (tmp_path / "staff" / "loi.md").write_text("cũ", encoding="utf-8")
    assert stale_pages(tmp_path) == ["staff/loi.md"]


def test_fields_page_covers_every_file_and_field() -> None:
    page = fields_page()
    for yaml_name, model in WARD_FILES.items():
        assert f"## Tệp `{yaml_name}`" in page
        for field in model.model_fields:
            assert f"`{field}`" in page
    assert "### `Goal`" in page and "#### `comparator`" in page


def test_errors_page_covers_every_code() -> None:
    page = errors_page()
    for code in CODES:
        assert f"## `{code}`" in page
