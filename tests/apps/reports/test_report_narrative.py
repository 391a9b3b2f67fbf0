"""The Word report compiles what the agencies wrote: the note of an approved progress update under its
task group, its causes and difficulties in "Đánh giá chung" and its proposals in the next month's tasks, each
line naming the agency; drafts and other periods stay out."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.reports import docx
from kehoach.apps.reports.build import build_report
from kehoach.apps.reports.inputs import report_input
from kehoach.apps.tasks import services
from kehoach.apps.tasks.models import Task, TaskProgress

pytestmark = pytest.mark.django_db

AS_OF = date(2025, 8, 6)  # the month report covers July 2025
AGENCY = "Sở Công Thương"


def paragraphs(report) -> list[str]:
    from io import BytesIO

    return [p.text for p in Document(BytesIO(docx.render(report))).paragraphs]


def a_task():
    return Task.objects.filter(lead__name=AGENCY).select_related("group").order_by("group_id", "number").last()


EXPLAINED = {"cause": "Chờ ý kiến", "difficulties": "Thiếu vốn", "proposals": "Bố trí vốn"}  # needed when overdue


def update(people, task, on, note, approve=True, **explanation):
    explanation = {**EXPLAINED, **explanation}
    progress = services.record_progress(task, on=on, status=TaskProgress.IN_PROGRESS, percent=40, note=note,
                                        evidence_reference="Báo cáo số 45/BC-SCT", user=people["officer_a"],
                                        **explanation)
    services.submit_progress(progress, people["officer_a"], as_of=AS_OF)
    if approve:
        services.approve_progress(progress, people["finance"])
    return progress


def group_heading(task) -> str:
    return f"{task.group.code}. {task.group.title}".strip(". ") if task.group.title else task.group.code


def test_an_approved_update_of_the_month_is_written_under_its_task_group(people):
    task = a_task()
    update(people, task, date(2025, 7, 20), "Đã hoàn thành dự thảo đề án phát triển thương mại điện tử",
           cause="Chờ ý kiến góp ý của các bộ, ngành", difficulties="Thiếu nhân lực chuyên môn",
           proposals="Đề nghị UBND thành phố gia hạn đến quý IV")
    text = paragraphs(build_report(AS_OF, "month"))
    results = text.index("Kết quả thực hiện các nhiệm vụ")
    projects = text.index("III. TÌNH HÌNH THỰC HIỆN CÁC DỰ ÁN TRỌNG ĐIỂM")
    overview = text.index("IV. ĐÁNH GIÁ CHUNG")
    causes = text.index("3. Nguyên nhân")
    next_month = text.index("V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG TỚI")
    proposals = text.index("3. Đề xuất của các cơ quan")
    assert text.index("II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ") < results < projects < overview < causes
    assert causes < next_month < proposals < text.index("VI. MỘT SỐ VẤN ĐỀ ĐỀ NGHỊ LÃNH ĐẠO QUAN TÂM CHỈ ĐẠO")
    line = (f"- Nhiệm vụ số {task.number} ({AGENCY}): Đã hoàn thành dự thảo "
            "đề án phát triển thương mại điện tử (Báo cáo số 45/BC-SCT).")
    assert line in text[results:projects]
    assert text[text.index(line) - 1] == group_heading(task)
    explained = (f"- {AGENCY}, nhiệm vụ số {task.number}: Nguyên nhân: Chờ ý kiến góp ý của các bộ, ngành; khó khăn, "
                 "vướng mắc: Thiếu nhân lực chuyên môn.")
    assert explained in text[causes:next_month]
    proposed = f"- {AGENCY}, nhiệm vụ số {task.number}: Đề nghị UBND thành phố gia hạn đến quý IV."
    assert proposed in text[proposals:]


def test_unapproved_updates_and_updates_of_another_month_are_left_out(people):
    task = a_task()
    update(people, task, date(2025, 7, 21), "Bản chưa duyệt", approve=False)
    update(people, task, date(2025, 6, 10), "Bản của tháng 6")
    text = "\n".join(paragraphs(build_report(AS_OF, "month")))
    assert "Bản chưa duyệt" not in text and "Bản của tháng 6" not in text
    assert "Trong kỳ chưa có báo cáo tiến độ nhiệm vụ nào được duyệt." in text


def test_the_inputs_take_a_constant_number_of_queries(people, django_assert_max_num_queries):
    tasks = list(Task.objects.filter(lead__name=AGENCY).order_by("pk")[:4])
    update(people, tasks[0], date(2025, 7, 5), "Một")
    assessment = assess_all(AS_OF)
    # progress, figures' explanations, the projects' doubtful totals ...: a fixed number, however many updates
    with django_assert_max_num_queries(5):
        report_input(assessment, "month")
    for n, task in enumerate(tasks[1:], 2):
        update(people, task, date(2025, 7, 5 + n), f"Cập nhật {n}")
    with django_assert_max_num_queries(5):
        assert len(report_input(assessment, "month").progress_notes) == 4


def test_the_causes_given_with_an_approved_figure_of_the_month_come_under_its_agency(people):
    from decimal import Decimal

    from kehoach.apps.figures import services as figures
    from kehoach.apps.indicators.models import Indicator
    from kehoach.apps.organisations.models import Agency

    agency = Agency.objects.get(name=AGENCY)
    indicator = Indicator.objects.filter(monitoring_agencies=agency).order_by("pk").first()
    recorded = figures.record_figure(indicator, "2025-07", "Thành phố", low=Decimal("1"), text="1",
                                     reporting_agency=agency, entered_by=people["officer_a"],
                                     cause="Thị trường xuất khẩu suy giảm", proposals="Đẩy mạnh xúc tiến thương mại")
    figures.submit(recorded.figure, people["officer_a"])
    figures.approve(recorded.figure, people["finance"])
    text = paragraphs(build_report(AS_OF, "month"))
    causes, proposals = text.index("3. Nguyên nhân"), text.index("3. Đề xuất của các cơ quan")
    line = f"- {AGENCY}, chỉ tiêu {indicator.name} (Tháng 7/2025): Nguyên nhân: Thị trường xuất khẩu suy giảm."
    assert line in text[causes:proposals]
    assert f"- {AGENCY}, chỉ tiêu {indicator.name} (Tháng 7/2025): Đẩy mạnh xúc tiến thương mại." in text[proposals:]
