"""Agency and leader names: how cells are split, matched and resolved to one entry each.

The tables below list every distinct agency and leader cell of Kế hoạch 86/KH-UBND (2025) and what it
must resolve to, so they double as the specification of the rules in ``kehoach.domain.names``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.entities import AgencyKind
from kehoach.domain.names import (
    AgencyDirectory,
    LeaderDirectory,
    agency_key,
    classify_agency,
    office_key,
    parse_leader,
    short_name,
    split_agencies,
)
from kehoach.domain.text import clean

SAMPLE = Path(__file__).resolve().parents[2] / "src/kehoach/sample_data/ke-hoach-86-KH-UBND-2025.txt"

COLLECTIVE = "Các Sở, ngành, đơn vị, địa phương"
BQL_KKT = "Ban Quản lý Khu kinh tế Hải Phòng"
SO_VH = "Sở Văn hóa, Thể thao và Du lịch"
CC_THUE = "Chi cục Thuế Khu vực III"
CC_HQ = "Chi cục Hải quan khu vực III"
CC_TK = "Chi cục Thống kê"
NHNN = "Chi nhánh Ngân hàng Nhà nước khu vực 6"

# Every distinct lead ("chủ trì"), coordinating ("phối hợp") and monitoring ("Đơn vị theo dõi") cell of
# the sample document -> (the names as written, the canonical names once the whole document is read).
AGENCY_CELLS: dict[str, tuple[list[str], list[str]]] = {
    "Ban Quản lý Khu kinh tế Hải Phòng": ([BQL_KKT], [BQL_KKT]),
    "Ban Quản lý Khu kinh tế Hải Phòng, Sở Tài chính": ([BQL_KKT, "Sở Tài chính"], [BQL_KKT, "Sở Tài chính"]),
    "Ban Quản lý Khu kinh tế Hải Phòng, các Sở, ngành, đơn vị, địa phương": (
        [BQL_KKT, "các Sở, ngành, đơn vị, địa phương"],
        [BQL_KKT, COLLECTIVE],
    ),
    "Chi cục Hải quan khu vực III, Chi cục Thống kê": ([CC_HQ, CC_TK], [CC_HQ, CC_TK]),
    "Chi cục Thuế Khu vực III": ([CC_THUE], [CC_THUE]),
    "Chi cục Thống kê và các Sở, ngành, đơn vị, địa phương": (
        [CC_TK, "các Sở, ngành, đơn vị, địa phương"],
        [CC_TK, COLLECTIVE],
    ),
    "Chi nhánh Ngân hàng Nhà nước khu vực 6": ([NHNN], [NHNN]),
    "Các Sở, ngành, đơn vị": (["Các Sở, ngành, đơn vị"], ["Các Sở, ngành, đơn vị"]),
    "Các Sở, ngành, đơn vị, địa phương": ([COLLECTIVE], [COLLECTIVE]),
    "Các Sở, ngành, đơn vị, địa phương, đơn vị": (["Các Sở, ngành, đơn vị, địa phương, đơn vị"], [COLLECTIVE]),
    "Công an thành phố": (["Công an thành phố"], ["Công an thành phố"]),
    "Sở Công Thương": (["Sở Công Thương"], ["Sở Công Thương"]),
    "Sở Công Thương, Ban Quản lý Khu kinh tế Hải Phòng": (
        ["Sở Công Thương", BQL_KKT],
        ["Sở Công Thương", BQL_KKT],
    ),
    "Sở Công Thương, Ban Quản lý Khu kinh tế Hải Phòng, Sở Tài chính": (
        ["Sở Công Thương", BQL_KKT, "Sở Tài chính"],
        ["Sở Công Thương", BQL_KKT, "Sở Tài chính"],
    ),
    "Sở Công Thương, Chi cục Hải quan khu vực III, Chi cục Thống kê": (
        ["Sở Công Thương", CC_HQ, CC_TK],
        ["Sở Công Thương", CC_HQ, CC_TK],
    ),
    "Sở Công Thương, Chi cục Thống kê": (["Sở Công Thương", CC_TK], ["Sở Công Thương", CC_TK]),
    "Sở Công Thương, Sở Tài chính": (["Sở Công Thương", "Sở Tài chính"], ["Sở Công Thương", "Sở Tài chính"]),
    "Sở Công Thương, Sở Văn hóa, Thể thao và Du lịch, Chi cục Thuế khu vực III, "
    "Chi nhánh Ngân hàng nhà nước khu vực 6": (
        ["Sở Công Thương", SO_VH, "Chi cục Thuế khu vực III", "Chi nhánh Ngân hàng nhà nước khu vực 6"],
        ["Sở Công Thương", SO_VH, CC_THUE, NHNN],
    ),
    "Sở Khoa học và Công nghệ": (["Sở Khoa học và Công nghệ"], ["Sở Khoa học và Công nghệ"]),
    "Sở Nông nghiệp và Môi trường": (["Sở Nông nghiệp và Môi trường"], ["Sở Nông nghiệp và Môi trường"]),
    "Sở Nội vụ": (["Sở Nội vụ"], ["Sở Nội vụ"]),
    "Sở Tài chính": (["Sở Tài chính"], ["Sở Tài chính"]),
    "Sở Tài chính, Ban Quản lý Khu Kinh tế Hải Phòng": (
        ["Sở Tài chính", "Ban Quản lý Khu Kinh tế Hải Phòng"],
        ["Sở Tài chính", BQL_KKT],
    ),
    "Sở Tài chính, Ban Quản lý Khu kinh tế Hải Phòng": (["Sở Tài chính", BQL_KKT], ["Sở Tài chính", BQL_KKT]),
    "Sở Tài chính, Chi cục Thuế Khu vực III, Chi Cục Hải quan khu vực III": (
        ["Sở Tài chính", CC_THUE, "Chi Cục Hải quan khu vực III"],
        ["Sở Tài chính", CC_THUE, CC_HQ],
    ),
    "Sở Tài chính, Chi cục Thuế Khu vực III, Chi cục Hải quan khu vực III": (
        ["Sở Tài chính", CC_THUE, CC_HQ],
        ["Sở Tài chính", CC_THUE, CC_HQ],
    ),
    "Sở Tài chính, Chi cục Thống kê": (["Sở Tài chính", CC_TK], ["Sở Tài chính", CC_TK]),
    "Sở Tài chính, Sở Công Thương": (["Sở Tài chính", "Sở Công Thương"], ["Sở Tài chính", "Sở Công Thương"]),
    "Sở Tài chính, Sở Nông nghiệp và Môi trường, Sở Xây dựng": (
        ["Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng"],
        ["Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng"],
    ),
    "Sở Văn hóa, Thể thao và Du lịch": ([SO_VH], [SO_VH]),
    "Sở Văn hóa, Thể thao và Du lịch, Chi cục Thống kê": ([SO_VH, CC_TK], [SO_VH, CC_TK]),
    "Sở Văn hóa, Thể thao và Du lịch, Sở Tài chính": ([SO_VH, "Sở Tài chính"], [SO_VH, "Sở Tài chính"]),
    "Sở Xây dựng": (["Sở Xây dựng"], ["Sở Xây dựng"]),
    "Sở Xây dựng, các Ban Quản lý dự án": (
        ["Sở Xây dựng", "các Ban Quản lý dự án"],
        ["Sở Xây dựng", "Các Ban Quản lý dự án"],
    ),
}

# The whole document resolves to exactly these agencies: (canonical name, kind, short name).
DOCUMENT_AGENCIES = [
    (BQL_KKT, AgencyKind.BOARD, "BQL KKT Hải Phòng"),
    ("Các Ban Quản lý dự án", AgencyKind.COLLECTIVE, ""),
    ("Các Sở, ngành, đơn vị", AgencyKind.COLLECTIVE, ""),
    (COLLECTIVE, AgencyKind.COLLECTIVE, ""),
    (CC_HQ, AgencyKind.BRANCH, "Chi cục Hải quan KV III"),
    (CC_TK, AgencyKind.BRANCH, ""),
    (CC_THUE, AgencyKind.BRANCH, "Chi cục Thuế KV III"),
    (NHNN, AgencyKind.BRANCH, "CN NHNN KV 6"),
    ("Công an thành phố", AgencyKind.POLICE, "CA TP"),
    ("Sở Công Thương", AgencyKind.DEPARTMENT, "Sở CT"),
    ("Sở Khoa học và Công nghệ", AgencyKind.DEPARTMENT, "Sở KH&CN"),
    ("Sở Nội vụ", AgencyKind.DEPARTMENT, "Sở NV"),
    ("Sở Nông nghiệp và Môi trường", AgencyKind.DEPARTMENT, "Sở NN&MT"),
    ("Sở Tài chính", AgencyKind.DEPARTMENT, "Sở TC"),
    (SO_VH, AgencyKind.DEPARTMENT, "Sở VH,TT&DL"),
    ("Sở Xây dựng", AgencyKind.DEPARTMENT, "Sở XD"),
]

QUAN = "Đồng chí Lê Anh Quân – Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố"
CUONG = "Đồng chí Hoàng Minh Cường – Phó Chủ tịch Ủy ban nhân dân thành phố"
PCT = "Phó Chủ tịch Ủy ban nhân dân thành phố"
THE_PCTS = "Các Phó Chủ tịch Ủy ban nhân dân thành phố liên quan"

# Every distinct leader cell of the sample document (task 21's cell joined across the page break,
# as the importer does) -> parse_leader.
LEADER_CELLS: dict[str, tuple[str | None, str, bool]] = {
    QUAN: ("Lê Anh Quân", "Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố", False),
    CUONG: ("Hoàng Minh Cường", PCT, False),
    "Đồng chí Nguyễn Đức Thọ – Phó Chủ tịch Ủy ban nhân dân thành phố": ("Nguyễn Đức Thọ", PCT, False),
    "Đồng chí Nguyễn Đức Thọ - Phó Chủ tịch Ủy ban nhân dân thành phố": ("Nguyễn Đức Thọ", PCT, False),
    "Đồng chí Chủ tịch Ủy ban nhân dân thành phố": (None, "Chủ tịch Ủy ban nhân dân thành phố", False),
    "Các đồng chí Phó Chủ tịch Ủy ban nhân dân thành phố liên quan": (None, THE_PCTS, True),
    "Các Phó Chủ tịch Ủy ban nhân dân thành phố liên quan": (None, THE_PCTS, True),
}


def document_cells() -> tuple[list[str], list[str]]:
    """Agency cells and leader cells of the sample, in document order, continuation cells joined."""
    agencies: list[str] = []
    leaders: list[str] = []
    appendix = 0
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("**PHỤ LỤC I*"):
            appendix = 1
        elif line.startswith("**PHỤ LỤC II"):
            appendix = 2
        cells = line.split("\t")
        if appendix == 1 and len(cells) >= 7 and cells[0] != "STT":
            agencies += [c for c in (cells[3], cells[4]) if c]
            if cells[6] and not cells[0].strip() and leaders:  # continuation row after a page break
                leaders[-1] = f"{leaders[-1]} {cells[6]}"
            elif cells[6]:
                leaders.append(cells[6])
        elif appendix == 2 and len(cells) > 3 and cells[0].isdigit() and cells[2]:
            agencies.append(cells[2])
    return agencies, leaders


def read_document(signer: bool) -> tuple[AgencyDirectory, LeaderDirectory]:
    agencies, leaders = document_cells()
    agency_directory, leader_directory = AgencyDirectory(), LeaderDirectory()
    if signer:  # "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn Tùng"
        leader_directory.add_known("Nguyễn Văn Tùng", "Chủ tịch Ủy ban nhân dân thành phố")
    for cell in agencies:
        agency_directory.resolve_cell(cell)
    for cell in leaders:
        leader_directory.resolve(cell)
    return agency_directory, leader_directory


# ---------------------------------------------------------------------------------------------- the document


def test_the_tables_list_every_agency_and_leader_cell_of_the_document():
    agencies, leaders = document_cells()
    assert set(agencies) == set(AGENCY_CELLS)
    assert set(leaders) == set(LEADER_CELLS)


@pytest.mark.parametrize("cell", sorted(AGENCY_CELLS))
def test_each_agency_cell_splits_into_the_names_as_written(cell):
    assert split_agencies(cell) == AGENCY_CELLS[cell][0]


@pytest.mark.parametrize("cell", sorted(AGENCY_CELLS))
def test_each_agency_cell_resolves_to_canonical_names_once_the_document_is_read(cell):
    directory, _ = read_document(signer=True)
    assert [directory.lookup(part).name for part in split_agencies(cell)] == AGENCY_CELLS[cell][1]
    assert directory.resolve_cell(cell) == list(dict.fromkeys(AGENCY_CELLS[cell][1]))


def test_the_document_names_exactly_sixteen_agencies():
    directory, _ = read_document(signer=True)
    assert [(a.name, a.kind, a.short_name) for a in directory.agencies()] == DOCUMENT_AGENCIES


def test_other_spellings_seen_are_kept_as_aliases():
    directory, _ = read_document(signer=True)
    aliases = {a.name: a.aliases for a in directory.agencies()}
    assert aliases[BQL_KKT] == {"Ban Quản lý Khu Kinh tế Hải Phòng"}
    assert aliases[CC_THUE] == {"Chi cục Thuế khu vực III"}
    assert aliases[CC_HQ] == {"Chi Cục Hải quan khu vực III"}
    assert aliases[NHNN] == {"Chi nhánh Ngân hàng nhà nước khu vực 6"}
    assert aliases[COLLECTIVE] == {"các Sở, ngành, đơn vị, địa phương", "Các Sở, ngành, đơn vị, địa phương, đơn vị"}
    assert aliases["Sở Tài chính"] == set()


@pytest.mark.parametrize("cell", sorted(LEADER_CELLS))
def test_each_leader_cell_parses_into_name_title_and_collective(cell):
    assert parse_leader(cell) == LEADER_CELLS[cell]


def test_the_document_names_five_leaders_with_the_chairman_known_from_the_signature():
    _, directory = read_document(signer=True)
    leaders = {x.name: (x.title, x.collective) for x in directory.leaders()}
    assert leaders == {
        "Lê Anh Quân": ("Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố", False),
        "Hoàng Minh Cường": (PCT, False),
        "Nguyễn Đức Thọ": (PCT, False),
        "Nguyễn Văn Tùng": ("Chủ tịch Ủy ban nhân dân thành phố", False),
        THE_PCTS: (THE_PCTS, True),
    }
    assert directory.resolve("Đồng chí Chủ tịch Ủy ban nhân dân thành phố").name == "Nguyễn Văn Tùng"


def test_without_a_signer_the_chairman_is_the_office_itself():
    _, directory = read_document(signer=False)
    names = [x.name for x in directory.leaders()]
    assert sorted(names) == sorted(
        ["Lê Anh Quân", "Hoàng Minh Cường", "Nguyễn Đức Thọ", "Chủ tịch Ủy ban nhân dân thành phố", THE_PCTS]
    )


def test_a_title_cut_by_a_page_break_resolves_to_the_same_leader_by_name():
    _, directory = read_document(signer=True)
    cut = directory.resolve("Đồng chí Lê Anh Quân – Phó Chủ tịch Thường trực Ủy")
    assert cut is directory.resolve(QUAN)
    assert cut.title == "Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố"


def test_the_most_complete_title_is_kept_whatever_came_first():
    directory = LeaderDirectory()
    directory.resolve("Đồng chí Lê Anh Quân – Phó Chủ tịch Thường trực Ủy")
    leader = directory.resolve(QUAN)
    assert leader.title == "Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố"
    assert len(directory.leaders()) == 1


# ---------------------------------------------------------------------------------------------- splitting


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("", []),
        ("   ", []),
        ("Sở Tài chính, Chi cục Thuế Khu vực III, Chi cục Hải quan khu vực III", 3),
        ("Các Sở, ngành, đơn vị, địa phương", 1),
        ("Các Sở, ngành, đơn vị, địa phương, đơn vị", 1),
        ("Các Sở, ban, ngành, địa phương, đơn vị liên quan", 1),
        ("Sở Xây dựng, các Ban Quản lý dự án", 2),
        ("Sở Tài chính; Sở Xây dựng", 2),
        ("Sở Tài chính\nSở Xây dựng", 2),
        ("Sở Văn hóa, Thể thao\nvà Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Sở Tài chính và Sở Xây dựng", ["Sở Tài chính", "Sở Xây dựng"]),
        ("Sở Tài chính phối hợp với Công an thành phố", ["Sở Tài chính phối hợp", "Công an thành phố"]),
        ("Sở Nông nghiệp và Môi trường, Sở Khoa học và Công nghệ", 2),
        ("Sở Lao động - Thương binh và Xã hội, UBND các quận, huyện", 2),
        ("- Sở Tài chính;\n- Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),
    ],
)
def test_splitting_cells(cell, parts):
    got = split_agencies(cell)
    assert (len(got) if isinstance(parts, int) else got) == parts


def test_a_collective_is_never_split_and_keeps_its_text():
    assert split_agencies("Chi cục Thống kê và các Sở, ngành, đơn vị, địa phương") == [
        "Chi cục Thống kê",
        "các Sở, ngành, đơn vị, địa phương",
    ]


# ---------------------------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    "spellings",
    [
        ["Ủy ban nhân dân thành phố", "UBND TP", "Uỷ ban nhân dân Thành phố", "UBND thành phố", "Ủy ban nhân dân"],
        [SO_VH, "Sở Văn hoá, Thể thao và Du lịch", "Sở VH,TT&DL", "Sở VHTTDL", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"],
        ["Sở Khoa học và Công nghệ", "Sở KH&CN", "Sở KH & CN", "sở khoa học và công nghệ"],
        ["Sở Nông nghiệp và Môi trường", "Sở NN&MT", "Sở Nong nghiep va Moi truong"],
        ["Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "Sở GDĐT"],
        ["Sở Lao động - Thương binh và Xã hội", "Sở Lao động – Thương binh và Xã hội", "Sở LĐTBXH", "Sở LĐ-TB&XH"],
        [BQL_KKT, "BQL KKT Hải Phòng", "Ban quản lý khu kinh tế Hải Phòng", "Ban  Quản lý Khu Kinh tế Hải Phòng"],
        [CC_THUE, "Chi cục Thuế khu vực 3", "Chi cục thuế KV III", "CHI CỤC THUẾ KHU VỰC III"],
        [NHNN, "Chi nhánh NHNN khu vực 6", "Chi nhánh Ngân hàng nhà nước KV 6"],
        ["Công an thành phố", "Công an TP", "Công an"],
        ["Cụm công nghiệp Tân Trào", "CCN Tân Trào"],
        [COLLECTIVE, "các sở, ngành, địa phương, đơn vị", "Các Sở, ngành, đơn vị, địa phương, đơn vị",
         "Các Sở, ngành và đơn vị, địa phương", "Các Sở, ngành, các đơn vị, địa phương thành phố"],
    ],
)
def test_variants_of_one_agency_share_one_key(spellings):
    assert len({agency_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (COLLECTIVE, "Các Sở, ngành, đơn vị"),
        (COLLECTIVE, "Các Sở, ngành, đơn vị, địa phương liên quan"),
        ("UBND thành phố", "UBND quận Ngô Quyền"),
        ("Chi cục Thuế Khu vực III", "Chi cục Thuế Khu vực II"),
        ("Sở Tài chính", "Sở Tài nguyên và Môi trường"),
        ("Sở Xây dựng", "Các Ban Quản lý dự án"),
    ],
)
def test_different_agencies_keep_different_keys(one, other):
    assert agency_key(one) != agency_key(other)


def test_a_known_place_after_the_name_is_noise():
    places = ("Hải Phòng",)
    assert agency_key("Sở Tài chính thành phố Hải Phòng", places) == agency_key("Sở Tài chính", places)
    assert agency_key("Công an TP Hải Phòng", places) == agency_key("Công an thành phố", places)
    assert agency_key(BQL_KKT, places) == agency_key("Ban Quản lý Khu kinh tế", places)


def test_a_directory_resolves_variants_to_one_agency_named_by_the_most_frequent_spelling():
    directory = AgencyDirectory()
    first = directory.resolve("Sở VH,TT&DL")
    for spelling in (SO_VH, "Sở Văn hoá, Thể thao và Du lịch", SO_VH):
        assert directory.resolve(spelling) is first
    assert first.name == SO_VH
    assert first.aliases == {"Sở VH,TT&DL", "Sở Văn hoá, Thể thao và Du lịch"}
    assert len(directory.agencies()) == 1


def test_ties_between_spellings_go_to_the_first_seen():
    directory = AgencyDirectory()
    directory.resolve("Chi cục Thuế khu vực III")
    agency = directory.resolve("Chi cục Thuế Khu vực III")
    assert agency.name == "Chi cục Thuế khu vực III"
    assert agency.aliases == {"Chi cục Thuế Khu vực III"}


def test_collectives_are_capitalised_and_resolved_once():
    directory = AgencyDirectory()
    assert directory.resolve_cell("các Sở, ngành, đơn vị, địa phương") == [COLLECTIVE]
    assert directory.resolve_cell("Sở Tài chính, Sở Tài chính, Sở Tài Chính") == ["Sở Tài chính"]
    assert directory.resolve_cell("") == []
    assert directory.resolve_cell(None) == []
    with pytest.raises(ValueError):
        directory.resolve(" , ")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Sở Tài chính", AgencyKind.DEPARTMENT),
        ("Ban Quản lý Khu kinh tế Hải Phòng", AgencyKind.BOARD),
        ("Chi cục Thống kê", AgencyKind.BRANCH),
        ("Chi nhánh Ngân hàng Nhà nước khu vực 6", AgencyKind.BRANCH),
        ("Kho bạc Nhà nước khu vực IV", AgencyKind.BRANCH),
        ("Công an thành phố", AgencyKind.POLICE),
        ("UBND quận Ngô Quyền", AgencyKind.LOCAL),
        ("Ủy ban nhân dân các quận, huyện", AgencyKind.LOCAL),
        ("Ban Tuyên giáo và Dân vận Thành ủy", AgencyKind.PARTY),
        ("Thành ủy Hải Phòng", AgencyKind.PARTY),
        ("Các Sở, ngành, đơn vị, địa phương", AgencyKind.COLLECTIVE),
        ("Sở, ngành, địa phương", AgencyKind.COLLECTIVE),
        ("Văn phòng Ủy ban nhân dân thành phố", AgencyKind.OTHER),
        ("Ủy ban nhân dân thành phố", AgencyKind.OTHER),
    ],
)
def test_classifying_agencies(name, kind):
    assert classify_agency(name) == kind


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
        ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
        ("Ủy ban nhân dân thành phố", "UBND TP"),
        ("Các Sở, ngành, đơn vị, địa phương", ""),
        ("Chi cục Thống kê", ""),
    ],
)
def test_short_names_use_customary_abbreviations_only(name, short):
    assert short_name(name) == short


# ---------------------------------------------------------------------------------------------- leaders


@pytest.mark.parametrize(
    ("cell", "parsed"),
    [
        ("Đồng chí Lê Anh Quân-Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố",
         ("Lê Anh Quân", "Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố", False)),
        ("Đồng chí Lê Anh Quân — Phó Chủ tịch", ("Lê Anh Quân", "Phó Chủ tịch", False)),
        ("Đ/c Lê Anh Quân - PCT TT UBND TP", ("Lê Anh Quân", "PCT TT UBND TP", False)),
        ("đồng chí Lê Anh Quân, Phó Chủ tịch UBND TP", ("Lê Anh Quân", "Phó Chủ tịch UBND TP", False)),
        ("đồng chí lê anh quân - phó chủ tịch UBND TP", ("lê anh quân", "phó chủ tịch UBND TP", False)),
        ("Đồng chí Lê Anh Quân", ("Lê Anh Quân", "", False)),
        ("Phó Chủ tịch UBND TP (đồng chí Lê Anh Quân)", ("Lê Anh Quân", "Phó Chủ tịch UBND TP", False)),
        ("Chủ tịch UBND thành phố", (None, "Chủ tịch UBND thành phố", False)),
        ("Đ/c Chủ tịch UBND TP", (None, "Chủ tịch UBND TP", False)),
        ("các đồng chí PCT UBND TP liên quan", (None, "Các PCT UBND TP liên quan", True)),
    ],
)
def test_parsing_leader_cells(cell, parsed):
    assert parse_leader(cell) == parsed


def test_variants_of_one_leader_resolve_to_one_entry_with_the_most_complete_title():
    directory = LeaderDirectory()
    cells = [
        "Đ/c Lê Anh Quân - PCT TT UBND TP",
        "đồng chí Lê Anh Quân—Phó Chủ tịch Thường trực",
        "Đồng chí LÊ ANH QUÂN – Phó Chủ tịch Thường trực Ủy",
        "Đồng chí Lê Anh Quân",
        QUAN,
    ]
    leaders = {id(directory.resolve(c)) for c in cells}
    assert len(leaders) == 1
    (leader,) = directory.leaders()
    assert leader.name == "Lê Anh Quân"
    assert office_key(leader.title) == office_key("Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố")


def test_office_only_references_resolve_to_the_known_holder():
    directory = LeaderDirectory()
    tung = directory.add_known("Nguyễn Văn Tùng", "Chủ tịch Ủy ban nhân dân thành phố")
    for cell in ("Đồng chí Chủ tịch Ủy ban nhân dân thành phố", "Chủ tịch UBND thành phố", "Đ/c CT UBND TP"):
        assert directory.resolve(cell) is tung
    assert directory.resolve("Đồng chí Phó Chủ tịch UBND TP").name == "Phó Chủ tịch UBND TP"
    assert directory.resolve("") is None
    assert directory.resolve(None) is None


def test_an_office_seen_before_its_holder_was_known_is_merged_into_the_holder():
    directory = LeaderDirectory()
    directory.resolve("Đồng chí Chủ tịch Ủy ban nhân dân thành phố")
    directory.add_known("Nguyễn Văn Tùng", "Chủ tịch Ủy ban nhân dân thành phố")
    (leader,) = directory.leaders()
    assert leader.name == "Nguyễn Văn Tùng"
    assert "Chủ tịch Ủy ban nhân dân thành phố" in leader.aliases


def test_both_spellings_of_the_collective_are_one_entry():
    directory = LeaderDirectory()
    one = directory.resolve("Các đồng chí Phó Chủ tịch Ủy ban nhân dân thành phố liên quan")
    other = directory.resolve("Các Phó Chủ tịch Ủy ban nhân dân thành phố liên quan")
    abbreviated = directory.resolve("Các đồng chí PCT UBND TP liên quan")
    assert one is other is abbreviated
    assert one.collective and one.name == THE_PCTS


def test_named_deputies_are_not_merged_by_their_shared_title():
    directory = LeaderDirectory()
    cuong = directory.resolve(CUONG)
    tho = directory.resolve("Đồng chí Nguyễn Đức Thọ - Phó Chủ tịch Ủy ban nhân dân thành phố")
    office = directory.resolve("Đồng chí Phó Chủ tịch Ủy ban nhân dân thành phố")
    assert len({id(cuong), id(tho), id(office)}) == 3


# ---------------------------------------------------------------------------------------------- properties

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
words = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "0123456789&", min_size=1, max_size=8)
names = st.lists(
    st.tuples(words, st.sampled_from([" ", ", ", " - ", " – ", " và ", "; ", "\n", " / "])), min_size=1, max_size=8
).map(lambda pairs: "".join(w + s for w, s in pairs).strip())
known = st.sampled_from(sorted(AGENCY_CELLS) + [COLLECTIVE, "UBND TP", "Sở KH&CN", "Sở LĐ-TB&XH"])
any_name = st.one_of(names, known)


@given(any_name)
def test_agency_key_ignores_case(name):
    assert agency_key(name) == agency_key(name.upper()) == agency_key(name.lower())


@given(any_name)
def test_agency_key_ignores_the_unicode_normal_form(name):
    assert agency_key(unicodedata.normalize("NFD", name)) == agency_key(unicodedata.normalize("NFC", name))


@given(any_name, st.sampled_from(DASHES))
def test_agency_key_ignores_the_kind_of_dash(name, dash):
    assert agency_key(re.sub(f"[{DASHES}]", dash, name)) == agency_key(name)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


@given(st.one_of(any_name, st.text(max_size=60)))
def test_split_agencies_never_raises_and_never_loses_text(cell):
    parts = split_agencies(cell)
    # Only separators may be dropped: punctuation, and "và"/"với" between two names.
    pattern = "(?:và|với)?".join(re.escape(_letters(p)) for p in parts)
    assert re.fullmatch(pattern, _letters(clean(cell)), re.IGNORECASE)
    assert all(p == p.strip() and p for p in parts)


@given(st.lists(any_name, max_size=6))
def test_a_directory_always_returns_one_entry_per_key(cells):
    directory = AgencyDirectory()
    for cell in cells:
        names_ = directory.resolve_cell(cell)
        assert len(names_) == len(set(names_))
    agencies = directory.agencies()
    keys = [directory.key(a.name) for a in agencies]
    assert len(keys) == len(set(keys))
    for cell in cells:
        for part in split_agencies(cell):
            assert any(directory.lookup(part) is a for a in agencies)
            assert directory.lookup(part).name == directory.lookup(directory.lookup(part).name).name
