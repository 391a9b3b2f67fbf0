"""Nothing silent: every row not read is counted and listed with its line; a document whose
tables were all left unread is refused with that list."""

import pytest

from kehoach.domain.importer import ImportFailure, inspect_files, require_understood

PREAMBLE = "Số: 12/KH-UBND\n\nHải Phòng, ngày 02 tháng 4 năm 2025\n\n## KẾ HOẠCH\n\nThử nghiệm\n\n"
TASKS = "\n".join([
    "STT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành",
    "I\tNhóm thứ nhất\t\t",
    "1.\tXây dựng kế hoạch A\tSở Tài chính\tQuý II/2025",
    "a)\tMột dòng không đánh số như nhiệm vụ\tSở Nội vụ\tQuý III/2025",
    "2.\tTriển khai đề án B\tSở Công Thương\tTháng 5/2025",
])
UNKNOWN = "\n".join([
    "Mã\tTên thủ tục\tLệ phí",
    "TT01\tCấp giấy phép xây dựng nhà ở riêng lẻ\t75.000",
    "TT02\tĐăng ký hộ kinh doanh\t100.000",
])


def write(tmp_path, text, name="plan.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def warnings_of(result, code):
    return [w for w in result.warnings if w.code == code]


def test_a_table_of_no_known_kind_lists_every_row_with_its_line(tmp_path):
    result = inspect_files([write(tmp_path, PREAMBLE + TASKS + "\n\nPhụ lục 2\n\n" + UNKNOWN + "\n")])
    assert [t.code for t in result.tasks] == ["1.", "2."]
    unread = [w for w in warnings_of(result, "rows-not-read") if "Cấp giấy phép" in w.message]
    assert len(unread) == 1
    message = unread[0].message
    assert message.startswith("table at line 17 «Phụ lục 2»: 2 row(s) not read")
    assert "line 18: TT01 · Cấp giấy phép xây dựng nhà ở riêng lẻ · 75.000" in message
    assert "line 19: TT02 · Đăng ký hộ kinh doanh" in message
    assert not warnings_of(result, "nothing-understood")


def test_a_task_row_not_read_is_counted_in_its_table(tmp_path):
    result = inspect_files([write(tmp_path, PREAMBLE + TASKS + "\n")])
    (unread,) = warnings_of(result, "rows-not-read")
    assert unread.location.line == 9
    assert "1 row(s) not read" in unread.message and "line 12: a) · Một dòng không đánh số" in unread.message


def test_a_document_whose_tables_are_all_unknown_is_refused_with_the_list(tmp_path):
    path = write(tmp_path, PREAMBLE + UNKNOWN + "\n")
    result = inspect_files([path])
    (nothing,) = warnings_of(result, "nothing-understood")
    assert "1 table(s) found and none understood: table at line 9 «Thử nghiệm» (2 rows" in nothing.message
    with pytest.raises(ImportFailure) as failure:
        require_understood(result)
    assert "Cấp giấy phép xây dựng" in str(failure.value) and failure.value.location.line == 9



def test_a_document_without_any_table_says_so(tmp_path):
    path = tmp_path / "cong-van.txt"
    path.write_text("Số: 12/KH-UBND\nHải Phòng, ngày 31 tháng 3 năm 2025\n\nKẾ HOẠCH\nChuyển đổi số\n\n"
                    "Các sở, ngành triển khai các nhiệm vụ được giao.\n", encoding="utf-8")
    result = inspect_files([path])
    assert not result.tasks
    assert [(w.code, w.location.line) for w in result.warnings] == [("no-table", 1)]
    assert "no table of tasks, indicators or projects was found" in result.warnings[0].message


@pytest.mark.parametrize(("rows", "unread"), [
    # a target table: a row with values but no indicator name is listed, the others are read
    (["STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025", "I\tKINH TẾ\t\t", "1\tTốc độ tăng trưởng GRDP\t%\t10",
      "2\t\t%\t12"], ["line 12: 2 · % · 12"]),
    # every row read: the group, the indicators, the "Trong đó:" label
    (["STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025", "I\tKINH TẾ\t\t", "1\tThu ngân sách nhà nước\tTỷ đồng\t100",
      "\tTrong đó:\t\t", "-\tThu nội địa\tTỷ đồng\t80"], []),
])
def test_a_target_table_lists_the_rows_it_did_not_read(tmp_path, rows, unread):
    result = inspect_files([write(tmp_path, PREAMBLE + "\n".join(rows) + "\n")])
    assert result.targets
    listed = [w.message for w in warnings_of(result, "rows-not-read")]
    assert [m.split(": ", 1)[1].split("): ", 1)[1] for m in listed] == unread
