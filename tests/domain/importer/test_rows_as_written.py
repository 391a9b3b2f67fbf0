"""Rows as the family writes them: a rowspan over several short rows of a web page's table, two rows
packed into one Word row, unnumbered group rows, the page's own sections after the table, and the
agency cell of an indicator kept as written."""

import docx
import pytest

from kehoach.domain.importer import inspect_files
from tests.domain.importer.test_family_layouts import flattened, word

PREAMBLE = ["Số: 1383/QĐ-BNV", "", "Hà Nội, ngày 26 tháng 11 năm 2025", "", "QUYẾT ĐỊNH", "",
            "Lịch phổ biến thông tin thống kê", ""]
HEADER = ["STT", "Tên thông tin thống kê", "Thời gian phổ biến", "Đơn vị chịu trách nhiệm phổ biến"]


def web_page(tmp_path, rows, after=("", "Nơi nhận:")):
    path = tmp_path / "lich.txt"
    path.write_text("\n".join([*PREAMBLE, *flattened(rows), *after]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("short_rows", [1, 2, 4])
def test_a_rowspan_over_several_short_rows_gives_its_cells_to_every_row(tmp_path, short_rows):
    rows = [HEADER, ["1", "Số đơn vị hành chính", "Tháng 6/2025", "Vụ Chính quyền địa phương"]]
    rows += [[str(n), f"Chỉ tiêu {n}"] for n in range(2, 2 + short_rows)]  # the merged cells are not written
    rows += [[str(2 + short_rows), "Số phong trào thi đua", "Tháng 5/2025", "Ban Thi đua - Khen thưởng"]]
    result = inspect_files([web_page(tmp_path, rows)])
    assert [(t.code, t.deadline.text, t.lead_text) for t in result.tasks] == (
        [("1", "Tháng 6/2025", "Vụ Chính quyền địa phương")]
        + [(str(n), "Tháng 6/2025", "Vụ Chính quyền địa phương") for n in range(2, 2 + short_rows)]
        + [(str(2 + short_rows), "Tháng 5/2025", "Ban Thi đua - Khen thưởng")])


@pytest.mark.parametrize("after", [
    ["## Văn bản liên quan", "Ban hành:", "08/10/2025"],
    ["__Ghi chú:__ số liệu năm 2025.", "** **", "## Văn bản liên quan", "Hiệu lực: Đã biết"],
])
def test_the_pages_own_sections_after_the_last_row_are_not_its_cells(tmp_path, after):
    rows = [HEADER, ["1", "Số đơn vị hành chính", "Tháng 6/2025", "Vụ Chính quyền địa phương"],
            ["2", "Tổng quỹ Đền ơn đáp nghĩa"]]
    result = inspect_files([web_page(tmp_path, rows, after=after)])
    assert [(t.code, t.deadline.text, t.lead_text) for t in result.tasks] == [
        ("1", "Tháng 6/2025", "Vụ Chính quyền địa phương"), ("2", "Tháng 6/2025", "Vụ Chính quyền địa phương")]


def test_two_rows_packed_in_one_word_row_are_read_as_two_and_warned(tmp_path):
    rows = [["STT", "Tên thông tin thống kê", "Mức độ hoàn chỉnh", "Thời gian phổ biến", "Hình thức phổ biến",
             "Đơn vị chịu trách nhiệm phổ biến"],
            ["17", "Số văn bản chỉ đạo", "Chính thức", "Tháng 6/2026", "Cổng thông tin điện tử", "Cục Văn thư"],
            ["18", "Số lượng văn bản đi", "", "19", "Số lượng văn bản đến", ""],
            ["20", "Số lượng hồ sơ", "Sơ bộ", "Tháng 9/2026", "Cổng thông tin điện tử", "Cục Văn thư"]]
    path = word(tmp_path, [rows])
    document = docx.Document(path)
    table = document.tables[0]
    table.cell(1, 5).merge(table.cell(2, 5))  # the agency merged down over the packed row
    table.cell(1, 5).text = "Cục Văn thư"
    document.save(path)
    result = inspect_files([path])
    assert [(t.code, t.content, t.deadline.text, t.lead_text, t.attributes) for t in result.tasks] == [
        ("17", "Số văn bản chỉ đạo", "Tháng 6/2026", "Cục Văn thư",
         {"Mức độ hoàn chỉnh": "Chính thức", "Hình thức phổ biến": "Cổng thông tin điện tử"}),
        ("18", "Số lượng văn bản đi", "Tháng 6/2026", "Cục Văn thư",
         {"Mức độ hoàn chỉnh": "Chính thức", "Hình thức phổ biến": "Cổng thông tin điện tử"}),
        ("19", "Số lượng văn bản đến", "Tháng 6/2026", "Cục Văn thư",
         {"Mức độ hoàn chỉnh": "Chính thức", "Hình thức phổ biến": "Cổng thông tin điện tử"}),
        ("20", "Số lượng hồ sơ", "Tháng 9/2026", "Cục Văn thư",
         {"Mức độ hoàn chỉnh": "Sơ bộ", "Hình thức phổ biến": "Cổng thông tin điện tử"}),
    ]
    packed = [w for w in result.warnings if w.code == "row-packed"]
    assert len(packed) == 1 and "18" in packed[0].message and "19" in packed[0].message


def test_unnumbered_group_rows_keep_their_empty_number_and_are_siblings(tmp_path):
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
            ["** **", "**Nhiệm vụ giao Bộ trưởng Bộ Công an chỉ đạo**", "** **", "** **"],  # as the page writes it
            ["1", "Xây dựng cơ sở dữ liệu", "Bộ Công an", "2026"],
            ["** **", "**Nhiệm vụ giao Bộ trưởng Bộ Tư pháp chỉ đạo**", "** **", "** **"],
            ["2", "Hoàn thiện thể chế", "Bộ Tư pháp", "2026"],
            ["** **", "**Nhiệm vụ giao Bộ trưởng Bộ Tài chính chỉ đạo**", "** **", "** **"],
            ["3", "Cân đối ngân sách", "Bộ Tài chính", "2026"]]
    result = inspect_files([web_page(tmp_path, rows)])
    assert [(t.code, t.group.code, t.group.title) for t in result.tasks] == [
        ("1", "", "Nhiệm vụ giao Bộ trưởng Bộ Công an chỉ đạo"),
        ("2", "", "Nhiệm vụ giao Bộ trưởng Bộ Tư pháp chỉ đạo"),
        ("3", "", "Nhiệm vụ giao Bộ trưởng Bộ Tài chính chỉ đạo"),
    ]


@pytest.mark.parametrize("cell", [
    "Sở Tài chính",
    "Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện.",
    "Sở Giáo dục và Đào tạo; Sở Nội vụ; Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo cáo chỉ tiêu",
])
def test_an_indicators_agency_cell_is_kept_as_written(tmp_path, cell):
    rows = [["TT", "Chỉ tiêu", "Chủ trì"], ["", "I. Kinh tế số", ""],
            ["1", "Kinh tế số chiếm 45% GRDP tỉnh đến năm 2030.", cell]]
    path = tmp_path / "chi-tieu.txt"
    path.write_text("\n".join(["Số: 144/KH-UBND", "", "Bắc Ninh, ngày 24 tháng 11 năm 2025", "", "KẾ HOẠCH", "",
                               "Kinh tế số", "", *flattened(rows), "", "Nơi nhận:"]) + "\n", encoding="utf-8")
    result = inspect_files([path])
    assert [(i.name, i.lead_text) for i in result.indicators] == [("Kinh tế số chiếm 45% GRDP tỉnh đến năm 2030.", cell)]


def test_a_group_row_followed_by_a_deeper_group_row_on_a_web_page_are_two_groups(tmp_path):
    rows = [["STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện",
             "Sản phẩm đầu ra"],
            ["**A**", "**PHÁT TRIỂN NỀN MÓNG**"], ["**I**", "**Hoàn thiện thể chế**"],
            ["1.1", "Rà soát văn bản", "Sở Tư pháp", "Các sở", "2026 - 2030", "Văn bản"],
            ["**5.1**", "** **", "**Thương mại**", "** **", "** **", "** **", "** **"],  # a blank cell after the label
            ["5.1.1", "Sàn thương mại điện tử", "Sở Công Thương", "Các sở", "2026 - 2030", "Nền tảng"]]
    result = inspect_files([web_page(tmp_path, rows)])
    assert [(t.code, t.group.code, t.group.title, t.lead_text) for t in result.tasks] == [
        ("1.1", "A.I", "Hoàn thiện thể chế", "Sở Tư pháp"),
        ("5.1.1", "A.I.5.1", "Thương mại", "Sở Công Thương"),
    ]


def test_a_row_in_a_unit_the_catalogue_indicator_cannot_be_in_is_an_indicator_of_its_own(tmp_path):
    rows = [["STT", "Nội dung", "Đơn vị tính", "Năm 2026", "Năm 2027"],
            ["1", "Mức giảm tỷ lệ hộ nghèo", "%", "1-1,5", "1-1,6"],
            ["2", "Tỷ lệ hộ nghèo", "%", "0,6", "0,6"]]
    path = tmp_path / "mau-bieu.txt"
    path.write_text("\n".join(["Số: 204/KH-UBND", "", "Cà Mau, ngày 24 tháng 11 năm 2025", "", "KẾ HOẠCH", "",
                               "Tài chính 03 năm", "", *flattened(rows), "", "Nơi nhận:"]) + "\n", encoding="utf-8")
    result = inspect_files([path])
    names = {i.key: i.name for i in result.indicators}
    assert sorted((names[t.indicator], t.year, t.value.text) for t in result.targets) == [
        ("Mức giảm tỷ lệ hộ nghèo", 2026, "1-1,5"), ("Mức giảm tỷ lệ hộ nghèo", 2027, "1-1,6"),
        ("Tỷ lệ hộ nghèo", 2026, "0,6"), ("Tỷ lệ hộ nghèo", 2027, "0,6")]


@pytest.mark.parametrize(("second", "warned"), [("II", False), ("I", True), ("III", True)])
def test_a_roman_group_number_that_repeats_or_skips_is_kept_and_warned(tmp_path, second, warned):
    rows = [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
            ["**B**", "**NGÀNH, LĨNH VỰC**"], ["**I**", "**Nông nghiệp**"], ["1", "Số hóa đất đai", "Sở Nông nghiệp", "2026"],
            [f"**{second}**", "**Thương mại**"], ["2", "Sàn thương mại điện tử", "Sở Công Thương", "2026"]]
    result = inspect_files([web_page(tmp_path, rows)])
    assert [t.group.code for t in result.tasks] == ["B.I", f"B.{second}"]
    messages = [w.message for w in result.warnings if w.code == "group-numbering"]
    assert messages == ([f"group {second} under B follows group I: the numbering skips or repeats (kept as written)"]
                        if warned else [])


GROUP_AS_ONE_CELL = [["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
                     ["I. NÂNG CAO NHẬN THỨC VỀ CHUYỂN ĐỔI SỐ"],
                     ["1", "Tuyên truyền chuyển đổi số", "Sở Văn hóa", "Các sở", "Quý I/2026"],
                     ["II. HOÀN THIỆN THỂ CHẾ"],
                     ["1", "Rà soát văn bản", "Sở Tư pháp", "Các sở", "Quý II/2026"]]


@pytest.mark.parametrize("form", ["web page", "tab-separated"])
def test_a_group_row_written_as_one_cell_holds_its_label_and_title(tmp_path, form):
    if form == "web page":
        path = web_page(tmp_path, GROUP_AS_ONE_CELL)
    else:
        path = tmp_path / "plan.txt"
        path.write_text("\n".join([*PREAMBLE, *("\t".join(r) for r in GROUP_AS_ONE_CELL), "", "Nơi nhận:"]) + "\n",
                        encoding="utf-8")
    result = inspect_files([path])
    assert [(t.code, t.group.code, t.group.title, t.content, t.lead_text) for t in result.tasks] == [
        ("1", "I", "NÂNG CAO NHẬN THỨC VỀ CHUYỂN ĐỔI SỐ", "Tuyên truyền chuyển đổi số", "Sở Văn hóa"),
        ("1", "II", "HOÀN THIỆN THỂ CHẾ", "Rà soát văn bản", "Sở Tư pháp"),
    ]
    assert not [w for w in result.warnings if w.code in ("rows-not-read", "task-row-unknown")]


def test_a_numbered_heading_merged_across_a_word_row_groups_the_rows_below(tmp_path):
    rows = [["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"], ["I", ("Thể chế", 3)],
            [("1. Nhiệm vụ về văn bản", 4)], ["1.1", "Rà soát văn bản", "Sở Tư pháp", "2026"],
            [("2. Nhiệm vụ về dữ liệu", 4)], ["2.1", "Xây dựng cơ sở dữ liệu", "Sở Khoa học và Công nghệ", "2026"]]
    result = inspect_files([word(tmp_path, [rows])])
    assert [(t.code, t.group.code, t.group.title) for t in result.tasks] == [
        ("1.1", "I.1", "Nhiệm vụ về văn bản"), ("2.1", "I.2", "Nhiệm vụ về dữ liệu")]
    assert not [w for w in result.warnings if w.code in ("rows-not-read", "task-row-unknown")]
