"""Pages of the fixture ward, built by a real MkDocs build and read with BeautifulSoup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import pytest
from bs4 import BeautifulSoup

from site_builder.computed import compute_ward
from site_builder.labels import t
from site_builder.load import Dataset
from site_builder.pages import build_home, build_project, build_target, build_ward
from site_builder.text import match_key

from .conftest import AS_OF

WARD = "thu-nghiem/"
TARGET = "thu-nghiem/chi-tieu/ho-ngheo/"
PROJECT = "thu-nghiem/du-an/duong-mau-so-1/"


def text(soup: BeautifulSoup) -> str:
    article = soup.select_one("article") or soup
    return " ".join(article.get_text(" ").split())


def test_every_target_and_project_has_its_page(
    fixture_site: Path, fixture_dataset: Dataset
) -> None:
    [ward] = fixture_dataset.wards
    for target in ward.targets:
        assert (fixture_site / "thu-nghiem" / "chi-tieu" / target.id / "index.html").is_file()
    for project in ward.projects:
        assert (fixture_site / "thu-nghiem" / "du-an" / project.id / "index.html").is_file()


def test_home_lists_wards_with_counts(soup_of) -> None:
    home = soup_of("")
    card = home.select_one(".sb-card")
    assert card is not None
    assert card.a["href"] == "thu-nghiem/"
    assert "10 chỉ tiêu" in card.get_text(" ")
    assert "4 dự án, công trình" in card.get_text(" ")
    # The hand-written intro comes first.
    assert home.select_one("article h1").get_text(strip=True) == "Cam kết của các phường"


def test_ward_page_lists_documents_targets_projects_and_tasks(soup_of) -> None:
    page = soup_of(WARD)
    body = text(page)
    assert "02-CTr/ĐU" in body and "12/12/2025" in body and "Dự thảo" in body
    links = [a["href"] for a in page.select(".sb-targets a")]
    assert "chi-tieu/ho-ngheo/" in links
    # Child targets are listed under their parent's row.
    assert page.select(".sb-targets .sb-children li")
    project_links = [a["href"] for a in page.select(".sb-projects a")]
    # A project printed in two tables appears in both.
    assert project_links.count("du-an/duong-mau-so-1/") == 2
    assert page.select(".sb-tasks li")


def test_target_page_shows_printed_value_meaning_source_and_notes(soup_of) -> None:
    page = soup_of(TARGET)
    body = text(page)
    assert page.select_one("h1").get_text(" ", strip=True).startswith("II.2")
    assert "< 1" in body  # printed value
    assert "Đạt dưới 1% vào năm 2030. Càng thấp càng tốt." in body
    assert page.select_one(".sb-source__quote").get_text(strip=True).startswith("Trích nguyên văn")
    crumbs = [a["href"] for a in page.select(".sb-breadcrumbs a")]
    assert crumbs == ["../../../", "../../"]


def test_target_table_is_readable_without_javascript_and_includes_the_goal(soup_of) -> None:
    page = soup_of(TARGET)
    table = page.select_one("table.sb-data")
    assert table is not None and table.caption is not None
    rows = table.select("tbody tr")
    assert any("3,2" in r.get_text() for r in rows)  # Vietnamese decimal comma
    goal_rows = table.select("tr.sb-data__goal")
    assert goal_rows and "dưới 1%" in goal_rows[-1].get_text()
    # Flags are spelled out.
    assert "ước tính" in table.get_text()


def test_chart_carries_spec_and_relative_plotly_url(soup_of) -> None:
    plot = soup_of(TARGET).select_one(".sb-chart__plot")
    assert plot is not None
    assert plot["data-plotly-src"] == "../../../assets/vendor/plotly-basic.min.js"
    assert plot["role"] == "img" and "3,2" in plot["aria-label"]
    assert '"separators":",."' in plot["data-chart"]


def test_target_without_data_shows_the_honest_empty_state(soup_of) -> None:
    page = soup_of("thu-nghiem/chi-tieu/phuong-van-minh/")
    assert page.select_one(".sb-chart__plot") is None
    assert "Chưa có số liệu" in page.select_one(".sb-empty").get_text()


def test_child_targets_are_sections_with_their_own_values(soup_of) -> None:
    page = soup_of("thu-nghiem/chi-tieu/lao-dong-qua-dao-tao/")
    sections = page.select("section.sb-child")
    assert [s["id"] for s in sections] == ["lao-dong-qua-dao-tao-chung", "lao-dong-co-bang-cap"]
    assert all(s.select_one(".sb-value") for s in sections)


def test_override_is_shown_as_such(soup_of) -> None:
    page = soup_of("thu-nghiem/chi-tieu/phuong-van-minh/")
    assert "Trạng thái đánh giá thủ công" in page.select_one(".sb-override").get_text()


def test_project_page_lists_every_row_and_a_timeline(soup_of) -> None:
    page = soup_of(PROJECT)
    assert len(page.select(".sb-row")) == 2
    items = page.select(".sb-timeline__item")
    kinds = [i["class"][1] for i in items]
    assert "sb-timeline__item--status" in kinds and "sb-timeline__item--milestone" in kinds
    assert "Hoàn thành" in page.select_one(".sb-timeline").get_text()
    related = [a["href"] for a in page.select("article a") if "chi-tieu" in a["href"]]
    assert related and all(h.startswith("../../chi-tieu/") for h in related)


def test_context_project_is_marked(soup_of) -> None:
    assert soup_of("thu-nghiem/du-an/vanh-dai-mau/").select_one(".sb-context")


@pytest.mark.parametrize(
    "url",
    [
        "",
        WARD,
        TARGET,
        PROJECT,
        "thu-nghiem/du-an/nha-van-hoa-mau/",
        "thu-nghiem/chi-tieu/phuong-van-minh/",
        "thu-nghiem/chi-tieu/cai-tao-via-he/",
    ],
)
def test_no_link_is_absolute_or_external(soup_of, url: str) -> None:
    page = soup_of(url)
    for tag in page.select("[href], [src]"):
        ref = tag.get("href") or tag.get("src")
        assert not ref.startswith("/"), ref
        assert not ref.startswith(("http:", "https:", "//")) or ref.startswith(
            "http://127.0.0.1"
        ), ref


DANGEROUS_PAGES = [
    "thu-nghiem/chi-tieu/phuong-van-minh/",
    "thu-nghiem/chi-tieu/cai-tao-via-he/",
    "thu-nghiem/du-an/nha-van-hoa-mau/",
    "thu-nghiem/du-an/duong-mau-so-1/",
    WARD,
]


@pytest.mark.parametrize("url", DANGEROUS_PAGES)
def test_data_text_is_escaped_everywhere(fixture_site: Path, url: str) -> None:
    html = (fixture_site / url / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    scripts = [s.get_text() for s in soup.find_all("script")]
    assert not any("alert(1)" in s for s in scripts)
    assert "<script>alert(1)</script>" not in html
    # Markdown syntax from data arrives as literal text.
    assert "<em>stars</em>" not in html and "<em>under</em>" not in html


def test_script_in_a_name_is_visible_text(soup_of) -> None:
    h1 = soup_of("thu-nghiem/chi-tieu/phuong-van-minh/").select_one("h1").get_text()
    assert "<script>alert(1)</script>" in h1


def test_markdown_characters_and_leading_number_survive_in_names(soup_of) -> None:
    h1 = soup_of("thu-nghiem/du-an/nha-van-hoa-mau/").select_one("h1").get_text()
    assert h1 == "1. Nhà văn hoá Mẫu *stars* _under_ (hư cấu)"


def test_pipe_stays_in_table_cell(soup_of) -> None:
    assert "Hợp tác xã Mẫu a | b" in text(soup_of(PROJECT))


def test_note_markdown_is_sanitised(soup_of) -> None:
    notes = soup_of("thu-nghiem/du-an/nha-van-hoa-mau/").select(".sb-timeline__note")
    html = "".join(str(n) for n in notes)
    assert notes and "<script" not in html
    # Template syntax from data stays literal text: nothing evaluated it.
    assert "{{ 7*7 }}" in notes[0].get_text() and "49" not in notes[0].get_text()


def test_view_models_are_built_without_mkdocs(fixture_dataset: Dataset) -> None:
    [ward] = fixture_dataset.wards
    computed = compute_ward(ward, date.fromisoformat(AS_OF))
    home = build_home([computed], computed.as_of)
    assert [c.name for c in home.wards] == [ward.ward.full_name]
    page = build_ward(computed)
    assert page.url == WARD
    assert sum(len(t.rows) for t in page.project_tables) == sum(len(p.rows) for p in ward.projects)
    target = build_target(computed, next(t for t in ward.targets if t.id == "ho-ngheo"))
    assert target.body.chart_json and target.plotly_src.endswith("plotly-basic.min.js")
    project = build_project(computed, next(p for p in ward.projects if p.id == "duong-mau-so-1"))
    assert [i.kind for i in project.timeline].count("status") == 3


def test_target_page_shows_status_and_its_reasoning(soup_of) -> None:
    page = soup_of(TARGET)
    badge = page.select_one(".sb-assessment .sb-status")
    assert badge is not None and "sb-status--on_track" in badge["class"]
    assert "Đúng tiến độ" in badge.get_text()
    how = page.select_one(".sb-assessment__how").get_text()
    assert how.startswith("Cần giảm 11,1%/năm từ 1,8% (năm 2025)")
    assert "Số liệu tính đến 31/03/2027" in text(page)


def test_chart_draws_the_expected_path_apart_from_measurements(soup_of) -> None:
    import json

    spec = json.loads(soup_of(TARGET).select_one(".sb-chart__plot")["data-chart"])
    path = [t for t in spec["data"] if t["name"] == "Lộ trình cần thiết"]
    assert path and path[0]["line"]["dash"] == "dot"
    assert path[0]["x"][0] == 2025 and path[0]["y"][0] == 1.8


def test_ward_page_summarises_statuses_and_lists_them(soup_of) -> None:
    page = soup_of(WARD)
    headline = page.select_one(".sb-summary__headline").get_text(" ", strip=True)
    assert headline.startswith("2/10 chỉ tiêu đã đạt")
    assert "thời gian nhiệm kỳ đã qua" in headline
    rows = page.select(".sb-targets tbody tr")
    assert rows and all(r.select_one(".sb-status") for r in rows)
    assert all(r.select_one(".sb-status") for r in page.select(".sb-projects tbody tr"))


def test_home_summarises_each_ward(soup_of) -> None:
    card = soup_of("").select_one(".sb-card")
    assert card.select_one(".sb-summary__headline") is not None


def test_project_page_shows_schedule_status(soup_of) -> None:
    badge = soup_of(PROJECT).select_one(".sb-assessment .sb-status")
    assert "sb-status--completed" in badge["class"]


def test_search_page_offers_each_ward_hidden_until_named(soup_of) -> None:
    nav = soup_of("tim-kiem/").select_one("#sb-shortcuts")
    assert nav is not None and nav.has_attr("hidden")
    assert nav.find_parent(attrs={"data-pagefind-ignore": True}) is not None
    [item] = nav.select("li")
    # The key is what search.js compares with the folded query: no tone marks, đ as d.
    assert item["data-key"] == "thu nghiem"
    assert item.a["href"] == "../thu-nghiem/"
    assert item.a.get_text() == "Phường Thử Nghiệm (hư cấu)"


def test_search_page_has_a_labelled_form_and_filters(soup_of) -> None:
    page = soup_of("tim-kiem/")
    box = page.select_one("#sb-search")
    # Kept out of the index: it lists every ward and topic.
    assert box is not None and box.has_attr("data-pagefind-ignore")
    form = box.select_one("form[role=search]")
    assert form["aria-label"] == "Tìm trong các trang của phường"
    for field in form.select("input, select"):
        label = form.select_one(f"label[for={field['id']}]")
        assert label is not None and label.get_text(strip=True), field["id"]
    options = {
        s["data-filter"]: [o.get_text() for o in s.select("option")] for s in form.select("select")
    }
    assert options == {
        "Phường": ["Tất cả", "Phường Thử Nghiệm (hư cấu)"],
        "Loại trang": [
            "Tất cả",
            "Phường",
            "Chỉ tiêu",
            "Dự án, công trình",
            "So sánh giữa các phường",
        ],
    }


def test_nothing_found_offers_wards_and_topics_the_data_names(
    soup_of, fixture_dataset: Dataset
) -> None:
    help_block = soup_of("tim-kiem/").select_one("#sb-no-results")
    assert help_block is not None and help_block.has_attr("hidden")
    [ward_list, topic_list] = help_block.select("ul")
    assert [a["href"] for a in ward_list.select("a")] == ["../thu-nghiem/"]
    offered = {a.get_text(): a["href"] for a in topic_list.select("a")}
    assert offered["hộ nghèo"] == "?q=h%E1%BB%99+ngh%C3%A8o"
    [ward] = fixture_dataset.wards
    names: list[str] = [match_key(p.name) for p in ward.projects]
    stack = list(ward.targets)
    while stack:
        target = stack.pop()
        names.append(match_key(target.name))
        stack.extend(target.children)
    candidates = [c.strip() for c in t("search.topics").split(";")]
    for topic in candidates:
        named = any(match_key(topic) in name for name in names)
        assert (topic in offered) == named, topic
    assert len(offered) < len(candidates)  # the fixture does not name every topic


def test_search_records_kind_ward_status_and_no_second_copy_of_the_text(soup_of) -> None:
    page = soup_of(TARGET)
    meta = [span["data-pagefind-meta"] for span in page.select("[data-pagefind-meta]")]
    assert meta == [
        "Phường:Phường Thử Nghiệm (hư cấu)",
        "Loại trang:Chỉ tiêu",
        "Trạng thái:Đúng tiến độ",
    ]
    # "đ" is matched at query time (search.js), so no folded copy is indexed.
    assert page.select("[data-pagefind-index-attrs]") == []


def test_ward_page_shows_results_that_measure_no_target(soup_of) -> None:
    ward = soup_of("thu-nghiem/")
    heading = next(h for h in ward.select("h2") if h.get_text() == "Kết quả văn bản đã công bố")
    area = heading.find_next("h3")
    assert area.get_text() == "Phường Thử Nghiệm Tây (cũ, hư cấu)"
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in area.find_next("table").select("tbody tr")
    ]
    # The series without a target, its two measurements, as printed, escaped, with source.
    assert [r[:4] for r in rows] == [
        ["Dân số trung bình *stars* _under_ (hư cấu) (người)", "2021", "21.500", "21.500"],
        [
            "Dân số trung bình *stars* _under_ (hư cấu) (người)",
            "2024",
            "22.100 (ước tính)",
            "22.100",
        ],
    ]
    assert all("Phần I" in r[4] for r in rows)


# ---------------------------------------------------------------- real results (issue 14)


@pytest.fixture(scope="module")
def viet_hung():
    from site_builder.load import load_dataset

    from .conftest import REPO_ROOT

    ward = load_dataset(REPO_ROOT / "data", ["viet-hung"]).wards[0]
    return compute_ward(ward, date(2026, 6, 30))


def _page(model) -> BeautifulSoup:
    from site_builder.render import render

    return BeautifulSoup(render(model), "html.parser")


def test_every_real_result_series_with_two_values_has_its_own_chart(viet_hung) -> None:
    import json

    ward = viet_hung.ward
    charted = [
        s
        for s in ward.series
        if not s.target and sum(o.value is not None for o in s.observations) >= 2
    ]
    assert len(charted) == 7  # the budget series of Việt Hưng (cũ) and Giang Biên
    page = _page(build_ward(viet_hung))
    plots = page.select(".sb-chart__plot[data-chart]")
    assert len(plots) == len(charted)
    for plot, series in zip(plots, charted, strict=True):
        spec = json.loads(plot["data-chart"])
        go.Figure(spec)  # plotly's own validation of the plain dict
        [trace] = spec["data"]  # one series per chart: never two areas on one line
        values = [o for o in series.observations if o.value is not None]
        assert sorted(trace["y"]) == sorted(o.value for o in values)
        assert trace["x"] == sorted(trace["x"])
        figure = plot.find_parent("figure")
        assert series.name in figure.figcaption.get_text()
        # The figures are also in the area's table (the chart's text alternative).
        assert all(f"{o.period[:4]}" in plot["aria-label"] for o in values)
        area = figure.find_next("table")
        assert series.name in area.get_text()
    assert plots[0]["data-plotly-src"].endswith("plotly-basic.min.js")


def test_a_result_of_the_same_indicator_is_the_targets_baseline_never_its_data(
    viet_hung,
) -> None:
    import json

    target = next(t for t in viet_hung.ward.targets if t.id == "giao-vien-dat-chuan")
    page = _page(build_target(viet_hung, target))
    baseline = page.select_one(".sb-baseline")
    assert baseline is not None
    note = baseline.select_one("[role=note]").get_text()
    assert "mức xuất phát" in note and "không dùng để đánh giá" in note
    assert "04 phường cũ" in baseline.get_text() and "100" in baseline.table.get_text()
    # Drawn, but apart: a baseline trace, no measured series; the status has no data.
    spec = json.loads(page.select_one("[data-chart]")["data-chart"])
    go.Figure(spec)
    names = [trace["name"] for trace in spec["data"]]
    assert names[0].startswith("Mức xuất phát: ") and names[1].startswith("Mục tiêu")
    assert viet_hung.targets[target.id].status == "no_data"
    assert "Mức xuất phát" in page.select_one("[data-chart]")["aria-label"]
    # The ward page lists the result with its own area and links to the target.
    ward_page = _page(build_ward(viet_hung))
    said = next(p for p in ward_page.select("p") if "làm mức xuất phát" in p.get_text())
    assert [a["href"] for a in said.select("a")] == ["chi-tieu/giao-vien-dat-chuan/"]


# ---------------------------------------------------------------- the real data (#14 audit)
# How pages *say* what the documents print: each case below was misread by an audit.


def _facts(soup: BeautifulSoup) -> dict[str, str]:
    """The first target body's facts: label -> value."""
    facts = soup.select_one("dl.sb-facts")
    assert facts is not None
    return {
        dt.get_text(" ", strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in facts.find_all("dt")
    }


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("thuy-nguyen/chi-tieu/mo-hinh-diem-an-ninh-trat-tu/", "Đến năm 2025"),
        ("kien-an/chi-tieu/ty-le-cu-tri-di-bau/", "Đến năm 2026"),
    ],
)
def test_value_label_is_the_goals_own_year(real_soup, url: str, label: str) -> None:
    facts = _facts(real_soup(url))
    assert label in facts
    assert "Đến năm 2030" not in facts


