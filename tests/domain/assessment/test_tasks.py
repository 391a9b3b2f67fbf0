"""Task statuses as of a date, from the deadline as written and the progress reported."""

from datetime import date

import pytest

from kehoach.domain.assessment import ConditionEvent, ProgressStatus, ProgressUpdate, TaskStatus, occurrences
from kehoach.domain.assessment.rules import Thresholds
from kehoach.domain.assessment.tasks import assess_occurrences, assess_tasks, task_status
from kehoach.domain.deadlines import parse_deadline
from kehoach.domain.entities import Task, TaskGroup

JUNE = parse_deadline("Tháng 6/2025")  # due 30/06/2025
DONE, DOING, TODO = ProgressStatus.COMPLETED, ProgressStatus.IN_PROGRESS, ProgressStatus.NOT_STARTED


def update(on, status=DOING, percent=None, task=1, **kw):
    return ProgressUpdate(task=task, on=on, status=status, percent=percent, **kw)


def test_the_statuses_have_the_national_labels():
    assert [s.label for s in TaskStatus] == [
        "Hoàn thành đúng hạn",
        "Hoàn thành quá hạn",
        "Đang thực hiện trong hạn",
        "Sắp đến hạn",
        "Quá hạn chưa hoàn thành",
        "Chưa đến hạn",
        "Chờ điều kiện",
        "Quá hạn, chưa báo cáo",
        "Chưa báo cáo",
    ]


# One due date ------------------------------------------------------------------------------------


def test_hoan_thanh_dung_han_completed_on_or_before_the_due_date():
    a = task_status(JUNE, [update(date(2025, 6, 25), DONE, 100, evidence="Văn bản số 12")], date(2025, 7, 15))
    assert a.status == TaskStatus.HOAN_THANH_DUNG_HAN
    assert (a.due, a.completed_on, a.days_late) == (date(2025, 6, 30), date(2025, 6, 25), None)
    on_the_day = task_status(JUNE, [update(date(2025, 6, 30), DONE)], date(2025, 7, 1))
    assert on_the_day.status == TaskStatus.HOAN_THANH_DUNG_HAN


def test_hoan_thanh_qua_han_completed_after_the_due_date():
    a = task_status(JUNE, [update(date(2025, 7, 5), DONE, 100)], date(2025, 7, 15))
    assert a.status == TaskStatus.HOAN_THANH_QUA_HAN
    assert a.days_late == 5
    assert a.detail == "Hoàn thành ngày 05/07/2025, chậm 5 ngày so với hạn 30/06/2025."


def test_the_completion_date_reported_counts_not_the_reporting_date():
    a = task_status(JUNE, [update(date(2025, 7, 3), DONE, completed_on=date(2025, 6, 28))], date(2025, 7, 15))
    assert a.status == TaskStatus.HOAN_THANH_DUNG_HAN


def test_dang_thuc_hien_trong_han_started_and_more_than_three_days_before_the_due_date():
    a = task_status(JUNE, [update(date(2025, 6, 1), DOING, 40)], date(2025, 6, 10))
    assert a.status == TaskStatus.DANG_THUC_HIEN_TRONG_HAN
    assert a.percent == 40


NO_CALENDAR = Thresholds(report_day=0)  # only the soon_days window


@pytest.mark.parametrize(("as_of", "status"), [
    (date(2025, 6, 26), TaskStatus.CHUA_DEN_HAN),  # 4 days before, not started
    (date(2025, 6, 27), TaskStatus.SAP_DEN_HAN),  # 3 days before
    (date(2025, 6, 30), TaskStatus.SAP_DEN_HAN),  # the due day itself
    (date(2025, 7, 1), TaskStatus.QUA_HAN_CHUA_BAO_CAO),  # the day after, with no report
])
def test_without_a_report_calendar_sap_den_han_from_three_days_before_and_qua_han_the_day_after(as_of, status):
    assert task_status(JUNE, [], as_of, thresholds=NO_CALENDAR).status == status


def test_soon_days_is_configurable():
    assert task_status(JUNE, [], date(2025, 6, 25), thresholds=Thresholds(report_day=0, soon_days=5)).status \
        == TaskStatus.SAP_DEN_HAN
    assert task_status(JUNE, [], date(2025, 6, 25), thresholds=NO_CALENDAR).status == TaskStatus.CHUA_DEN_HAN


