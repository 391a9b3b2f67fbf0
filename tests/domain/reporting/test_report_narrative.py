"""The narrative parts compiled from what the agencies wrote: task results under their groups in the
plan's order; causes and difficulties in "Đánh giá chung", proposals in the next month's tasks, per agency."""

from __future__ import annotations

from datetime import date

from kehoach.domain.reporting import Explanation, ProgressNote, ReportInput, build
from kehoach.domain.reporting.narrative import NO_RESULTS, RESULTS_HEADING
from kehoach.domain.reporting.overview import CAUSES, NO_CAUSES, NO_PROPOSALS

AS_OF = date(2025, 8, 6)
GENERAL, ECONOMY = "I. Nhiệm vụ chung", "II. Phát triển kinh tế"


def note(number: int, group: str = GENERAL, order: int = 1, text: str = "Đã trình đề án", evidence: str = "",
         on: date = date(2025, 7, 15), agencies=("Sở Công Thương",)) -> ProgressNote:
    return ProgressNote(group=group, group_order=(1, order), task_number=number, agencies=agencies, on=on,
                        note=text, evidence=evidence)


def narrative(**kwargs):
    content = build(ReportInput(as_of=AS_OF, kind="month", **kwargs))
    return {part.heading: part for part in content.narrative}


def test_the_results_come_under_their_task_group_in_the_plans_order_with_agency_and_evidence():
    results = narrative(progress_notes=(
        note(20, ECONOMY, 2, "Hoàn thành rà soát quy hoạch."),
        note(16, GENERAL, 1, "Đã trình UBND thành phố đề án", "Tờ trình số 12/TTr-SCT"),
        note(3, GENERAL, 1, "Đang lấy ý kiến các sở", agencies=("Sở Tài chính", "Sở Xây dựng")),
    ))[RESULTS_HEADING]
    assert [g.heading for g in results.groups] == [GENERAL, ECONOMY]
    assert results.groups[0].lines == (
        "- Nhiệm vụ số 3 (Sở Tài chính, Sở Xây dựng): Đang lấy ý kiến các sở.",
        "- Nhiệm vụ số 16 (Sở Công Thương): Đã trình UBND thành phố đề án (Tờ trình số 12/TTr-SCT).",
    )
    assert results.groups[1].lines == ("- Nhiệm vụ số 20 (Sở Công Thương): Hoàn thành rà soát quy hoạch.",)


def test_two_updates_of_a_task_are_listed_oldest_first_and_an_empty_note_is_left_out():
    results = narrative(progress_notes=(
        note(5, text="Lần hai", on=date(2025, 7, 30)), note(5, text="Lần một", on=date(2025, 7, 2)),
        note(6, text="   "),
    ))[RESULTS_HEADING]
    assert [line.split(": ")[1] for line in results.groups[0].lines] == ["Lần một.", "Lần hai."]


def parts(**kwargs) -> dict[str, tuple[str, ...]]:
    """Every sub-headed part of the report's sections: heading -> lines."""
    content = build(ReportInput(as_of=AS_OF, kind="month", **kwargs))
    return {part.heading: part.lines for section in content.sections for part in section.parts}


PROPOSALS = "3. Đề xuất của các cơ quan"


def test_without_approved_updates_the_results_say_so():
    assert narrative()[RESULTS_HEADING].groups == () and narrative()[RESULTS_HEADING].empty == NO_RESULTS
    assert parts()[CAUSES] == (NO_CAUSES,)
    assert parts()[PROPOSALS] == (NO_PROPOSALS,)


EXPLANATIONS = (
    Explanation("Sở Xây dựng", "Nhiệm vụ số 7", cause="Vướng giải phóng mặt bằng."),
    Explanation("Sở Công Thương", "Nhiệm vụ số 16", cause="Chờ ý kiến bộ ngành", difficulties="Thiếu vốn",
                proposals="Đề nghị UBND thành phố bố trí vốn"),
    Explanation("Sở Công Thương", "Chỉ tiêu Kim ngạch xuất khẩu (Tháng 7/2025)", proposals="Hỗ trợ doanh nghiệp"),
    Explanation("", "Chỉ tiêu Thu ngân sách (Tháng 7/2025)", difficulties="Nguồn thu giảm"),
    Explanation("Sở Xây dựng", "Nhiệm vụ số 8"),  # nothing given: no line
)


def test_causes_and_difficulties_are_the_causes_of_the_overview_agency_by_agency():
    assert parts(explanations=EXPLANATIONS)[CAUSES] == (
        "- Sở Công Thương, nhiệm vụ số 16: Nguyên nhân: Chờ ý kiến bộ ngành; khó khăn, vướng mắc: Thiếu vốn.",
        "- Sở Xây dựng, nhiệm vụ số 7: Nguyên nhân: Vướng giải phóng mặt bằng.",
        "- Chỉ tiêu Thu ngân sách (Tháng 7/2025): Khó khăn, vướng mắc: Nguồn thu giảm.",
    )


def test_proposals_are_the_agencies_proposals_for_the_next_month():
    assert parts(explanations=EXPLANATIONS)[PROPOSALS] == (
        "- Sở Công Thương, nhiệm vụ số 16: Đề nghị UBND thành phố bố trí vốn.",
        "- Sở Công Thương, chỉ tiêu Kim ngạch xuất khẩu (Tháng 7/2025): Hỗ trợ doanh nghiệp.",
    )


def test_the_same_explanation_given_twice_is_written_once():
    item = Explanation("Sở Công Thương", "Nhiệm vụ số 16", cause="Chờ ý kiến")
    assert parts(explanations=(item, item))[CAUSES] == ("- Sở Công Thương, nhiệm vụ số 16: Nguyên nhân: Chờ ý kiến.",)