def test_every_real_target_value_label_matches_its_printed_year(real_soup) -> None:
    """No target page says "Đến năm 2030" for a goal due another year, or with no year."""
    from site_builder.load import load_dataset

    from .conftest import REAL_DATA

    checked = 0
    for ward in load_dataset(REAL_DATA).wards:
        for target in ward.targets:
            goal = target.goal
            if goal is None or not target.value_text or goal.kind not in ("level", "milestone"):
                continue
            facts = _facts(real_soup(f"{ward.ward.id}/chi-tieu/{target.id}/"))
            want = f"Đến năm {goal.year}" if goal.year else "Mục tiêu (văn bản không nêu thời hạn)"
            assert want in facts, (ward.ward.id, target.id, list(facts))
            checked += 1
    assert checked > 50


def test_monthly_commitment_is_said_to_be_monthly(real_soup) -> None:
    soup = real_soup("kien-an/chi-tieu/uy-vien-tiep-xuc-co-so-hang-thang/")
    facts = _facts(soup)
    assert facts["Hằng tháng"] == "ít nhất 01 lần"
    assert facts["Loại"] == "Hằng tháng"
    assert facts["Nghĩa là"].startswith("Hằng tháng đạt từ 1 lần trở lên")
    assert "Bình quân năm" not in facts
    assert "Hằng năm" not in text(soup)


