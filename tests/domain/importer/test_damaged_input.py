"""Damaged and foreign input: a clear failure naming the place, or a warning, never a guess."""

import pytest

from kehoach.domain.importer import ImportFailure, inspect_files

from .conftest import KE_HOACH_86

HEADER = (
    "STT\tNội dung\tKết quả/Sản phẩm cần đạt\tSở, ngành, đơn vị chủ trì tham mưu\t"
    "Sở, ngành, đơn vị phối hợp\tThời gian thực hiện/hoàn thành\tĐồng chí Lãnh đạo UBND thành phố theo dõi, chỉ đạo"
)
ROWS = [
    "<b>I</b>\t<b>Nhóm nhiệm vụ thứ nhất</b>\t\t\t\t\t",
    "1.\tXây dựng kế hoạch A\tKế hoạch\tSở Tài chính\tCác Sở, ngành, đơn vị, địa phương\tQuý II/2025\t"
    "Đồng chí Lê Anh Quân – Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố",
    "2.\tTriển khai đề án B\tĐề án\tSở Công Thương\tSở Tài chính\tTháng 5/2025\t",
    "3.\tBáo cáo định kỳ\tBáo cáo\tSở Nội vụ\t\tHằng tháng\t",
]
PREAMBLE = "Số: 12/KH-UBND\n\nHải Phòng, ngày 02 tháng 4 năm 2025\n\n## KẾ HOẠCH\n\nThử nghiệm\n\n"


def write(tmp_path, text, name="plan.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_plan_reads(tmp_path):
    result = inspect_files([write(tmp_path, PREAMBLE + "\n".join([HEADER, *ROWS]) + "\n")])
    assert [t.number for t in result.tasks] == [1, 2, 3]
    assert result.tasks[2].deadline.recurrence is not None


def test_shuffled_columns_give_the_same_tasks(tmp_path):
    base = inspect_files([write(tmp_path, PREAMBLE + "\n".join([HEADER, *ROWS]) + "\n")])
    order = [0, 5, 3, 1, 6, 2, 4]  # the columns in another order, header and rows alike

    def shuffle(line):
        cells = line.split("\t") + [""] * (7 - len(line.split("\t")))
        return "\t".join(cells[i] for i in order)

    shuffled = inspect_files([write(tmp_path, PREAMBLE + "\n".join(map(shuffle, [HEADER, *ROWS])) + "\n")])
    assert [(t.content, t.lead, t.support, t.deadline.due, t.leader) for t in shuffled.tasks] == [
        (t.content, t.lead, t.support, t.deadline.due, t.leader) for t in base.tasks
    ]


def test_a_header_that_does_not_match_its_rows_fails(tmp_path):
    swapped = HEADER.replace("STT\tNội dung", "Nội dung\tSTT")
    with pytest.raises(ImportFailure) as failure:
        inspect_files([write(tmp_path, PREAMBLE + "\n".join([swapped, *ROWS]) + "\n")])
    assert failure.value.location.file == "plan.txt"
    assert failure.value.location.line == 9
    assert "number column" in failure.value.message


def test_a_task_table_without_a_lead_column_fails(tmp_path):
    header = "STT\tNội dung\tThời gian hoàn thành"
    with pytest.raises(ImportFailure) as failure:
        inspect_files([write(tmp_path, PREAMBLE + header + "\n1.\tViệc A\tQuý II/2025\n")])
    assert "lead" in failure.value.message and failure.value.location.line == 9
    assert "Cơ quan chủ trì" in failure.value.expected


def test_a_table_cut_after_its_header_fails(tmp_path):
    with pytest.raises(ImportFailure) as failure:
        inspect_files([write(tmp_path, PREAMBLE + HEADER + "\n")])
    assert "ends after its header" in str(failure.value)


def test_a_truncated_file_keeps_what_it_has_and_warns(tmp_path):
    text = KE_HOACH_86.read_text(encoding="utf-8")
    cut = text[: text.index("6.\tTổ chức triển khai kịp thời thuế tối thiểu toàn cầu") + 40]
    result = inspect_files([write(tmp_path, cut, "cut.txt")])
    assert [t.number for t in result.tasks] == [1, 2, 3, 4, 5, 6]
    assert not result.tasks[-1].lead
    codes = {w.code for w in result.warnings}
    assert {"lead-missing", "deadline-missing"} <= codes
    assert result.scenarios == []


def test_an_unknown_table_is_reported_not_guessed(tmp_path):
    table = "Cột A\tCột B\tCột C\nx\ty\tz\n"
    result = inspect_files([write(tmp_path, PREAMBLE + table)])
    (warning,) = [w for w in result.warnings if w.code == "table-unknown"]
    assert warning.location.line == 9


def test_prose_is_not_a_document(tmp_path):
    with pytest.raises(ImportFailure) as failure:
        inspect_files([write(tmp_path, "Hôm nay trời đẹp.\nChúng tôi đi chơi.\n", "notes.txt")])
    assert failure.value.location.file == "notes.txt"
    assert failure.value.location.line == 1
    assert "Số: 86/KH-UBND" in failure.value.expected


def test_a_binary_file_is_not_a_document(tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ImportFailure) as failure:
        inspect_files([path])
    assert "binary" in failure.value.message


def test_latin1_text_is_refused_with_its_line(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(b"S\xf4: 1/KH\nline two\n")
    with pytest.raises(ImportFailure) as failure:
        inspect_files([path])
    assert failure.value.location.line == 1 and "UTF-8" in str(failure.value)


def test_markdown_pipe_tables_read_like_tab_tables(tmp_path):
    def pipe(line):
        return "| " + " | ".join(line.split("\t")) + " |"

    separator = "|" + "---|" * 7
    text = PREAMBLE + "\n".join([pipe(HEADER), separator, *map(pipe, ROWS)]) + "\n"
    result = inspect_files([write(tmp_path, text)])
    assert [t.deadline.due.isoformat() if t.deadline.due else None for t in result.tasks] == [
        "2025-06-30", "2025-05-31", "2025-12-31",  # Hằng tháng: every month of the plan's year
    ]
