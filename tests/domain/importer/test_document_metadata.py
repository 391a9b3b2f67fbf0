"""Who issued a document, its title, and the document a stand-alone appendix belongs to, as the family
writes them: the letterhead's rule, national bodies, a "kèm theo" reference inside a sentence, a
subject in capitals running into the opening sentence, an appendix of a document not yet numbered."""

from datetime import date

import pytest

from kehoach.domain.importer import inspect_files, to_json
from kehoach.domain.importer.metadata import reference

TABLE = ["", "STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn", "1\tXây dựng đề án\tSở Tài chính\tQuý IV/2025", ""]


def document(tmp_path, lines):
    path = tmp_path / "van-ban.txt"
    path.write_text("\n".join([*lines, *TABLE]) + "\n", encoding="utf-8")
    return inspect_files([path]).documents[0]


@pytest.mark.parametrize(("letterhead", "number", "issuer"), [
    (["ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI -------"], "179/KH-UBND", "Ủy ban nhân dân tỉnh Đồng Nai"),
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "--------"], "2820/QĐ-UBND", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    (["BỘ NỘI VỤ -------"], "1383/QĐ-BNV", "Bộ Nội vụ"),
    (["VĂN PHÒNG CHÍNH PHỦ _______"], "624/TB-VPCP", "Văn phòng Chính phủ"),
    ([], "624/TB-VPCP", "Văn phòng Chính phủ"),  # from the symbol alone: a national body takes no place
])
def test_the_issuer_is_the_letterhead_without_its_rule(tmp_path, letterhead, number, issuer):
    found = document(tmp_path, [*letterhead, f"Số: {number}", "Hà Nội, ngày 16 tháng 11 năm 2025", "", "KẾ HOẠCH",
                                "Phát triển kinh tế số"])
    assert found.issuer == issuer


def test_a_kem_theo_reference_inside_a_sentence_is_not_the_parent_and_names_no_issuer(tmp_path):
    found = document(tmp_path, [
        "ỦY BAN NHÂN DÂN TỈNH CÀ MAU -------", "Số: 0204/KH-UBND", "Cà Mau, ngày 24 tháng 11 năm 2025", "",
        "KẾ HOẠCH", "Tài chính - ngân sách nhà nước 03 năm 2026 - 2028", "",
        "Lập theo các Mẫu biểu ban hành kèm theo Thông tư số 69/2017/TT-BTC ngày 07/7/2017 của Bộ trưởng Bộ Tài chính.",
        "", "*(Kèm theo Kế hoạch số 0204/KH-UBND ngày 24/11/2025 của Ủy ban nhân dân tỉnh Cà Mau)*"])
    assert (found.number, found.issuer, found.parent) == ("0204/KH-UBND", "Ủy ban nhân dân tỉnh Cà Mau", "")


@pytest.mark.parametrize(("subject", "title"), [
    ("KẾT LUẬN PHIÊN HỌP LẦN THỨ NĂM VÀ ĐỀ ÁN 06 Ngày 15 tháng 11 năm 2025, tại Trụ sở Chính phủ",
     "Thông báo KẾT LUẬN PHIÊN HỌP LẦN THỨ NĂM VÀ ĐỀ ÁN 06"),
    ("Phát triển kinh tế số giai đoạn 2026 - 2030", "Thông báo phát triển kinh tế số giai đoạn 2026 - 2030"),
])
def test_a_subject_in_capitals_ends_where_the_capitals_end(tmp_path, subject, title):
    found = document(tmp_path, ["Số: 624/TB-VPCP", "Hà Nội, ngày 16 tháng 11 năm 2025", "", "THÔNG BÁO", subject])
    assert found.title == title


def test_a_stand_alone_appendix_of_a_document_not_yet_numbered_is_linked_to_it_as_written(tmp_path):
    found = document(tmp_path, ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ TRỌNG TÂM",
                                "(Kèm theo Nghị quyết số     /NQ-CP ngày    tháng 11 năm 2025 của Chính phủ)"])
    assert (found.kind, found.number, found.issuer, found.parent) == (
        "Phụ lục", "", "Chính phủ", "Nghị quyết số /NQ-CP ngày tháng 11 năm 2025 của Chính phủ")


def test_the_parent_is_in_inspect_json(tmp_path):
    path = tmp_path / "phu-luc.txt"
    path.write_text("\n".join(["PHỤ LỤC", "(Kèm theo Quyết định số   /QĐ-TTg của Thủ tướng Chính phủ)", *TABLE]) + "\n",
                    encoding="utf-8")
    out = to_json(inspect_files([path]))
    assert out["documents"][0]["parent"] == "Quyết định số /QĐ-TTg của Thủ tướng Chính phủ"
    assert [t["content"] for t in out["tasks"]] == ["Xây dựng đề án"]


@pytest.mark.parametrize(("written", "expected"), [
    ("Nghị quyết số /NQ-CP ngày tháng 11 năm 2025 của Chính phủ", ("Nghị quyết", "/NQ-CP", True, None, 2025)),
    ("Quyết định số /QĐ-TTg của Thủ tướng Chính phủ", ("Quyết định", "/QĐ-TTg", True, None, None)),
    ("Báo cáo số 619-BC/TU, ngày 03/12/2024 của Thành uỷ Hải Phòng",
     ("Báo cáo", "619-BC/TU", False, date(2024, 12, 3), 2024)),
    ("Kế hoạch số 86/KH-UBND ngày 31 tháng 3 năm 2025", ("Kế hoạch", "86/KH-UBND", False, date(2025, 3, 31), 2025)),
])
def test_the_parent_as_written_names_a_kind_a_number_or_symbol_and_a_date_or_year(written, expected):
    ref = reference(written)
    assert (ref.kind, ref.number, ref.blank, ref.date, ref.year) == expected


def test_a_parent_text_naming_no_document_is_no_reference():
    assert reference("văn bản này") is None