def test_qua_han_chua_hoan_thanh_counts_the_days_late():
    a = task_status(JUNE, [update(date(2025, 6, 20), DOING, 60)], date(2025, 7, 10))
    assert a.status == TaskStatus.QUA_HAN and a.label == "Quá hạn chưa hoàn thành"
    assert a.days_late == 10
    assert a.detail == "Quá hạn 10 ngày (hạn 30/06/2025) chưa hoàn thành, tiến độ 60%."


def test_chua_den_han_not_started_and_not_due():
    assert task_status(JUNE, [update(date(2025, 3, 1), TODO, 0)], date(2025, 3, 10)).status == TaskStatus.CHUA_DEN_HAN


def test_updates_after_the_as_of_date_and_of_other_tasks_do_not_count():
    updates = [update(date(2025, 6, 25), DONE), update(date(2025, 6, 1), DONE, task=2)]
    assert task_status(JUNE, updates, date(2025, 6, 10), task=1).status == TaskStatus.CHUA_DEN_HAN


def test_the_latest_update_says_where_the_task_stands():
    updates = [update(date(2025, 6, 1), DONE), update(date(2025, 6, 5), DOING, 80, note="Phải bổ sung hồ sơ")]
    assert task_status(JUNE, updates, date(2025, 6, 10)).status == TaskStatus.DANG_THUC_HIEN_TRONG_HAN


def test_continuous_work_has_no_due_date_and_is_never_late():
    ongoing = parse_deadline("Thường xuyên")
    assert task_status(ongoing, [], date(2025, 12, 31)).status == TaskStatus.CHUA_BAO_CAO
    a = task_status(ongoing, [update(date(2025, 3, 1), DOING)], date(2026, 6, 1))
    assert a.status == TaskStatus.DANG_THUC_HIEN_TRONG_HAN and a.due is None


# Conditions --------------------------------------------------------------------------------------

AFTER_APPROVAL = parse_deadline("Sau khi được phê duyệt")


def test_a_condition_without_its_event_has_no_due_date_cho_dieu_kien():
    a = task_status(AFTER_APPROVAL, [update(date(2025, 3, 1), DOING)], date(2025, 12, 31))
    assert a.status == TaskStatus.CHO_DIEU_KIEN and a.label == "Chờ điều kiện"
    assert a.due is None
    assert a.detail == "Chưa có hạn: chờ điều kiện “Sau khi được phê duyệt”."


def test_a_condition_with_its_event_gets_the_due_date_the_event_sets():
    event = ConditionEvent(task=1, on=date(2025, 8, 1), due=date(2025, 9, 30), note="QĐ phê duyệt 1234")
    assert task_status(AFTER_APPROVAL, [], date(2025, 7, 31), [event]).status == TaskStatus.CHO_DIEU_KIEN
    a = task_status(AFTER_APPROVAL, [], date(2025, 8, 15), [event])
    assert (a.status, a.due) == (TaskStatus.CHUA_DEN_HAN, date(2025, 9, 30))
    assert task_status(AFTER_APPROVAL, [], date(2025, 10, 1), [event]).status == TaskStatus.QUA_HAN_CHUA_BAO_CAO


def test_an_event_with_no_due_date_gives_condition_days_after_it():
    event = ConditionEvent(task=1, on=date(2025, 8, 1))
    assert task_status(AFTER_APPROVAL, [], date(2025, 8, 15), [event]).due == date(2025, 8, 31)  # + 30 days
    assert task_status(AFTER_APPROVAL, [], date(2025, 8, 15), [event],
                       thresholds=Thresholds(condition_days=10)).status == TaskStatus.QUA_HAN_CHUA_BAO_CAO


def test_the_event_of_another_task_does_not_count():
    event = ConditionEvent(task=2, on=date(2025, 8, 1), due=date(2025, 9, 30))
    assert task_status(AFTER_APPROVAL, [], date(2025, 8, 15), [event], task=1).status == TaskStatus.CHO_DIEU_KIEN


# Recurrence --------------------------------------------------------------------------------------

MONTHLY = parse_deadline("Hàng tháng", default_year=2025)


def test_a_monthly_deadline_falls_due_every_month_end_of_the_year():
    dues = [o.due for o in occurrences(MONTHLY, date(2025, 5, 10))]
    assert len(dues) == 12
    assert dues[:3] == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31)]
    assert dues[-1] == date(2025, 12, 31)
    assert [o.period for o in occurrences(MONTHLY, date(2025, 5, 10))][:2] == ["2025-01", "2025-02"]


def test_monthly_and_quarterly_in_2025_gives_both():
    both = occurrences(parse_deadline("Hàng tháng, quý trong năm 2025"), date(2025, 5, 10))
    assert len(both) == 16
    assert [o.period for o in both if o.due == date(2025, 3, 31)] == ["2025-03", "2025-Q1"]


