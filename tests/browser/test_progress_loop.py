"""The progress loop on a copy of the real data, as staff do it.

The walk-through of docs/staff/cap-nhat-tien-do.md: export a ward's workbook with the
real CLI, enter the 2025 result of one target and a status of one project with
openpyxl as staff would in Excel, import it, add a milestone with `add-status`, build
the site, and open the pages in Chromium: the target's chart is drawn with the new value,
its computed status is shown, and the project shows its new status and timeline.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from playwright.sync_api import Page

from site_builder import cli
from site_builder.computed import compute_ward
from site_builder.excel import KEY_ROW, OBSERVATIONS_SHEET, STATUS_SHEET, TARGETS_SHEET
from site_builder.labels import t
from site_builder.load import load_dataset

from ..conftest import REPO_ROOT
from .support import (
    REAL,
    PageLog,
    StaticSiteServer,
    build_site,
    describe_violations,
    run_axe,
    wait_for_charts,
)

pytestmark = pytest.mark.browser

WARD = "viet-hung"
TARGET = "thu-gom-chat-thai-ran"  # (5) Tỷ lệ thu gom chất thải rắn sinh hoạt đạt 100%
PROJECT = "lang-nghe-nuoi-ran-le-mat"
AS_OF = "2026-12-31"
DOCUMENT = "bc-chinh-tri-du-thao-2025"


def _column(ws: Worksheet, key: str) -> int:
    return next(c for c in range(1, ws.max_column + 1) if ws.cell(KEY_ROW, c).value == key)


def _add_row(ws: Worksheet, cells: dict[str, object]) -> None:
    row = ws.max_row + 1
    for key, value in cells.items():
        ws.cell(row, _column(ws, key)).value = value


@pytest.fixture
def server() -> Iterator[StaticSiteServer]:
    served = StaticSiteServer("/")
    yield served
    served.stop()


def test_staff_enter_a_result_and_a_status_and_see_them_on_the_pages(
    tmp_path: Path,
    server: StaticSiteServer,
    open_page: Callable[..., Page],
    page_log: PageLog,
) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    before = compute_ward(load_dataset(data, [WARD]).wards[0], date.fromisoformat(AS_OF))
    assert before.targets[TARGET].status == "no_data"
    assert before.projects[PROJECT][0] == "unknown"

    # 1. Export, 2. fill in the rows as in Excel, 3. import.
    xlsx = tmp_path / f"{WARD}.xlsx"
    assert cli.main(["export-xlsx", "--data", str(data), "--ward", WARD, "--out", str(xlsx)]) == 0
    wb = load_workbook(xlsx)
    targets = wb[TARGETS_SHEET]
    row = next(
        r
        for r in range(KEY_ROW + 2, targets.max_row + 1)
        if targets.cell(r, _column(targets, "id")).value == TARGET
    )
    key = targets.cell(row, _column(targets, "series_key")).value
    _add_row(
        wb[OBSERVATIONS_SHEET],
        {
            "series": key,
            "period": "2025",
            "value": "100",
            "value_text": "100",
            "source.document": DOCUMENT,
            "source.quote": "thu gom 100% chất thải rắn sinh hoạt",
        },
    )
    _add_row(
        wb[STATUS_SHEET],
        {
            "project": PROJECT,
            "date": "01/03/2026",
            "status": t("project_status.in_progress"),
            "source": "Báo cáo kiểm thử tháng 3/2026",
        },
    )
    wb.save(xlsx)
    assert cli.main(["import-xlsx", "--data", str(data), "--ward", WARD, str(xlsx)]) == 0
    # A milestone from the command line.
    milestone = ["add-status", "--data", str(data), "--ward", WARD, "--project", PROJECT]
    milestone += ["--date", "15/03/2026", "--milestone", "Khởi công", "--source", "Báo cáo"]
    assert cli.main(milestone) == 0
    after = compute_ward(load_dataset(data, [WARD]).wards[0], date.fromisoformat(AS_OF))
    status = after.targets[TARGET]
    assert status.status == "achieved"

    # 4. Rebuild, 5. look.
    site = build_site(
        tmp_path / "site",
        server.url,
        REAL,
        data_dir=str(data),
        data_wards=[WARD],
        data_as_of=AS_OF,
        search_index=False,
    )
    server.serve(site)
    page = open_page()
    page.goto(server.url + f"{WARD}/chi-tieu/{TARGET}/")
    page.wait_for_load_state("networkidle")
    assert wait_for_charts(page) == 1
    assert page.locator(".sb-chart__plot[data-drawn=true]:has(svg)").count() == 1
    assert "100" in (page.locator(".sb-chart__plot").get_attribute("aria-label") or "")
    badge = page.locator(".sb-assessment .sb-status").first.inner_text()
    assert t("status.achieved") in badge
    assert "100%" in page.locator(".sb-assessment__how").first.inner_text()
    assert "2025" in page.locator("table.sb-data").first.inner_text()
    result = run_axe(page)
    assert result["violations"] == [], describe_violations(result["violations"])

    page.goto(server.url + f"{WARD}/du-an/{PROJECT}/")
    page.wait_for_load_state("networkidle")
    project_status = after.projects[PROJECT][0]
    assert project_status != "unknown"
    badge = page.locator(".sb-assessment .sb-status").first.inner_text()
    assert t(f"project_status.{project_status}") in badge
    timeline = page.locator(".sb-timeline").inner_text()
    assert "01/03/2026" in timeline and t("project_status.in_progress") in timeline
    assert "15/03/2026" in timeline and "Khởi công" in timeline
    result = run_axe(page)
    assert result["violations"] == [], describe_violations(result["violations"])
    assert page_log.non_local_requests() == []
    assert page_log.console_errors == []
