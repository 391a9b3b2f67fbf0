"""Agency cells: what is split, what is warned, and that nothing written is rewritten."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.names import AgencyDirectory, agency_cell_findings, agency_key, split_agencies


@pytest.mark.parametrize(("cell", "agencies"), [
    ("Sở Khoa học và Công nghệ Sở Công Thương", ["Sở Khoa học và Công nghệ", "Sở Công Thương"]),
    ("Các sở, ngành, UBND xã, phường, đặc khu Sở Tài chính",
     ["Các sở, ngành", "UBND xã, phường, đặc khu", "Sở Tài chính"]),
    ("Sở Tài chính Các sở, ngành", ["Sở Tài chính", "Các sở, ngành"]),
])
def test_two_agencies_run_together_are_split_and_warned(cell, agencies):
    assert split_agencies(cell) == agencies
    ((code, message),) = agency_cell_findings(cell)
    assert code == "agency-separator" and cell.split(",")[-1].strip() in message


@pytest.mark.parametrize("cell", [
    "Văn phòng Sở Tài chính", "Giám đốc Sở Nội vụ", "Văn phòng UBND tỉnh", "Bộ, ngành", "Sở Tài chính",
    "Ngân hàng Nhà nước Việt nam Chi nhánh Khu vực 2", "Ban Quản lý các Khu công nghiệp, khu kinh tế",
    "Các sở, ban, ngành, đơn vị, đơn vị liên quan", "Sở Khoa học và Công nghệ; Sở Công Thương",
    "Ủy ban nhân dân các tỉnh, thành phố", "Trung tâm Chuyển đổi số VHTTDL; Cục DLQGVN",
])
def test_one_name_or_separated_names_give_no_warning(cell):
    assert agency_cell_findings(cell) == []


def test_a_head_word_written_twice_keys_like_the_name_and_is_warned():
    assert agency_key("Sở Sở Công thương") == agency_key("Sở Công Thương")
    ((code, message),) = agency_cell_findings("Sở Tài Chính; Sở Sở Công thương; Sở Khoa học")
    assert code == "agency-typo" and "Sở Sở Công thương" in message


@pytest.mark.parametrize("written", [
    "Bộ, ngành", "liên quan", "UBND các phường, xã", "Các sở, ban, ngành, đơn vị, đơn vị liên quan",
])
def test_the_directory_keeps_every_spelling_it_is_given(written):
    directory = AgencyDirectory()
    for other in ("Các bộ, ngành", "có liên quan", "UBND các phường xã", "Các sở, ban, ngành, đơn vị liên quan"):
        directory.resolve(other)
    (name,) = directory.resolve_cell(written)
    agency = directory.lookup(written)
    assert written == name or written in agency.aliases or written[:1].upper() + written[1:] in agency.aliases


_heads = st.sampled_from(["Sở Tài chính", "Sở Khoa học và Công nghệ", "Sở Công Thương", "Sở Nội vụ",
                          "Các sở, ban, ngành", "Sở Văn hóa, Thể thao và Du lịch"])


@given(st.lists(_heads, min_size=2, max_size=4, unique=True), st.sampled_from(["; ", " "]))
def test_the_names_of_a_cell_are_the_names_written_in_it(names, separator):
    cell = separator.join(names)
    assert split_agencies(cell) == names
    warned = any(code == "agency-separator" for code, _ in agency_cell_findings(cell))
    assert warned == (separator == " ")
