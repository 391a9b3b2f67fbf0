"""Every number of the report in its indicator's unit (issue 12 point 7), with the seeds and the shared
2025 figures: the appendix's "Kế hoạch năm" converted like the figures (FDI "4,5" tỷ USD is 4.500 triệu
USD, the tourists' ">10" triệu lượt is "> 10.000" nghìn lượt), the IIP target an index among indices
(117, not the growth "17"), "nghìn lượt" never "10.000 1.000 lượt", and a project total the import
flagged kept as written with its doubt, never rounded to "716,50"."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kehoach.apps.reports.build import build_report
from kehoach.apps.reports.tables import as_text, indicator_cells, project_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def november(demo_plan):
    return build_report(date(2025, 11, 15), "month")


def _row(report, name: str) -> tuple[str, ...]:
    return next(indicator_cells(r) for r in report.content.indicator_rows if r.name.startswith(name))


def test_appendix_targets_are_in_the_indicators_unit(november):
    fdi = _row(november, "Thu hút vốn đầu tư nước ngoài")
    tourists = _row(november, "Khách du lịch")
    iip = _row(november, "Chỉ số sản xuất công nghiệp")

    assert (fdi[2], fdi[3]) == ("triệu USD", "4.500")
    assert (tourists[2], tourists[3]) == ("nghìn lượt", "> 10.000")
    assert iip[2] == "(cùng kỳ = 100)" and iip[3] == "117" and iip[5] == "116,2"


def test_text_names_every_basis_in_the_indicators_unit(november):
    text = " ".join(p for s in november.content.sections for p in s.paragraphs)

    assert "1.000 lượt" not in text
    # the HĐND's value in the indicator's unit, said once with every basis that sets the same value
    assert re.search(r"dự toán/chỉ tiêu HĐND giao[^;()]*\(4\.500 triệu USD\)", text)
    assert re.search(r"dự toán/chỉ tiêu HĐND giao[^;()]*\(> ?10\.000 nghìn lượt\)", text)
    assert re.search(r"dự toán/chỉ tiêu HĐND giao[^;()]*\(117\)", text) and "(17)" not in text


def test_flagged_project_totals_stay_as_written_with_the_doubt(november):
    values = {name: as_text(value) for _, name, value, *_ in project_rows(november.content)}
    lach_huyen = next(v for n, v in values.items() if n.startswith("Dự án đầu tư xây dựng tuyến đường sau các bến"))

    assert lach_huyen == "716,495 (nghi nhầm dấu phân cách hàng nghìn, có thể là 716.495)"
    assert "716,50" not in values.values()
    assert "2.513.243" in values.values()
