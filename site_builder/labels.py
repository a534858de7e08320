"""Every label of the interface, in one table per language (Vietnamese, English).

Templates never hold UI text: they call `t("key")`, so wording is reviewed and changed
here, and a test checks that every key a template uses exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LABELS: dict[str, str] = {
    "site.wards": "Các phường",
    "search.label": "Tìm kiếm",
    "search.placeholder": "Chỉ tiêu, dự án, phường… (gõ không dấu cũng được)",
    "search.button": "Tìm",
    "search.shortcuts": "Trang phường khớp với từ khoá",
    "search.kind.ward": "Phường",
    "search.kind.target": "Chỉ tiêu",
    "search.kind.project": "Dự án, công trình",
    "search.kind.comparison": "So sánh giữa các phường",
    "search.filter.ward": "Phường",
    "search.filter.kind": "Loại trang",
    "search.filter.all": "Tất cả",
    "search.form": "Tìm trong các trang của phường",
    "search.input": "Từ khoá",
    "search.filters": "Lọc kết quả",
    "search.searching": "Đang tìm…",
    "search.count": "{n} trang khớp với “{q}”.",
    "search.none": "Không tìm thấy trang nào khớp với “{q}”.",
    "search.failed": "Không tải được công cụ tìm kiếm. Hãy tải lại trang.",
    "search.more": "Xem thêm kết quả",
    "search.help": "Gợi ý: kiểm tra chính tả, bớt từ, hoặc bỏ bộ lọc. Có thể xem trực tiếp:",
    "search.help.wards": "Trang các phường",
    "search.help.topics": "Chủ đề thường gặp",
    # Candidate topics offered when nothing is found; only those some target or project
    # name contains are shown (pages.build_search_shortcuts).
    "search.topics": "hộ nghèo; đảng viên; đầu tư công; đô thị; giải phóng mặt bằng; "
    "trường học; y tế; môi trường; ngân sách; giao thông; nông thôn mới; du lịch",
    "skip.content": "Bỏ qua, đến nội dung chính",
    "lang.switch": "English",
    "site.as_of": "Số liệu tính đến",
    "nav.home": "Trang chủ",
    "nav.breadcrumb": "Đường dẫn",
    "ward.documents": "Văn bản",
    "ward.targets": "Chỉ tiêu",
    "ward.projects": "Dự án, công trình trọng điểm",
    "ward.priority_tasks": "Nhiệm vụ ưu tiên",
    "ward.breakthroughs": "Khâu đột phá",
    "ward.main_tasks": "Nhiệm vụ, giải pháp chủ yếu",
    "ward.results": "Kết quả văn bản đã công bố",
    "ward.results_intro": (
        "Số liệu về kết quả đã đạt mà văn bản in ra, theo từng địa bàn (phường cũ hoặc "
        "phạm vi như in). Các số liệu này không đo chỉ tiêu 2025-2030 nào, không "
        "dùng để đánh giá tiến độ và không cộng giữa các địa bàn. Chuỗi có từ hai số liệu "
        "trở lên có biểu đồ riêng; mỗi biểu đồ chỉ vẽ một chuỗi, số liệu đầy đủ ở bảng dưới."
    ),
    "ward.results_chart": "Biểu đồ kết quả đã công bố",
    "ward.results_baselines": (
        "Kết quả cùng chỉ số với chỉ tiêu 2025-2030, hiển thị làm mức xuất phát trên trang chỉ tiêu"
    ),
    "ward.inferred_group": "tên nhóm do biên tập đặt, văn bản không in",
    "ward.facts": "Thông tin chung",
    "ward.former_wards": "Các phường trước sáp nhập",
    "ward.formed": "Thành lập",
    "ward.count_targets": "chỉ tiêu",
    "ward.count_projects": "dự án, công trình",
    "ward.count_tasks": "nhiệm vụ ưu tiên",
    "ward.none": "Văn bản không nêu mục nào.",
    "doc.number": "Số",
    "doc.date": "Ngày",
    "doc.status": "Tình trạng",
    "doc.status.draft": "Dự thảo",
    "doc.status.issued": "Đã ban hành",
    "doc.revises": "Sửa đổi, bổ sung",
    "doc.issuer": "Cơ quan ban hành",
    "doc.signer": "Người ký",
    "col.code": "Số",
    "col.name": "Tên",
    "col.unit": "Đơn vị tính",
    "col.goal_value": "Mục tiêu (thời hạn)",
    "col.yearly": "Bình quân năm",
    "col.lead_unit": "Đơn vị chủ trì",
    "col.partners": "Đơn vị phối hợp",
    "col.timeframe": "Thời gian thực hiện",
    "col.funding": "Nguồn vốn",
    "col.kind": "Loại",
    "col.output": "Sản phẩm đầu ra",
    "col.text": "Nội dung",
    "col.period": "Kỳ",
    "col.series": "Số liệu",
    "col.value": "Giá trị",
    "col.printed": "Như in",
    "col.source": "Nguồn",
    "col.note": "Ghi chú",
    "col.table": "Bảng",
    "target.goal": "Mục tiêu",
    "target.value": "Mục tiêu",
    "target.value_by": "Đến năm {year}",
    "target.value_no_deadline": "Mục tiêu (văn bản không nêu thời hạn)",
    "target.when_year": "năm {year}",
    "target.when_none": "không nêu thời hạn",
    "target.term_end": "cuối nhiệm kỳ; văn bản không nêu thời hạn",
    "target.every.monthly": "Hằng tháng",
    "target.every.quarterly": "Hằng quý",
    "target.meaning": "Nghĩa là",
    "target.group": "Nhóm",
    "target.milestones": "Các mốc",
    "target.children": "Chỉ tiêu thành phần",
    "target.sources": "Nguồn",
    "target.notes": "Ghi chú",
    "target.data": "Số liệu",
    "target.no_data": "Chưa có số liệu đo lường cho chỉ tiêu này. Trang sẽ hiện biểu đồ khi có số liệu được công bố.",
    "target.chart_caption": "Biểu đồ: số liệu đo được và mục tiêu",
    "target.baseline": "Mức xuất phát",
    "target.baseline_title": "Mức xuất phát (kết quả văn bản đã công bố)",
    "target.baseline_note": (
        "Các số liệu dưới đây là kết quả văn bản đã công bố cho giai đoạn trước, cùng chỉ số "
        "với chỉ tiêu này. Trang hiển thị chúng làm mức xuất phát để so sánh; chúng không phải "
        "số liệu đo chỉ tiêu trong nhiệm kỳ, không gộp vào số liệu đo và không dùng để đánh "
        "giá trạng thái. Trên biểu đồ, mức xuất phát là điểm hình thoi màu xám."
    ),
    "target.table_caption": "Số liệu và mục tiêu dạng bảng",
    "target.row_goal": "Mục tiêu",
    "target.restored": "Văn bản được khôi phục từ bản quét (OCR); xem đoạn trích gốc ở phần Nguồn.",
    "target.related_projects": "Dự án, công trình liên quan",
    "target.override": "Trạng thái đánh giá thủ công",
    "target.override_reason": "Lý do",
    "target.series_area": "Địa bàn",
    "target.whole_ward": "Toàn phường",
    "project.rows": "Các hàng trong phụ lục nêu dự án này",
    "project.timeline": "Tiến trình",
    "project.milestones": "Các mốc",
    "project.status_history": "Lịch sử trạng thái",
    "project.progress": "Tiến độ",
    "project.parts": "Hạng mục, công trình thành phần",
    "project.budget": "Tổng mức đầu tư",
    "project.location": "Địa điểm",
    "project.related_targets": "Chỉ tiêu liên quan",
    "project.context": "Dự án của cấp trên, được văn bản nêu làm bối cảnh.",
    "project.done": "Đã đạt",
    "project.not_done": "Chưa đạt",
    "project.inferred_table": "tên bảng do biên tập đặt, văn bản không in",
    "source.document": "Văn bản",
    "source.section": "Mục",
    "source.row": "Hàng",
    "source.page": "Trang",
    "source.quote": "Trích nguyên văn",
    "flag.estimate": "ước tính",
    "flag.preliminary": "sơ bộ",
    "flag.break": "chuỗi bị ngắt",
    "note.contradiction": "Mâu thuẫn trong văn bản",
    "note.correction": "Đính chính",
    "note.unclear": "Không rõ trong nguồn",
    "note.restored": "Khôi phục từ bản quét",
    "note.difference": "Khác nhau giữa hai bản",
    "note.inconsistency": "Số liệu không khớp",
    "note.info": "Ghi chú",
    "kind.level": "Đạt mức vào năm",
    "kind.annual": "Hằng năm",
    "kind.growth": "Tăng bình quân năm",
    "kind.cumulative": "Cộng dồn cả nhiệm kỳ",
    "kind.milestone": "Hoàn thành / chưa hoàn thành",
    "kind.assigned": "Theo chỉ tiêu cấp trên giao",
    "kind.qualitative": "Định tính",
    "kind.rank": "Thứ hạng",
    "project_kind.project": "Dự án",
    "project_kind.work": "Công trình",
    "project_kind.scheme": "Đề án",
    "project_kind.plan": "Kế hoạch",
    "project_kind.program": "Chương trình",
    "project_kind.resolution": "Nghị quyết",
    "project_kind.other": "Khác",
    "project_status.not_started": "Chưa bắt đầu",
    "project_status.in_progress": "Đang thực hiện",
    "project_status.completed": "Hoàn thành",
    "project_status.paused": "Tạm dừng",
    "project_status.cancelled": "Hủy bỏ",
    "project_status.overdue": "Đã quá thời hạn dự kiến, chưa có thông tin hoàn thành",
    "project_status.unknown": "Chưa có thông tin tiến độ",
    "status.achieved": "Đã đạt",
    "status.on_track": "Đúng tiến độ",
    "status.needs_acceleration": "Cần đẩy nhanh",
    "status.off_track": "Chậm, đi chệch",
    "status.no_data": "Chưa có số liệu",
    "status.not_measurable": "Cần đánh giá thủ công",
    "status.not_measurable_help": "“Cần đánh giá thủ công”: chỉ tiêu không có con số để tính (định tính, hoặc theo chỉ tiêu cấp trên giao). Số này đếm các chỉ tiêu đang chờ người có thẩm quyền đánh giá, có nêu căn cứ; chỉ tiêu đã được đánh giá thủ công được đếm theo kết quả đánh giá.",
    "status.rule": "Xem quy tắc",
    "status.title": "Trạng thái",
    "status.preliminary": "sơ bộ",
    "status.overridden": "đánh giá thủ công",
    "status.how": "Cách tính",
    "status.summary": "Tiến độ chung",
    "status.achieved_of": "chỉ tiêu đã đạt",
    "status.term_elapsed": "thời gian nhiệm kỳ đã qua",
    "status.term_elapsed_how": "cách tính",
    "status.projects": "Dự án theo tình trạng",
    "status.methodology": "Xem phương pháp tính",
    "updated.label": "Dữ liệu cập nhật",
    "updated.unknown": "không rõ",
    "updated.basis.git": "theo lịch sử thay đổi của tệp dữ liệu",
    "updated.basis.uncommitted": "tệp đang sửa, chưa lưu vào lịch sử",
    "updated.basis.mtime": "theo ngày sửa tệp (không có lịch sử thay đổi)",
    "updated.basis.unknown": "bản sao không có đủ lịch sử thay đổi",
    "downloads.label": "Tải dữ liệu",
    "downloads.page": "Tất cả dữ liệu mở",
    "downloads.ward": "Theo phường",
    "downloads.site": "Toàn bộ trang",
    "downloads.schema": "Lược đồ dữ liệu (JSON Schema, phiên bản 1)",
    "downloads.file.targets_csv": "Chỉ tiêu (CSV)",
    "downloads.file.projects_csv": "Dự án, công trình (CSV)",
    "downloads.file.observations_csv": "Số liệu đo được (CSV)",
    "downloads.file.ward_json": "Toàn bộ dữ liệu phường (JSON)",
    "downloads.file.ward_xlsx": "Bảng tính Excel (XLSX)",
    "downloads.file.site_json": "Toàn bộ dữ liệu (JSON)",
    "downloads.file.site_zip": "Toàn bộ tệp tải về (ZIP)",
    "downloads.file.page_csv": "CSV",
    "downloads.file.page_json": "JSON",
    "downloads.licence": "Giấy phép dữ liệu",
    "downloads.licence.text": "Mọi tệp dữ liệu mở dưới đây được cấp phép theo giấy phép",
    "downloads.licence.url": "toàn văn tại",
    "downloads.licence.attribution": (
        "Được sao chép, phân phối lại, chỉnh sửa và dùng cho mọi mục đích, kể cả thương mại, "
        "với điều kiện ghi công: nêu tên trang, ghi rõ có chỉnh sửa hay không, và kèm đường "
        "dẫn đến giấy phép. Tệp ZIP có kèm văn bản giấy phép (LICENSE.txt)."
    ),
    "downloads.standard": "Mô tả dữ liệu theo chuẩn mở",
    "downloads.standard.intro": (
        "Các tệp mô tả mọi tệp tải về theo chuẩn Frictionless Data Package và CSV on the Web "
        "(CSVW): kiểu và ý nghĩa của từng cột CSV, dung lượng và mã băm của từng tệp. Các "
        "công cụ kiểm tra dữ liệu đọc được chúng để kiểm tra từng hàng."
    ),
    "downloads.file.datapackage": "Data Package (datapackage.json)",
    "downloads.file.csvw": "Siêu dữ liệu CSVW (csv-metadata.json)",
    "downloads.file.licence": "Văn bản giấy phép (LICENSE.txt)",
    "report.title": "Báo cáo tiến độ",
    "report.link": "Báo cáo để in (từng phần một trang)",
    "report.intro": (
        "Bản tóm tắt để in hoặc lưu PDF cho cuộc họp: số chỉ tiêu theo trạng thái, "
        "chỉ tiêu từng nhóm và dự án từng bảng phụ lục, mỗi phần một trang. Nguồn, "
        "trích dẫn và ghi chú nằm ở trang của từng mục."
    ),
    "report.print": "In báo cáo",
    "report.print_hint": "Hoặc dùng lệnh In của trình duyệt (Ctrl+P) và chọn Lưu dưới dạng PDF.",
    "report.as_of": "Số liệu đến ngày",
    "report.doc_date": "ngày",
    "report.updated": "Dữ liệu cập nhật",
    "report.rollup": "Tổng hợp theo trạng thái",
    "report.rollup_caption": "Số chỉ tiêu theo nhóm và trạng thái",
    "report.group": "Nhóm chỉ tiêu",
    "report.total": "Tổng",
    "report.all_groups": "Cả phường",
    "report.projects": "Dự án, công trình",
    "report.col_value": "Giá trị như in",
    "report.col_deadline": "Thời hạn",
    "report.col_latest": "Số liệu mới nhất",
    "report.page": "Trang",
    "feed.site_title": "Thay đổi dữ liệu: Cam kết phường 2025-2030",
    "feed.ward_title": "Thay đổi dữ liệu",
    "feed.ward_link": "Theo dõi thay đổi dữ liệu",
    "feed.format": "nguồn tin Atom",
    "feed.subtitle": (
        "Mỗi mục là một lần dữ liệu được sửa, theo lịch sử thay đổi của các tệp dữ liệu."
    ),
    "feed.no_history": (
        "Bản sao dựng trang này không có lịch sử thay đổi, nên nguồn tin chưa có mục nào."
    ),
    "feed.entry": "Cập nhật dữ liệu",
    "feed.files": "Tệp đã sửa",
    "feed.message": "Ghi chú của lần sửa",
    "feed.change.A": "thêm mới",
    "feed.change.M": "sửa",
    "feed.change.D": "xoá",
    "feed.added": "Thêm",
    "feed.changed": "Sửa",
    "feed.removed": "Bỏ",
    "feed.more": "và {count} mục khác",
    "feed.file.ward.yaml": "thông tin phường, văn bản",
    "feed.file.targets.yaml": "chỉ tiêu",
    "feed.file.series.yaml": "số liệu",
    "feed.file.projects.yaml": "dự án, công trình",
    "feed.file.tasks.yaml": "nhiệm vụ, khâu đột phá",
    "embed.summary": "Nhúng chỉ tiêu này vào trang khác",
    "embed.intro": (
        "Dán mã dưới đây vào trang web của đơn vị hoặc bài viết để hiện trạng thái, giá "
        "trị và biểu đồ (khi có số liệu) của chỉ tiêu này, luôn theo số liệu mới nhất."
    ),
    "embed.label": "Mã nhúng (iframe)",
    "embed.copy": "Chép mã",
    "embed.copied": "Đã chép",
    "embed.preview": "Xem trước phần nhúng",
    "embed.relative": (
        "Trang này chưa được cấu hình địa chỉ chính thức (site_url): mã trên dùng địa chỉ "
        "tương đối, chỉ đúng khi dán vào trang cùng địa chỉ. Hãy thay bằng địa chỉ đầy đủ "
        "của phần nhúng (mở liên kết Xem trước và chép địa chỉ)."
    ),
    "embed.full_page": "Xem đầy đủ trên trang Cam kết phường",
    "xlsx.target_name": "Chỉ tiêu",
    "xlsx.project_name": "Tên kế hoạch, đề án, dự án, công trình",
    "xlsx.latest": "Số liệu mới nhất",
    "xlsx.series_id": "Mã chuỗi",
    "xlsx.series_key": "Mã chuỗi để ghi số liệu",
    "xlsx.year": "Năm",
    "xlsx.milestone": "Nội dung mốc",
    "xlsx.done": "Đã đạt chưa",
    "xlsx.target": "Chỉ tiêu",
    "xlsx.period": "Kỳ",
    "xlsx.flags": "Ghi nhận",
    "xlsx.document_id": "Mã văn bản",
    "xlsx.project_id": "Mã dự án",
    "xlsx.basis": "Căn cứ",
    "compare.index": "So sánh các phường theo chỉ số",
    "compare.title": "So sánh các phường",
    "compare.intro": (
        "Các chỉ tiêu dưới đây đo cùng một chỉ số ở các phường khác nhau. Mỗi dòng giữ nguyên "
        "câu chữ, giá trị và đơn vị như văn bản của phường in; không quy đổi, không xếp hạng."
    ),
    "compare.index.intro": (
        "Mỗi chỉ số là một đại lượng mà văn bản của nhiều phường cùng đặt chỉ tiêu. Chỉ những "
        "chỉ tiêu chắc chắn đo cùng một chỉ số mới được đặt cạnh nhau."
    ),
    "compare.indicator": "Chỉ số",
    "compare.wards": "Số phường",
    "compare.unit": "Đơn vị chung",
    "compare.units_differ": (
        "Các văn bản in đơn vị khác nhau: giá trị được giữ như in, không so sánh trực tiếp "
        "được với nhau."
    ),
    "compare.table": "Chỉ tiêu của từng phường",
    "compare.col_ward": "Phường",
    "compare.col_target": "Chỉ tiêu như in",
    "compare.col_value": "Giá trị như in",
    "compare.col_unit": "Đơn vị như in",
    "compare.col_deadline": "Thời hạn",
    "compare.col_lead": "Đơn vị chủ trì",
    "compare.col_status": "Trạng thái",
    "compare.col_source": "Nguồn",
    "compare.yearly": "Bình quân năm",
    "compare.no_deadline": "Không nêu",
    "compare.from_target": "So sánh với các phường khác",
    "compare.home": "So sánh các phường theo chỉ số chung",
    "national.title": "Cam kết phường 2025-2030 các tỉnh, thành phố",
    "national.skip": "Bỏ qua, đến nội dung chính",
    "national.intro": (
        "Chỉ tiêu và dự án trọng điểm nhiệm kỳ 2025-2030 của các phường, theo văn bản gốc. "
        "Mỗi tỉnh, thành phố có trang riêng; ô tìm kiếm dưới đây tìm trong tất cả."
    ),
    "national.search": "Tìm trong tất cả các tỉnh, thành phố",
    "national.filter": "Tỉnh, thành phố",
    "national.form": "Tìm trong các trang của mọi tỉnh, thành phố",
    "national.noscript": "Tìm kiếm cần JavaScript; hãy mở trang của một tỉnh, thành phố.",
    "national.failed": "Không tải được công cụ tìm kiếm; hãy mở trang của một tỉnh, thành phố.",
    "national.provinces": "Các tỉnh, thành phố",
    "goal.at_least": "từ {v} trở lên",
    "goal.above": "trên {v}",
    "goal.at_most": "không quá {v}",
    "goal.below": "dưới {v}",
    "goal.exactly": "đúng {v}",
    "goal.about": "khoảng {v}",
    "goal.range": "từ {low} đến {high}",
    "goal.period": "giai đoạn {start}-{end}",
    "goal.rank_exactly": "xếp hạng {rank} trên {of} đơn vị",
    "goal.rank_between": "xếp hạng từ {best} đến {worst} trên {of} đơn vị (hạng 1 là cao nhất)",
    "goal.no_deadline": (
        "Văn bản không nêu thời hạn; trang đánh giá theo cuối nhiệm kỳ (năm {end})."
    ),
    "goal.assigned": "Theo chỉ tiêu cấp trên giao; không có con số trong văn bản.",
    "goal.qualitative": "Chỉ tiêu định tính: cần đánh giá thủ công, có nêu căn cứ.",
    "goal.milestone_by": "Hoàn thành chậm nhất năm {year}.",
    "goal.milestone": "Hoàn thành.",
    "goal.no_number": "Văn bản không nêu con số cụ thể.",
    "goal.level_by": "Đạt {said} vào năm {year}.",
    "goal.level": "Đạt {said}.",
    "goal.every.monthly": "Hằng tháng",
    "goal.every.quarterly": "Hằng quý",
    "goal.every.yearly": "Hằng năm",
    "goal.every.term": "Cả nhiệm kỳ",
    "goal.annual": "{every} đạt {said} ({period}).",
    "goal.growth": "Tăng bình quân {said} mỗi năm ({period}).",
    "goal.cumulative": "Cộng dồn {period} đạt {said}.",
    "goal.rank_better": "Thứ hạng càng nhỏ càng tốt.",
    "goal.lower_better": "Càng thấp càng tốt.",
    "goal.higher_better": "Càng cao càng tốt.",
    "st.year": "năm {year}",
    "st.noun.monthly": "tháng",
    "st.noun.quarterly": "quý",
    "st.noun.yearly": "năm",
    "st.noun.term": "nhiệm kỳ",
    "st.term_end": "cuối nhiệm kỳ (năm {end}; văn bản không nêu thời hạn)",
    "st.rank": "hạng {rank}/{of}",
    "st.no_data_term": "Chưa có số liệu trong kỳ của văn bản.",
    "st.level_met": "Số liệu {when}: {value}, đã đạt mục tiêu.",
    "st.one_point": (
        "Mới có một số liệu ({when}: {value}); cần ít nhất hai năm để đánh giá xu hướng."
    ),
    "st.level_overdue": "Đã qua {deadline}, số liệu mới nhất {value} chưa đạt mục tiêu.",
    "st.same_year": "Các số liệu cùng một năm.",
    "st.rise": "tăng",
    "st.fall": "giảm",
    "st.rose": "tăng",
    "st.fell": "giảm",
    "st.level_rate": (
        "Cần {need} {required}/năm từ {base} ({base_when}) để đạt {aim} vào {deadline}; thực "
        "tế {moved} {observed}/năm, đến {when} đạt {value}."
    ),
    "st.level_distance": (
        "Đã đi được {covered}% quãng đường từ {base} đến {aim} trong {time}% thời gian."
    ),
    "st.wrong_way": "Số liệu đang đi ngược mục tiêu.",
    "st.annual_none": (
        "Cam kết tính theo từng {noun}; chưa có số liệu theo {noun} ({other} số liệu theo kỳ "
        "khác không dùng để đánh giá)."
    ),
    "st.annual_met": "Đạt ngưỡng {met}/{of} {noun} có số liệu",
    "st.annual_other": "({other} số liệu theo kỳ khác không dùng để đánh giá)",
    "st.annual_latest": "; {when}: {value}.",
    "st.annual_latest_met": "; {noun} gần nhất đạt nhưng có {noun} chưa đạt.",
    "st.annual_latest_missed": "; {when} chưa đạt ({value}).",
    "st.no_growth_data": "Chưa có số liệu tốc độ tăng trong kỳ.",
    "st.growth": "Tốc độ tăng bình quân các năm có số liệu: {average}/năm; mục tiêu {aim}/năm.",
    "st.no_cumulative_data": "Chưa có số liệu cộng dồn trong kỳ.",
    "st.cumulative": (
        "Cộng dồn đến {when}: {total}; theo tiến độ đều cần {expected} ({done}/{years} năm), "
        "cả kỳ {aim}."
    ),
    "st.milestone_done": "Đã hoàn thành ({when}).",
    "st.milestone_overdue": "Đã quá thời hạn ({deadline}), chưa có thông tin hoàn thành.",
    "st.milestone_waiting": "Chưa có thông tin hoàn thành; hạn: {deadline}.",
    "st.manual_only": (
        "Chỉ tiêu không có con số để tính; cần người có thẩm quyền đánh giá, có nêu căn cứ. "
        "Chưa có đánh giá nào được công bố."
    ),
    "st.override": "Đánh giá thủ công ngày {day}: {reason} (căn cứ: {source}).",
    "st.see_children": "Xem trạng thái của từng chỉ tiêu thành phần.",
    "st.former_wards_only": (
        "Văn bản chỉ có số liệu của phường cũ, không dùng để đánh giá phường mới."
    ),
    "st.no_data": "Chưa có số liệu.",
    "st.children_achieved": "{achieved}/{of} chỉ tiêu thành phần đã đạt",
    "st.children_no_data": "; chưa có số liệu.",
    "pst.according": "Theo {source} ngày {day}.",
    "pst.overdue": (
        "Thời hạn dự kiến ({day}) đã qua; chưa có thông tin hoàn thành được công bố. Dự án "
        "có thể đã xong mà chưa được cập nhật."
    ),
    "pst.in_progress": "Đang thực hiện theo thông tin đã công bố.",
    "pst.not_started": "Theo kế hoạch bắt đầu năm {year}.",
    "pst.unknown": "Chưa có thông tin tiến độ được công bố.",
    "period.quarter": "Quý {quarter}/{year}",
    "period.month": "Tháng {month}/{year}",
    "chart.goal": "Mục tiêu",
    "chart.low": ": cận dưới",
    "chart.high": ": cận trên",
    "chart.path": "Lộ trình cần thiết",
    "chart.separators": ",.",
    "downloads.licence.title": "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
}


# The English interface (#17): the same keys, checked by tests/test_labels.py. Only the
# chrome is translated; data text (target names, quotes, lead units, notes) stays as the
# documents print it, in Vietnamese, and templates mark it lang="vi".
LABELS_EN: dict[str, str] = {
    "site.wards": "Wards",
    "search.label": "Search",
    "search.placeholder": "Targets, projects, wards… (Vietnamese, tone marks optional)",
    "search.button": "Search",
    "search.shortcuts": "Ward pages matching the words",
    "search.kind.ward": "Ward",
    "search.kind.target": "Target",
    "search.kind.project": "Project, work",
    "search.filter.ward": "Ward",
    "search.filter.kind": "Page type",
    "search.filter.all": "All",
    "search.form": "Search the ward pages",
    "search.input": "Search words",
    "search.filters": "Filter results",
    "search.searching": "Searching…",
    "search.count": "{n} pages match “{q}”.",
    "search.none": "No page matches “{q}”.",
    "search.failed": "The search tool could not be loaded. Please reload the page.",
    "search.more": "More results",
    "search.help": "Tip: check the spelling, use fewer words, or clear the filters. Or go to:",
    "search.help.wards": "The ward pages",
    "search.help.topics": "Common topics",
    # Topics are matched against Vietnamese target and project names, so they stay
    # Vietnamese search words (shown with lang="vi").
    "search.topics": "hộ nghèo; đảng viên; đầu tư công; đô thị; giải phóng mặt bằng; "
    "trường học; y tế; môi trường; ngân sách; giao thông; nông thôn mới; du lịch",
    "skip.content": "Skip to main content",
    "lang.switch": "Tiếng Việt",
    "site.as_of": "Data as of",
    "nav.home": "Home",
    "nav.breadcrumb": "Breadcrumb",
    "ward.documents": "Documents",
    "ward.targets": "Targets",
    "ward.projects": "Key projects and works",
    "ward.priority_tasks": "Priority tasks",
    "ward.breakthroughs": "Breakthroughs",
    "ward.main_tasks": "Main tasks and solutions",
    "ward.results": "Results published in the documents",
    "ward.results_intro": (
        "Results already achieved as printed in the documents, by area (former ward or the "
        "area as printed). These figures measure no 2025-2030 target, are not used to "
        "assess progress and are not added up across areas. A series with two or more "
        "figures has its own chart; each chart draws one series, the full figures are in "
        "the table below."
    ),
    "ward.results_chart": "Chart of published results",
    "ward.results_baselines": (
        "Results on the same indicator as a 2025-2030 target, shown as the starting level "
        "on the target's page"
    ),
    "ward.inferred_group": "group name given by the editors, not printed in the document",
    "ward.facts": "General information",
    "ward.former_wards": "Wards before the merger",
    "ward.formed": "Established",
    "ward.count_targets": "targets",
    "ward.count_projects": "projects and works",
    "ward.count_tasks": "priority tasks",
    "ward.none": "The document lists no item.",
    "doc.number": "Number",
    "doc.date": "Date",
    "doc.status": "Status",
    "doc.status.draft": "Draft",
    "doc.status.issued": "Issued",
    "doc.revises": "Amends",
    "doc.issuer": "Issued by",
    "doc.signer": "Signed by",
    "col.code": "No.",
    "col.name": "Name",
    "col.unit": "Unit",
    "col.goal_value": "Goal (deadline)",
    "col.yearly": "Yearly average",
    "col.lead_unit": "Lead unit",
    "col.partners": "Partner units",
    "col.timeframe": "Timeframe",
    "col.funding": "Funding",
    "col.kind": "Type",
    "col.output": "Output",
    "col.text": "Text",
    "col.period": "Period",
    "col.series": "Figures",
    "col.value": "Value",
    "col.printed": "As printed",
    "col.source": "Source",
    "col.note": "Note",
    "col.table": "Table",
    "target.goal": "Goal",
    "target.value": "Goal",
    "target.value_by": "By {year}",
    "target.value_no_deadline": "Goal (the document sets no deadline)",
    "target.when_year": "in {year}",
    "target.when_none": "no deadline given",
    "target.term_end": "end of the term; the document sets no deadline",
    "target.every.monthly": "Monthly",
    "target.every.quarterly": "Quarterly",
    "target.meaning": "Meaning",
    "target.group": "Group",
    "target.milestones": "Milestones",
    "target.children": "Component targets",
    "target.sources": "Sources",
    "target.notes": "Notes",
    "target.data": "Figures",
    "target.no_data": "No measured figures for this target yet. The page will show a chart once figures are published.",
    "target.chart_caption": "Chart: measured figures and goal",
    "target.baseline": "Starting level",
    "target.baseline_title": "Starting level (results published in the documents)",
    "target.baseline_note": (
        "The figures below are results the documents published for the previous period, on "
        "the same indicator as this target. The page shows them as a starting level for "
        "comparison; they are not measurements of the target during the term, are not "
        "merged with the measured figures and are not used to assess the status. On the "
        "chart, the starting level is a grey diamond."
    ),
    "target.table_caption": "Figures and goal as a table",
    "target.row_goal": "Goal",
    "target.restored": "Text restored from a scan (OCR); see the original excerpt under Sources.",
    "target.related_projects": "Related projects and works",
    "target.override": "Status assessed by hand",
    "target.override_reason": "Reason",
    "target.series_area": "Area",
    "target.whole_ward": "Whole ward",
    "project.rows": "Rows of the appendix naming this project",
    "project.timeline": "Timeline",
    "project.milestones": "Milestones",
    "project.status_history": "Status history",
    "project.progress": "Progress",
    "project.parts": "Components and sub-works",
    "project.budget": "Total investment",
    "project.location": "Location",
    "project.related_targets": "Related targets",
    "project.context": "A higher-level project, named by the document as context.",
    "project.done": "Done",
    "project.not_done": "Not done",
    "project.inferred_table": "table name given by the editors, not printed in the document",
    "source.document": "Document",
    "source.section": "Section",
    "source.row": "Row",
    "source.page": "Page",
    "source.quote": "Verbatim quote",
    "flag.estimate": "estimate",
    "flag.preliminary": "preliminary",
    "flag.break": "break in series",
    "note.contradiction": "Contradiction in the document",
    "note.correction": "Correction",
    "note.unclear": "Unclear in the source",
    "note.restored": "Restored from a scan",
    "note.difference": "Differs between two versions",
    "note.inconsistency": "Figures do not match",
    "note.info": "Note",
    "kind.level": "Reach a level by a year",
    "kind.annual": "Every year",
    "kind.growth": "Average yearly growth",
    "kind.cumulative": "Cumulative over the term",
    "kind.milestone": "Done / not done",
    "kind.assigned": "As assigned by the higher level",
    "kind.qualitative": "Qualitative",
    "kind.rank": "Ranking",
    "project_kind.project": "Project",
    "project_kind.work": "Work",
    "project_kind.scheme": "Scheme",
    "project_kind.plan": "Plan",
    "project_kind.program": "Programme",
    "project_kind.resolution": "Resolution",
    "project_kind.other": "Other",
    "project_status.not_started": "Not started",
    "project_status.in_progress": "In progress",
    "project_status.completed": "Completed",
    "project_status.paused": "Paused",
    "project_status.cancelled": "Cancelled",
    "project_status.overdue": "Past its planned end, no news of completion",
    "project_status.unknown": "No progress information",
    "status.achieved": "Achieved",
    "status.on_track": "On track",
    "status.needs_acceleration": "Needs to speed up",
    "status.off_track": "Off track",
    "status.no_data": "No data yet",
    "status.not_measurable": "Needs assessment by hand",
    "status.not_measurable_help": "“Needs assessment by hand”: targets with no number to compute (qualitative, or as assigned by the higher level). This counts the targets waiting for an assessment, with its basis, by someone with the authority to make it; targets already assessed by hand are counted by the assessment's result.",
    "status.rule": "See the rule",
    "status.title": "Status",
    "status.preliminary": "preliminary",
    "status.overridden": "assessed by hand",
    "status.how": "How it is computed",
    "status.summary": "Overall progress",
    "status.achieved_of": "targets achieved",
    "status.term_elapsed": "of the term elapsed",
    "status.term_elapsed_how": "how it is computed",
    "status.projects": "Projects by status",
    "status.methodology": "See the methodology",
    "updated.label": "Data updated",
    "updated.unknown": "unknown",
    "updated.basis.git": "from the change history of the data file",
    "updated.basis.uncommitted": "file being edited, not yet in the history",
    "updated.basis.mtime": "from the file's modification date (no change history)",
    "updated.basis.unknown": "the copy has no full change history",
    "downloads.label": "Download the data",
    "downloads.page": "All open data",
    "downloads.ward": "By ward",
    "downloads.site": "Whole site",
    "downloads.schema": "Data schema (JSON Schema, version 1)",
    "downloads.file.targets_csv": "Targets (CSV)",
    "downloads.file.projects_csv": "Projects and works (CSV)",
    "downloads.file.observations_csv": "Measured figures (CSV)",
    "downloads.file.ward_json": "All of the ward's data (JSON)",
    "downloads.file.ward_xlsx": "Excel workbook (XLSX)",
    "downloads.file.site_json": "All data (JSON)",
    "downloads.file.site_zip": "All downloads (ZIP)",
    "downloads.file.page_csv": "CSV",
    "downloads.file.page_json": "JSON",
    "report.title": "Progress report",
    "report.link": "Report for printing (one page per section)",
    "report.intro": (
        "A summary to print or save as PDF for meetings: targets counted by status, each "
        "group's targets and each appendix table's projects, one section per page. Sources, "
        "quotes and notes are on each item's own page."
    ),
    "report.print": "Print the report",
    "report.print_hint": "Or use the browser's Print command (Ctrl+P) and choose Save as PDF.",
    "report.as_of": "Data as of",
    "report.doc_date": "dated",
    "report.updated": "Data updated",
    "report.rollup": "Summary by status",
    "report.rollup_caption": "Targets by group and status",
    "report.group": "Target group",
    "report.total": "Total",
    "report.all_groups": "Whole ward",
    "report.projects": "Projects and works",
    "report.col_value": "Value as printed",
    "report.col_deadline": "Deadline",
    "report.col_latest": "Latest figure",
    "report.page": "Page",
    "feed.site_title": "Data changes: Ward commitments 2025-2030",
    "feed.ward_title": "Data changes",
    "feed.ward_link": "Follow data changes",
    "feed.format": "Atom feed",
    "feed.subtitle": "Each entry is one change to the data, from the change history of the data files.",
    "feed.no_history": (
        "The copy this site was built from has no change history, so the feed has no entry yet."
    ),
    "feed.entry": "Data update",
    "feed.files": "Files changed",
    "feed.message": "Note of the change",
    "feed.change.A": "added",
    "feed.change.M": "changed",
    "feed.change.D": "deleted",
    "feed.added": "Added",
    "feed.changed": "Changed",
    "feed.removed": "Removed",
    "feed.more": "and {count} more",
    "feed.file.ward.yaml": "ward information, documents",
    "feed.file.targets.yaml": "targets",
    "feed.file.series.yaml": "figures",
    "feed.file.projects.yaml": "projects and works",
    "feed.file.tasks.yaml": "tasks, breakthroughs",
    "embed.summary": "Embed this target in another page",
    "embed.intro": (
        "Paste the code below into your unit's website or an article to show this target's "
        "status, value and chart (when there are figures), always from the latest data."
    ),
    "embed.label": "Embed code (iframe)",
    "embed.copy": "Copy the code",
    "embed.copied": "Copied",
    "embed.preview": "Preview the embed",
    "embed.relative": (
        "This site has no official address configured (site_url): the code above uses a "
        "relative address, only right when pasted into a page at the same address. Replace "
        "it with the embed's full address (open the Preview link and copy its address)."
    ),
    "embed.full_page": "See it in full on Ward commitments",
    "xlsx.target_name": "Target",
    "xlsx.project_name": "Name of the plan, scheme, project or work",
    "xlsx.latest": "Latest figure",
    "xlsx.series_id": "Series id",
    "xlsx.series_key": "Series key for entering figures",
    "xlsx.year": "Year",
    "xlsx.milestone": "Milestone",
    "xlsx.done": "Done yet",
    "xlsx.target": "Target",
    "xlsx.period": "Period",
    "xlsx.flags": "Flags",
    "xlsx.document_id": "Document id",
    "xlsx.project_id": "Project id",
    "xlsx.basis": "Basis",
    "search.kind.comparison": "Comparison between wards",
    "downloads.licence": "Data licence",
    "downloads.licence.text": "Every open data file below is licensed under",
    "downloads.licence.url": "full text at",
    "downloads.licence.attribution": (
        "You may copy, redistribute, adapt and use them for any purpose, including "
        "commercial use, provided you give credit: name the site, say whether you made "
        "changes, and link to the licence. The ZIP file includes the licence text "
        "(LICENSE.txt)."
    ),
    "downloads.standard": "Data described in open standards",
    "downloads.standard.intro": (
        "These files describe every download in the Frictionless Data Package and CSV on "
        "the Web (CSVW) standards: the type and meaning of each CSV column, the size and "
        "hash of each file. Data validation tools read them to check every row."
    ),
    "downloads.file.datapackage": "Data Package (datapackage.json)",
    "downloads.file.csvw": "CSVW metadata (csv-metadata.json)",
    "downloads.file.licence": "Licence text (LICENSE.txt)",
    "compare.index": "Comparing wards by indicator",
    "compare.title": "Comparing wards",
    "compare.intro": (
        "The targets below measure the same indicator in different wards. Each row keeps "
        "the wording, value and unit as the ward's document prints them; nothing is "
        "converted or ranked."
    ),
    "compare.index.intro": (
        "Each indicator is a quantity for which several wards' documents set a target. "
        "Only targets that certainly measure the same indicator are put side by side."
    ),
    "compare.indicator": "Indicator",
    "compare.wards": "Wards",
    "compare.unit": "Common unit",
    "compare.units_differ": (
        "The documents print different units: values are kept as printed and cannot be "
        "compared directly."
    ),
    "compare.table": "Each ward's target",
    "compare.col_ward": "Ward",
    "compare.col_target": "Target as printed",
    "compare.col_value": "Value as printed",
    "compare.col_unit": "Unit as printed",
    "compare.col_deadline": "Deadline",
    "compare.col_lead": "Lead unit",
    "compare.col_status": "Status",
    "compare.col_source": "Source",
    "compare.yearly": "Yearly average",
    "compare.no_deadline": "Not stated",
    "compare.from_target": "Compare with other wards",
    "compare.home": "Comparing wards by shared indicator",
    "national.form": "Search the sites of every province and city",
    "national.title": "Ward commitments 2025-2030 across provinces and cities",
    "national.skip": "Skip to main content",
    "national.intro": (
        "The 2025-2030 targets and key projects of the wards, from the original documents. "
        "Each province or city has its own site; the search box below searches them all."
    ),
    "national.search": "Search all provinces and cities",
    "national.filter": "Province, city",
    "national.noscript": "Search needs JavaScript; open the site of a province or city.",
    "national.failed": "The search tool could not be loaded; open the site of a province or city.",
    "national.provinces": "Provinces and cities",
    "goal.at_least": "{v} or more",
    "goal.above": "more than {v}",
    "goal.at_most": "at most {v}",
    "goal.below": "less than {v}",
    "goal.exactly": "exactly {v}",
    "goal.about": "about {v}",
    "goal.range": "between {low} and {high}",
    "goal.period": "{start}-{end}",
    "goal.rank_exactly": "rank {rank} out of {of}",
    "goal.rank_between": "rank {best} to {worst} out of {of} (rank 1 is the best)",
    "goal.no_deadline": (
        "The document sets no deadline; the site assesses it at the end of the term ({end})."
    ),
    "goal.assigned": "As assigned by the higher level; the document gives no number.",
    "goal.qualitative": "A qualitative target: it needs an assessment by hand, with its basis.",
    "goal.milestone_by": "Completed in {year} at the latest.",
    "goal.milestone": "Completed.",
    "goal.no_number": "The document gives no specific number.",
    "goal.level_by": "Reach {said} by {year}.",
    "goal.level": "Reach {said}.",
    "goal.every.monthly": "Every month",
    "goal.every.quarterly": "Every quarter",
    "goal.every.yearly": "Every year",
    "goal.every.term": "Over the term",
    "goal.annual": "{every}, reach {said} ({period}).",
    "goal.growth": "Grow by {said} a year on average ({period}).",
    "goal.cumulative": "Reach {said} in total over {period}.",
    "goal.rank_better": "The lower the rank, the better.",
    "goal.lower_better": "Lower is better.",
    "goal.higher_better": "Higher is better.",
    "st.year": "{year}",
    "st.noun.monthly": "month",
    "st.noun.quarterly": "quarter",
    "st.noun.yearly": "year",
    "st.noun.term": "term",
    "st.term_end": "the end of the term ({end}; the document sets no deadline)",
    "st.rank": "rank {rank}/{of}",
    "st.no_data_term": "No figures yet within the document's term.",
    "st.level_met": "Figure for {when}: {value}, the goal is reached.",
    "st.one_point": (
        "Only one figure so far ({when}: {value}); at least two years are needed to judge "
        "the trend."
    ),
    "st.level_overdue": (
        "{deadline} has passed and the latest figure, {value}, does not reach the goal."
    ),
    "st.same_year": "All figures are for the same year.",
    "st.rise": "rise",
    "st.fall": "fall",
    "st.rose": "rose",
    "st.fell": "fell",
    "st.level_rate": (
        "Needs to {need} by {required} a year from {base} ({base_when}) to reach {aim} by "
        "{deadline}; it {moved} by {observed} a year, to {value} in {when}."
    ),
    "st.level_distance": (
        "{covered}% of the way from {base} to {aim} covered in {time}% of the time."
    ),
    "st.wrong_way": "The figures are moving away from the goal.",
    "st.annual_none": (
        "The commitment is for each {noun}; no figures by {noun} yet ({other} figures for "
        "other periods not used for the assessment)."
    ),
    "st.annual_met": "Threshold met in {met} of {of} periods ({noun}) with figures",
    "st.annual_other": "({other} figures for other periods not used for the assessment)",
    "st.annual_latest": "; {when}: {value}.",
    "st.annual_latest_met": "; the latest {noun} meets it but some {noun} did not.",
    "st.annual_latest_missed": "; {when} does not meet it ({value}).",
    "st.no_growth_data": "No growth figures yet within the term.",
    "st.growth": "Average growth over the years with figures: {average} a year; goal {aim} a year.",
    "st.no_cumulative_data": "No cumulative figures yet within the term.",
    "st.cumulative": (
        "Total to {when}: {total}; an even pace needs {expected} ({done}/{years} years), "
        "{aim} over the whole period."
    ),
    "st.milestone_done": "Completed ({when}).",
    "st.milestone_overdue": "Past its deadline ({deadline}), no news of completion.",
    "st.milestone_waiting": "No news of completion yet; deadline: {deadline}.",
    "st.manual_only": (
        "The target has no number to compute with; it needs an assessment, with its basis, "
        "by someone with the authority to make it. No assessment has been published yet."
    ),
    "st.override": "Assessed by hand on {day}: {reason} (basis: {source}).",
    "st.see_children": "See the status of each component target.",
    "st.former_wards_only": (
        "The document only has figures of the former wards, not used to assess the new ward."
    ),
    "st.no_data": "No figures yet.",
    "st.children_achieved": "{achieved}/{of} component targets achieved",
    "st.children_no_data": "; no figures yet.",
    "pst.according": "According to {source} of {day}.",
    "pst.overdue": (
        "The planned end ({day}) has passed; no news of completion has been published. The "
        "project may be finished without the site having been updated."
    ),
    "pst.in_progress": "In progress, according to the published information.",
    "pst.not_started": "Planned to start in {year}.",
    "pst.unknown": "No progress information has been published.",
    "period.quarter": "Q{number} {year}",
    "period.month": "{month_name} {year}",
    "chart.goal": "Goal",
    "chart.low": ": lower bound",
    "chart.high": ": upper bound",
    "chart.path": "Required path",
    "chart.separators": ".,",
    "downloads.licence.title": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
}

# Keys whose English value is Vietnamese on purpose (data-facing words); templates show
# them with lang="vi".
VIETNAMESE_IN_EN: frozenset[str] = frozenset({"search.topics", "lang.switch"})

LANGUAGES: tuple[str, ...] = ("vi", "en")
_TABLES: dict[str, dict[str, str]] = {"vi": LABELS, "en": LABELS_EN}
_language: ContextVar[str] = ContextVar("language", default="vi")


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Render with `lang`'s labels inside the block (the default is Vietnamese)."""
    if lang not in _TABLES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


def current_language() -> str:
    """The language labels are rendered in ("vi" unless inside `language(...)`)."""
    return _language.get()


def t(key: str, lang: str | None = None) -> str:
    """The label for `key` in `lang` (default: the current language).

    A missing key is a programming error, not a data error.
    """
    return _TABLES[lang or _language.get()][key]
