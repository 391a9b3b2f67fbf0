"""Indicator tables of the family's other shapes: a "Kết quả" column with the monitoring agency, a
column per year with the lead agency, the year in a group row; each in web-page and tab-separated text."""

import pytest

from kehoach.domain.importer import inspect_files
from tests.domain.importer.test_family_layouts import flattened

PREAMBLE = ["Số: 55/KH-UBND", "", "Bắc Ninh, ngày 24 tháng 11 năm 2025", "", "KẾ HOẠCH", "Chuyển đổi số năm 2026", ""]
ONLINE = "Tỷ lệ hồ sơ trực tuyến toàn trình"
OFFICE = "Văn phòng UBND tỉnh"

SHAPES = {
    "result and monitoring agency": (
        [["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan theo dõi"], ["1", ONLINE, "%", "80", OFFICE]],
        [(2026, "80")]),
    "a column per year and the lead agency": (
        [["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2027", "2028", "Cơ quan chủ trì"],
         ["1", ONLINE, "%", "70", "80", "90", OFFICE]],
        [(2026, "70"), (2027, "80"), (2028, "90")]),
    "the year in a group row": (
        [["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu", "Cơ quan theo dõi"], ["I", "Năm 2026"],
         ["1", ONLINE, "%", "80", OFFICE], ["II", "Năm 2027"], ["2", ONLINE, "%", "90", OFFICE]],
        [(2026, "80"), (2027, "90")]),
}


@pytest.mark.parametrize("form", ["web page", "tab-separated"])
@pytest.mark.parametrize("shape", SHAPES)
def test_the_targets_years_and_agency_cell_of_each_shape(tmp_path, shape, form):
    rows, expected = SHAPES[shape]
    lines = flattened(rows) if form == "web page" else ["\t".join(r) for r in rows]
    path = tmp_path / "chi-tieu.txt"
    path.write_text("\n".join([*PREAMBLE, *lines, "", "Nơi nhận:"]) + "\n", encoding="utf-8")
    result = inspect_files([path])
    assert [(i.name, i.lead_text, i.monitoring_agencies) for i in result.indicators] == [(ONLINE, OFFICE, [OFFICE])]
    assert [(t.year, t.value.text) for t in result.targets] == expected
    assert not [w for w in result.warnings if w.code in ("rows-not-read", "target-not-found", "nothing-understood")]