def test_an_open_ended_yearly_deadline_runs_to_the_as_of_year():
    yearly = parse_deadline("Trong năm 2025 và các năm tiếp theo")
    assert [o.due for o in occurrences(yearly, date(2027, 3, 1))] == [
        date(2025, 12, 31), date(2026, 12, 31), date(2027, 12, 31),
    ]


def test_each_occurrence_of_a_monthly_report_has_its_own_status():
    updates = [
        update(date(2025, 1, 28), DONE),  # January, on time
        update(date(2025, 3, 3), DONE),  # February, 3 days late
        update(date(2025, 3, 20), DOING, 50),  # March, in progress
    ]
    items = assess_occurrences(MONTHLY, updates, date(2025, 4, 10))
    by_period = {a.occurrence: a for a in items}
    assert by_period["2025-01"].status == TaskStatus.HOAN_THANH_DUNG_HAN
    assert by_period["2025-02"].status == TaskStatus.HOAN_THANH_QUA_HAN and by_period["2025-02"].days_late == 3
    assert by_period["2025-03"].status == TaskStatus.QUA_HAN and by_period["2025-03"].days_late == 10
    # April has no report of its own: the task's latest one (March, in progress) carries on.
    assert by_period["2025-04"].status == TaskStatus.DANG_THUC_HIEN_TRONG_HAN
    summary = task_status(MONTHLY, updates, date(2025, 4, 10))  # about April, the current occurrence
    assert (summary.status, summary.occurrence, summary.missed) == (TaskStatus.DANG_THUC_HIEN_TRONG_HAN, "2025-04", ())


def test_an_update_may_name_its_occurrence():
    updates = [update(date(2025, 4, 5), DONE, occurrence="2025-04")]
    by_period = {a.occurrence: a for a in assess_occurrences(MONTHLY, updates, date(2025, 4, 10))}
    assert by_period["2025-04"].status == TaskStatus.HOAN_THANH_DUNG_HAN
    assert by_period["2025-03"].status == TaskStatus.QUA_HAN_CHUA_BAO_CAO


# Milestones --------------------------------------------------------------------------------------

TWO_STEPS = parse_deadline("- Khởi công: Quý II/2025\n- Hoàn thành: Quý IV/2025")


def test_each_milestone_is_tracked():
    updates = [update(date(2025, 6, 20), DONE, milestone=0), update(date(2025, 9, 1), DOING, 40, milestone=1)]
    first, second = assess_occurrences(TWO_STEPS, updates, date(2025, 9, 10))
    assert (first.milestone, first.status, first.due) == (0, TaskStatus.HOAN_THANH_DUNG_HAN, date(2025, 6, 30))
    assert (second.milestone, second.status, second.due) == (1, TaskStatus.DANG_THUC_HIEN_TRONG_HAN,
                                                             date(2025, 12, 31))
    assert task_status(TWO_STEPS, updates, date(2025, 9, 10)).status == TaskStatus.DANG_THUC_HIEN_TRONG_HAN
    assert task_status(TWO_STEPS, updates, date(2026, 1, 5)).status == TaskStatus.QUA_HAN


def test_a_missed_first_milestone_makes_the_task_overdue_while_the_second_is_not_due():
    a = task_status(TWO_STEPS, [], date(2025, 7, 10))
    assert (a.status, a.milestone) == (TaskStatus.QUA_HAN_CHUA_BAO_CAO, 0)


def test_a_task_completed_as_a_whole_completes_every_milestone():
    a = task_status(TWO_STEPS, [update(date(2025, 11, 1), DONE)], date(2025, 11, 10))
    assert a.status == TaskStatus.HOAN_THANH_QUA_HAN  # the first milestone was due 30/06/2025


def test_assess_tasks_gives_one_status_per_task():
    group = TaskGroup("I", "Nhiệm vụ chung")
    tasks = [
        Task(1, "1.", group, "Báo cáo", "", ["Sở Tài chính"], [], JUNE, "Chủ tịch", "86/KH-UBND"),
        Task(2, "2.", group, "Đề án", "", ["Sở Xây dựng"], [], AFTER_APPROVAL, None, "86/KH-UBND"),
    ]
    result = assess_tasks(tasks, [update(date(2025, 6, 20), DONE, task=1)], date(2025, 7, 1))
    assert [(a.task, a.status) for a in result] == [
        (1, TaskStatus.HOAN_THANH_DUNG_HAN), (2, TaskStatus.CHO_DIEU_KIEN),
    ]
