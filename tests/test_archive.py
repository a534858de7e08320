from __future__ import annotations

import io
import time
import zipfile
from datetime import date

from openpyxl import Workbook, load_workbook

from site_builder.archive import normalise_xlsx, zip_bytes


def test_zip_is_the_same_bytes_whenever_it_is_made(monkeypatch) -> None:
    entries = [("a.txt", b"a"), ("d/b.json", b"{}")]
    first = zip_bytes(entries)
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)
    assert zip_bytes(entries) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == ["a.txt", "d/b.json"]
        assert archive.read("d/b.json") == b"{}"
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_normalised_workbook_has_fixed_times_and_still_opens() -> None:
    def made() -> bytes:
        wb = Workbook()
        assert wb.active is not None
        wb.active["A1"] = "Tỷ lệ"
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    first = normalise_xlsx(made(), date(2026, 6, 30))
    time.sleep(1.1)  # openpyxl stamps the save time to the second
    assert normalise_xlsx(made(), date(2026, 6, 30)) == first
    wb = load_workbook(io.BytesIO(first))
    assert wb.active is not None and wb.active["A1"].value == "Tỷ lệ"
    assert wb.properties.modified is not None
    assert wb.properties.modified.date() == date(2026, 6, 30)
