"""ZIP files with the same bytes for the same content (the site ZIP and XLSX workbooks).

Python's `zipfile` stamps every entry with the current time and openpyxl writes the
save time into `docProps/core.xml`, so two builds of unchanged data would publish
different files. Entries here carry a fixed timestamp, and `normalise_xlsx` rewrites
a workbook's save time to a date derived from the data.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from datetime import date

# The earliest time a ZIP entry can carry.
_EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE = "docProps/core.xml"
_CORE_TIMES = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


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


def normalise_xlsx(workbook: bytes, stamp: date) -> bytes:
    """The same workbook with fixed entry times and `stamp` as its created/modified date."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as source:
        entries = []
        when = f"{stamp.isoformat()}T00:00:00Z"
        for name in source.namelist():
            content = source.read(name)
            if name == _CORE:
                text = _CORE_TIMES.sub(rf"\g<1>{when}\g<2>", content.decode("utf-8"))
                content = text.encode("utf-8")
            entries.append((name, content))
    return zip_bytes(entries)
