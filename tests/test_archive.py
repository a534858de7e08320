from __future__ import annotations

import io
import time
import zipfile

from site_builder.archive import zip_bytes


def test_zip_is_the_same_bytes_whenever_it_is_made(monkeypatch) -> None:
    entries = [("a.txt", b"a"), ("d/b.json", b"{}")]
    first = zip_bytes(entries)
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)
    assert zip_bytes(entries) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == ["a.txt", "d/b.json"]
        assert archive.read("d/b.json") == b"{}"
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
