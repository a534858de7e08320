"""ZIP files with the same bytes for the same content (the site ZIP).

Python's `zipfile` stamps every entry with the current time, so two builds of unchanged
data would publish different files; entries here carry a fixed timestamp. (XLSX
workbooks are ZIP files too: XlsxWriter fixes their entry times itself, see excel.py.)
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

# The earliest time a ZIP entry can carry.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def add_entry(archive: zipfile.ZipFile, name: str, content: bytes) -> None:
    """Add one deflated entry with the fixed time (so equal content gives equal bytes)."""
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, content)


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A deflated ZIP of `(name, content)` entries, in the given order, with fixed times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            add_entry(archive, name, content)
    return out.getvalue()