def test_target_without_printed_deadline_says_so(real_soup) -> None:
    soup = real_soup("kien-an/chi-tieu/giai-quyet-khieu-nai-to-cao/")
    page = text(soup)
    assert "Văn bản không nêu thời hạn" in page
    assert "vào năm 2030" not in page
    # The data table's goal row names 2030 only as the end of the term.
    assert "2030 (cuối nhiệm kỳ; văn bản không nêu thời hạn)" in page


def test_rank_target_reads_as_a_rank(real_soup) -> None:
    page = text(real_soup("kien-an/chi-tieu/chi-so-cai-cach-hanh-chinh-hai-long/"))
    assert "xếp hạng từ 1 đến 20 trên 114 đơn vị (hạng 1 là cao nhất)" in page
    assert "không quá 20" not in page


def test_manual_assessment_chip_counts_targets_waiting(real_soup) -> None:
    soup = real_soup("kien-an/")
    chips = [li.get_text(strip=True) for li in soup.select(".sb-summary__counts li")]
    assert any(c.startswith("Cần đánh giá thủ công:") for c in chips)
    assert not any(c.startswith("Đánh giá thủ công") for c in chips)
    help_text = soup.select_one(".sb-summary__help")
    assert help_text is not None and "đang chờ" in help_text.get_text()
    assert help_text.a["href"] == "../phuong-phap/#can-danh-gia-thu-cong"


