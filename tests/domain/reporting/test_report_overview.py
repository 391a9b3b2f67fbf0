"""The report sums the period up as Sở Tài chính writes it: a summary line opening section I ("x/y chỉ tiêu đạt và
vượt kịch bản"), "Đánh giá chung" (results, shortcomings, causes), and "Nhiệm vụ, giải pháp trọng tâm" of the next
period (tasks due in it, indicators to push, the agencies' proposals)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from kehoach.domain.assessment.model import (
    VERDICT_MET,
    VERDICT_MISSED,
    FigurePeriod,
    IndicatorAssessment,
    ProjectAssessment,
    TaskAssessment,
    TaskStatus,
)
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.entities import Indicator, MeasureKind
from kehoach.domain.reporting import IndicatorInput, ProjectInput, ReportInput, TaskInput, build

AS_OF = date(2025, 8, 6)  # the month report covers July 2025; the next month is August


def indicator(key: str, name: str, rating: Rating, reason: str = "", **assessment) -> IndicatorInput:
    entity = Indicator(key=key, name=name, unit="%", kind=MeasureKind.GROWTH)
    return IndicatorInput(entity, IndicatorAssessment(indicator=key, as_of=AS_OF, rating=rating, comparable=True,
                                                      reason=reason, **assessment))


GRDP = indicator("grdp", "Tốc độ tăng trưởng GRDP", Rating.CHAM,
                 "6 tháng đầu năm 2025 ước tăng 11,04%, thấp hơn 1,09 điểm % so với kịch bản (12,13%)",
                 period=FigurePeriod.parse("2025-H1"), actual=Decimal("11.04"), qualifier="ước")
IIP = indicator("iip", "Chỉ số sản xuất công nghiệp (IIP)", Rating.DAT, "Tăng 18,64%, cao hơn kịch bản")
EXPORTS = indicator("exports", "Kim ngạch xuất khẩu", Rating.DAT, "Vượt kịch bản")
FDI = indicator("fdi", "Thu hút vốn FDI", Rating.CHUA_CO_SO_LIEU, "Chưa có số liệu")
BUDGET = indicator("budget", "Thu ngân sách nhà nước", Rating.KHONG_SO_SANH, "Không so sánh được")


def task(number: int, status: TaskStatus, due: date, content: str = "Nội dung") -> TaskInput:
    return TaskInput(number=number, content=content, group="I. Nhiệm vụ chung", lead=("Sở Tài chính",),
                     leader=None, assessment=TaskAssessment(task=number, status=status, due=due))


def project(name: str, behind: bool) -> ProjectInput:
    a = ProjectAssessment(project=1, plan=None, disbursed=Decimal(0), by_period=(), rate=None, planned_share=None,
                          planned_share_method="", late_milestones=(), behind=behind, reason="Chậm khởi công")
    return ProjectInput(number=1, name=name, group="Khởi công", value=None, assessment=a)


def content(kind: str = "month", as_of: date = AS_OF, **kwargs):
    return build(ReportInput(as_of=as_of, kind=kind, **kwargs))


def section(report, start: str):
    return next(s for s in report.sections if s.heading.split(". ", 1)[1].startswith(start))


def parts(report, start: str) -> dict[str, tuple[str, ...]]:
    return {p.heading: p.lines for p in section(report, start).parts}


def test_section_one_opens_with_how_many_indicators_met_their_scenario():
    report = content(indicators=(GRDP, IIP, EXPORTS, FDI, BUDGET))
    assert section(report, "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU").paragraphs[0] == (
        "Kết quả chung: 2/5 chỉ tiêu đạt và vượt kịch bản; 1 chỉ tiêu chậm so với kịch bản; "
        "1 chỉ tiêu chưa so sánh được với kịch bản; 1 chỉ tiêu chưa có số liệu.")
    assert section(report, "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU").paragraphs[1].startswith("1. Tốc độ tăng trưởng GRDP:")


def test_once_the_full_year_figures_are_in_the_summary_counts_the_year_verdicts_and_estimates():
    grdp = replace(GRDP, assessment=replace(GRDP.assessment, verdict=VERDICT_MISSED, verdict_estimate=True))
    iip = replace(IIP, assessment=replace(IIP.assessment, verdict=VERDICT_MET))
    line = section(content(indicators=(grdp, iip, FDI)), "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU").paragraphs[0]
    assert line.endswith("Theo số liệu cả năm, 1/2 chỉ tiêu đạt kế hoạch năm, 1 chỉ tiêu không đạt kế hoạch năm "
                         "(trong đó 1 chỉ tiêu theo số ước).")
    overview = parts(content(indicators=(grdp, iip, FDI)), "ĐÁNH GIÁ CHUNG")
    assert "- Đạt kế hoạch năm: Chỉ số sản xuất công nghiệp (IIP)." in overview["1. Kết quả đạt được"]
    assert overview["2. Tồn tại, hạn chế"][0] == (
        "- Tốc độ tăng trưởng GRDP: không đạt kế hoạch năm (ước). 6 tháng đầu năm 2025 ước tăng 11,04%, thấp hơn "
        "1,09 điểm % so với kịch bản (12,13%).")


def test_the_overview_names_results_shortcomings_and_says_when_no_cause_was_given():
    tasks = (task(1, TaskStatus.HOAN_THANH_DUNG_HAN, date(2025, 6, 30)),
             task(2, TaskStatus.HOAN_THANH_QUA_HAN, date(2025, 5, 31)),
             task(3, TaskStatus.QUA_HAN, date(2025, 7, 15)), task(4, TaskStatus.CHUA_DEN_HAN, date(2025, 12, 31)))
    report = content(indicators=(GRDP, IIP, EXPORTS, FDI, BUDGET), tasks=tasks,
                     projects=(project("Cầu Nguyễn Trãi", True), project("Đường ven biển", False)))
    assert section(report, "ĐÁNH GIÁ CHUNG").heading == "IV. ĐÁNH GIÁ CHUNG"
    overview = parts(report, "ĐÁNH GIÁ CHUNG")
    assert list(overview) == ["1. Kết quả đạt được", "2. Tồn tại, hạn chế", "3. Nguyên nhân"]
    assert overview["1. Kết quả đạt được"] == (
        "- 2/5 chỉ tiêu chủ yếu đạt và vượt kịch bản: Chỉ số sản xuất công nghiệp (IIP); Kim ngạch xuất khẩu.",
        "- 2/4 nhiệm vụ đã hoàn thành (1 đúng hạn, 1 quá hạn).",
        "- Chưa có số liệu giải ngân của 2 dự án trọng điểm.")
    assert overview["2. Tồn tại, hạn chế"] == (
        "- Tốc độ tăng trưởng GRDP (chậm): 6 tháng đầu năm 2025 ước tăng 11,04%, thấp hơn 1,09 điểm % so với "
        "kịch bản (12,13%).",
        "- 1 chỉ tiêu chưa có số liệu để đánh giá: Thu hút vốn FDI.",
        "- 1 nhiệm vụ quá hạn chưa hoàn thành (danh sách tại mục II).",
        "- 1 dự án trọng điểm chậm tiến độ hoặc chậm giải ngân: Cầu Nguyễn Trãi.")
    assert overview["3. Nguyên nhân"] == ("- Trong kỳ các cơ quan chưa nêu nguyên nhân, khó khăn, vướng mắc nào.",)


def test_the_results_count_only_what_was_reported():
    reported = replace(project("Cầu Rào 1", False), assessment=replace(
        project("Cầu Rào 1", False).assessment, by_period=(("2025-Q2", Decimal("100")),)))
    tasks = (task(1, TaskStatus.CHUA_DEN_HAN, date(2025, 12, 31)), task(2, TaskStatus.QUA_HAN, date(2025, 6, 30)))
    results = parts(content(tasks=tasks, projects=(reported, project("Đường ven biển", False))),
                    "ĐÁNH GIÁ CHUNG")["1. Kết quả đạt được"]
    assert results[1:] == ("- Chưa có nhiệm vụ nào trong 2 nhiệm vụ báo cáo hoàn thành.",
                           "- 1/2 dự án trọng điểm giải ngân đúng kế hoạch; 1 dự án chưa có số liệu giải ngân.")


def test_with_nothing_behind_the_shortcomings_say_so():
    assert parts(content(indicators=(IIP,)), "ĐÁNH GIÁ CHUNG")["2. Tồn tại, hạn chế"] == (
        "- Trong kỳ không có chỉ tiêu, nhiệm vụ hay dự án trọng điểm nào chậm so với kế hoạch.",)


def test_the_next_month_lists_the_open_tasks_due_in_it_by_date_and_the_indicators_to_push():
    tasks = (task(9, TaskStatus.CHUA_DEN_HAN, date(2025, 8, 31), "Trình đề án khu thương mại tự do."),
             task(5, TaskStatus.SAP_DEN_HAN, date(2025, 8, 10), "Báo cáo tình hình giải ngân"),
             task(6, TaskStatus.HOAN_THANH_DUNG_HAN, date(2025, 8, 20)),  # done already: not listed
             task(7, TaskStatus.CHUA_DEN_HAN, date(2025, 9, 1)),  # the month after: not listed
             task(8, TaskStatus.QUA_HAN, date(2025, 7, 1)))
    report = content(indicators=(GRDP, IIP), tasks=tasks)
    next_month = section(report, "NHIỆM VỤ, GIẢI PHÁP")
    assert next_month.heading == "V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG TỚI"
    lines = {p.heading: p.lines for p in next_month.parts}
    assert lines["1. Các nhiệm vụ đến hạn trong tháng 8 năm 2025"] == (
        "- Nhiệm vụ số 5 (Sở Tài chính): Báo cáo tình hình giải ngân (hạn 10/08/2025).",
        "- Nhiệm vụ số 9 (Sở Tài chính): Trình đề án khu thương mại tự do (hạn 31/08/2025).",
        "- Khẩn trương hoàn thành 1 nhiệm vụ quá hạn chưa hoàn thành.")
    assert lines["2. Các chỉ tiêu cần tập trung chỉ đạo, thúc đẩy"] == (
        "- Tốc độ tăng trưởng GRDP: 6 tháng đầu năm 2025 ước tăng 11,04%, thấp hơn 1,09 điểm % so với kịch bản "
        "(12,13%).",)


@pytest.mark.parametrize(("kind", "as_of", "heading", "due_in"), [
    ("quarter", date(2025, 10, 10), "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM QUÝ TỚI", "quý IV năm 2025"),
    ("h1", date(2025, 7, 10), "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 6 THÁNG CUỐI NĂM", "6 tháng cuối năm 2025"),
    ("9m", date(2025, 10, 10), "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 3 THÁNG CUỐI NĂM", "quý IV năm 2025"),
    ("year", date(2026, 1, 15), "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM NĂM 2026", "năm 2026"),
    ("month", date(2026, 1, 15), "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG TỚI", "tháng 1 năm 2026"),
])
def test_the_next_period_follows_the_reports_kind_across_the_year_end(kind, as_of, heading, due_in):
    next_part = section(content(kind=kind, as_of=as_of), "NHIỆM VỤ, GIẢI PHÁP")
    assert next_part.heading == f"V. {heading}"
    assert next_part.parts[0].heading == f"1. Các nhiệm vụ đến hạn trong {due_in}"


def test_the_year_report_counts_verdicts_and_gives_each_row_its_verdict_with_the_gap():
    from kehoach.domain.assessment.model import TargetComparison

    revenue = IndicatorInput(
        Indicator(key="revenue", name="Thu ngân sách nhà nước", unit="tỷ đồng", kind=MeasureKind.FLOW),
        IndicatorAssessment(indicator="revenue", as_of=date(2026, 1, 15), rating=Rating.DAT, comparable=True,
                            reason="Năm 2025 đạt 140.000 tỷ đồng", verdict=VERDICT_MET, targets=(
                                TargetComparison(basis="stretch", basis_label="chỉ tiêu phấn đấu", scope="HP",
                                                 value=Decimal("129519.3"), text="129.519,3", document="86/KH-UBND",
                                                 pct=Decimal("108.09"), met=True),)))
    grdp = replace(GRDP, assessment=replace(GRDP.assessment, verdict=VERDICT_MISSED, verdict_estimate=True, targets=(
        TargetComparison(basis="stretch", basis_label="chỉ tiêu phấn đấu", scope="HP", value=Decimal("12.35"),
                         text="12,35", document="", gap=Decimal("-0.54"), met=False),)))
    report = content(kind="year", as_of=date(2026, 1, 15), indicators=(revenue, grdp, IIP))
    assert report.sections[0].paragraphs[0] == (
        "Kết quả chung: 1/3 chỉ tiêu đạt kế hoạch năm; 1 chỉ tiêu không đạt kế hoạch năm (trong đó 1 chỉ tiêu "
        "theo số ước); 1 chỉ tiêu chưa có số liệu cả năm để kết luận.")
    assert [row.rating for row in report.indicator_rows] == [
        "Đạt kế hoạch năm: bằng 108,1% chỉ tiêu phấn đấu (129.519,3 tỷ đồng)",
        "Không đạt kế hoạch năm (ước): thấp hơn 0,54 điểm % so với chỉ tiêu phấn đấu (12,35%)",
        "Chưa có số liệu cả năm để kết luận"]  # IIP: rated on the trajectory, no full-year figure
    assert report.sections[0].paragraphs[3].endswith("Đánh giá: Chưa có số liệu cả năm để kết luận.")


def test_the_overview_and_the_next_period_do_not_repeat_section_one():
    """Section I says the whole reason; "Tồn tại, hạn chế" the shortfall only; the next period's indicators
    to push what the rest of the year needs: no paragraph of section I said again."""
    reason = ("Lũy kế 3 tháng đạt hơn 372 triệu USD, bằng 82,5% kịch bản (451 triệu USD); 9 tháng cuối năm cần "
              "4.128 triệu USD, cao hơn 2,0% so với kịch bản (4.049 triệu USD); số liệu 9 tháng năm 2025 của "
              "Hải Phòng (từ 01/07/2025): 2.450 triệu USD (chưa có kế hoạch của phạm vi đó nên không so sánh).")
    fdi = indicator("fdi", "Thu hút vốn FDI", Rating.NGUY_CO, reason)
    report = content(indicators=(fdi,))
    assert parts(report, "ĐÁNH GIÁ CHUNG")["2. Tồn tại, hạn chế"][0] == (
        "- Thu hút vốn FDI (nguy cơ không đạt kế hoạch năm): Lũy kế 3 tháng đạt hơn 372 triệu USD, "
        "bằng 82,5% kịch bản (451 triệu USD).")
    assert parts(report, "NHIỆM VỤ, GIẢI PHÁP")["2. Các chỉ tiêu cần tập trung chỉ đạo, thúc đẩy"] == (
        "- Thu hút vốn FDI: 9 tháng cuối năm cần 4.128 triệu USD, cao hơn 2,0% so với kịch bản (4.049 triệu USD).",)
    text = " ".join(p for s in report.sections for p in s.paragraphs + tuple(x for g in s.parts for x in g.lines))
    assert text.count("2.450 triệu USD") == 1
