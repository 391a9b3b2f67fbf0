"""The layouts of the family of plans: tables that go on without a header, section sub-headers,
column-number rows, extra columns kept as attributes, rowspans, indicator assignment tables with
the target inside the sentence."""

import io

import docx

from kehoach.domain.importer import inspect_files

PREAMBLE = ["Số: 179/KH-UBND", "Đồng Nai, ngày 18 tháng 11 năm 2025", "KẾ HOẠCH", "Phát triển kinh tế số"]


def word(tmp_path, tables, name="plan.docx"):
    """A Word file: the preamble, then each table (rows of cells; a cell (text, span) spans columns)."""
    document = docx.Document()
    for line in PREAMBLE:
        document.add_paragraph(line)
    for rows in tables:
        width = max(sum(c[1] if isinstance(c, tuple) else 1 for c in r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, cells in enumerate(rows):
            column = 0
            for cell in cells:
                text, span = cell if isinstance(cell, tuple) else (cell, 1)
                target = table.cell(r, column)
                if span > 1:
                    target = target.merge(table.cell(r, column + span - 1))
                target.text = text
                column += span
        document.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


HEADER = ["STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện", "Nguồn kinh phí"]


def test_a_table_goes_on_in_blocks_without_a_header_and_sub_headers_are_not_rows(tmp_path):
    block_a = [HEADER, ["A", ("NHIỆM VỤ CHUNG", 5)], ["I", ("Thể chế", 5)],
               ["1.1", "Rà soát văn bản", "Sở Tư pháp", "Các sở", "2026", "Ngân sách tỉnh"]]
    block_b = [["B", ("NGÀNH, LĨNH VỰC", 5)], ["I", ("Nông nghiệp", 5)],
               [("Nội dung", 2), "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện", "Nguồn kinh phí"],
               ["5.1", "", "Thương mại", "", "", "", ""],
               ["5.1.1", "Sàn thương mại điện tử", "Sở Công Thương", "Các sở", "2026 - 2030", "Xã hội hóa"]]
    result = inspect_files([word(tmp_path, [block_a, block_b])])
    assert [(t.group.code, t.code, t.lead, t.attributes) for t in result.tasks] == [
        ("A.I", "1.1", ["Sở Tư pháp"], {"Nguồn kinh phí": "Ngân sách tỉnh"}),
        ("B.I.5.1", "5.1.1", ["Sở Công Thương"], {"Nguồn kinh phí": "Xã hội hóa"}),
    ]
    assert not [w for w in result.warnings if w.code in ("rows-not-read", "table-unknown")]


def test_a_column_number_row_is_part_of_the_header_and_a_rowspan_gives_its_text_to_every_row(tmp_path):
    rows = [["STT", "Tên thông tin thống kê", "Thời gian phổ biến", "Đơn vị chịu trách nhiệm phổ biến"],
            ["A", "B", "1", "2"],
            ["1", "Số đơn vị hành chính", "Tháng 6/2025", "Vụ Chính quyền địa phương"],
            ["2", "Số đại biểu Hội đồng nhân dân", "", ""]]
    path = word(tmp_path, [rows])
    document = docx.Document(path)
    table = document.tables[0]
    for column in (2, 3):  # merged down over rows 1 and 2
        table.cell(2, column).merge(table.cell(3, column))
    document.save(path)
    result = inspect_files([path])
    assert [(t.code, t.content, t.lead, t.deadline.text) for t in result.tasks] == [
        ("1", "Số đơn vị hành chính", ["Vụ Chính quyền địa phương"], "Tháng 6/2025"),
        ("2", "Số đại biểu Hội đồng nhân dân", ["Vụ Chính quyền địa phương"], "Tháng 6/2025"),
    ]


def test_an_assignment_table_reads_the_target_inside_each_sentence(tmp_path):
    document = docx.Document()
    for line in ["Số: 144/KH-UBND", "Bắc Ninh, ngày 24 tháng 11 năm 2025", "KẾ HOẠCH", "Kinh tế số",
                 "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ SỐ ĐẾN NĂM 2030"]:
        document.add_paragraph(line)
    rows = [["TT", "Chỉ tiêu", "Chủ trì"], ["", "I. Kinh tế số", ""],
            ["1", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%", "Sở Khoa học và Công nghệ"],
            ["2", "Mỗi năm từ 05 bộ dữ liệu mở. Đến năm 2030, có ít nhất 20 tập dữ liệu mở", "Sở Khoa học và Công nghệ"],
            ["3", "Kinh tế số chiếm 45% GRDP tỉnh.", "Sở Tài chính"]]
    table = document.add_table(rows=len(rows), cols=3)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "chi-tieu.docx"
    path.write_bytes(buffer.getvalue())
    result = inspect_files([path])
    assert [(t.year, t.value.comparator.value, t.value.low) for t in result.targets] == [
        (2030, ">=", 40), (2030, ">=", 20), (2030, "=", 45)]
    assert result.indicators[0].monitoring_agencies or result.indicators[1].monitoring_agencies
    assert not [w for w in result.warnings if w.code in ("rows-not-read", "nothing-understood")]


def flattened(rows):
    lines = []
    for cells in rows:
        lines.append("|")
        for k, text in enumerate(cells):
            if k:
                lines.append("|")
            if text:
                lines.append(text)
        lines.append("|")
    return lines


def test_a_forecast_table_under_a_two_row_header_gives_targets_and_figures_in_both_forms(tmp_path):
    preamble = ["Số: 204/KH-UBND", "", "Cà Mau, ngày 24 tháng 11 năm 2025", "", "KẾ HOẠCH", "",
                "Tài chính 03 năm", "", "Mẫu biểu số 01", ""]
    rows = [["STT", "Nội dung", "Đơn vị tính", "Năm hiện hành 2025", "Năm 2026", "Năm 2027"],
            ["Kế hoạch", "Ước thực hiện"],  # under "Năm hiện hành 2025": the span is lost in the web text
            ["1", "2", "3", "4", "5", "6", "7"],
            ["1", "Tốc độ tăng trưởng GRDP", "%", "8,00", "8,10", "10,00", "10,50"]]
    path = tmp_path / "mau-bieu.txt"
    path.write_text("\n".join(preamble + flattened(rows)) + "\n\nNơi nhận:\n", encoding="utf-8")
    result = inspect_files([path])
    assert [(t.year, str(t.value.low)) for t in result.targets] == [
        (2025, "8.00"), (2026, "10.00"), (2027, "10.50")]
    assert [(f.period, str(f.value.low)) for f in result.figures] == [("2025", "8.10")]


def test_a_numbered_heading_above_a_table_is_the_group_of_its_rows(tmp_path):
    text = "\n".join(["Số: 624/TB-VPCP", "", "Hà Nội, ngày 16 tháng 11 năm 2025", "", "THÔNG BÁO", "",
                      "PHỤ LỤC I", "", "1. Các nhiệm vụ quá hạn chưa hoàn thành", "",
                      "STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn hoàn thành",
                      "1.\tBan hành chiến lược dữ liệu\tBộ Công an\t30/09/2025",
                      "", "2. Các nhiệm vụ đang thực hiện", "",
                      "STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn hoàn thành",
                      "1.\tXây dựng cơ sở dữ liệu\tBộ Tư pháp\t31/12/2025"]) + "\n"
    path = tmp_path / "thong-bao.txt"
    path.write_text(text, encoding="utf-8")
    result = inspect_files([path])
    assert [(t.group.code, t.group.title, t.code) for t in result.tasks] == [
        ("1", "Các nhiệm vụ quá hạn chưa hoàn thành", "1."), ("2", "Các nhiệm vụ đang thực hiện", "1.")]