def test_project_past_its_end_is_not_called_late(real_soup) -> None:
    soup = real_soup("kien-an/du-an/cong-vien-rung-thien-van/")
    badge = soup.select_one(".sb-assessment .sb-status")
    assert badge.get_text(strip=True) == "Đã quá thời hạn dự kiến, chưa có thông tin hoàn thành"
    rule = soup.select_one(".sb-assessment__how a")
    assert rule["href"] == "../../../phuong-phap/#du-an-qua-thoi-han"
    methodology = real_soup("phuong-phap/")
    assert methodology.find(id="du-an-qua-thoi-han") is not None
    assert "Quá hạn" not in text(real_soup("kien-an/"))


def test_every_ward_fact_shows_its_source(real_soup) -> None:
    soup = real_soup("viet-hung/")
    facts = soup.select(".sb-facts dd")
    area = next(dd for dd in facts if dd.get_text().startswith("12,91"))
    assert "Nguồn:" in area.summary.get_text()
    assert "Phueng c6 dien tich to nhien la 12,91 km2" in area.blockquote.get_text()
    population = next(dd for dd in facts if dd.get_text().startswith("83.188"))
    assert population.find("blockquote") is not None


def test_term_elapsed_is_explained_and_linked(real_soup) -> None:
    headline = real_soup("kien-an/").select_one(".sb-summary__headline")
    link = headline.find("a")
    assert link["href"] == "../phuong-phap/#thoi-gian-nhiem-ky-da-qua"
    rule = real_soup("phuong-phap/").find(id="thoi-gian-nhiem-ky-da-qua")
    assert rule is not None
    assert "01/01" in rule.find_next("p").get_text()


@pytest.mark.parametrize(
    "url", ["kien-an/chi-tieu/ty-le-cu-tri-di-bau/", "kien-an/du-an/cong-vien-rung-thien-van/"]
)
def test_status_is_announced_once(real_soup, url: str) -> None:
    """A screen reader hears "Trạng thái:" once, not from the label and the badge."""
    assessment = real_soup(url).select_one(".sb-assessment p")
    assert assessment.get_text().count("Trạng thái:") == 1


def test_build_without_site_url_writes_no_localhost(real_site: Path) -> None:
    written = [
        p
        for p in real_site.rglob("*")
        if p.is_file() and p.suffix in {".html", ".xml", ".json", ".csv", ".txt"}
    ]
    assert len(written) > 300
    offenders = [
        p.relative_to(real_site).as_posix()
        for p in written
        # URLs only: the changes feeds quote commit messages, which may say "localhost".
        if "//127.0.0.1" in p.read_text("utf-8", errors="replace")
        or "//localhost" in p.read_text("utf-8", errors="replace")
    ]
    assert offenders == []
    page = BeautifulSoup((real_site / "kien-an" / "index.html").read_text("utf-8"), "html.parser")
    assert page.find("link", rel="canonical") is None


def test_sitemap_dates_pages_by_their_data(tmp_path: Path) -> None:
    """With a site URL, lastmod is when the ward's data changed, not the build date."""
    import xml.etree.ElementTree as ET

    from site_builder.history import file_dates, newest

    from .conftest import REAL_DATA, build_site

    site = build_site(
        tmp_path / "s",
        REAL_DATA,
        site_url="https://example.org/cam-ket/",
        search_index=False,
        data_wards=["viet-hung"],
    )
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    }
    ward_files = sorted((REAL_DATA / "wards" / "viet-hung").glob("*.yaml"))
    expected = newest(file_dates(ward_files).values()).date
    for loc in (
        "https://example.org/cam-ket/viet-hung/",
        "https://example.org/cam-ket/viet-hung/chi-tieu/chi-so-chuyen-doi-so-dti/",
    ):
        assert urls[loc] == (expected.isoformat() if expected else None)


def test_data_table_rows_are_in_time_order(fixture_dataset: Dataset) -> None:
    """A day, a month and a quarter interleave by when they end, not by their text."""
    from site_builder.model import Observation, Series, Source
    from site_builder.pages import _observation_rows

    [ward] = fixture_dataset.wards
    source = Source(document=ward.documents[0].id, quote="q")
    periods = ["2026", "2026-Q2", "2026-06-30", "2026-05", "2025-Q4"]
    series = Series(
        id="s",
        name="S",
        observations=[Observation(period=p, value=1, source=source) for p in periods],
    )
    rows = _observation_rows(ward, series, "S")
    # A day and the quarter ending on it: the shorter period first (text order breaks the tie).
    assert [r.period for r in rows] == [
        "Quý IV/2025",
        "Tháng 5/2026",
        "30/06/2026",
        "Quý II/2026",
        "2026",
    ]
