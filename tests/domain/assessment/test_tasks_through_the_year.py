"""Tasks as the year runs, on the seed plan (Kế hoạch 86/KH-UBND): recurring tasks are about this
month's occurrence, continuing tasks carry into the next year, "chưa báo cáo" is told apart from
"quá hạn chưa hoàn thành", and "sắp đến hạn" means due before the next periodic report."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kehoach.domain.assessment import ProgressStatus, ProgressUpdate, TaskStatus, occurrences
from kehoach.domain.assessment.calendar import next_report_date
from kehoach.domain.assessment.rules import Thresholds
from kehoach.domain.assessment.tasks import PRIORITY, assess_tasks, current_index, soon_before, task_status
from kehoach.domain.deadlines import parse_deadline
from kehoach.domain.periods import last_day

from .helpers import plan

DECEMBER_10, DECEMBER_20, JANUARY_15 = date(2025, 12, 10), date(2025, 12, 20), date(2026, 1, 15)
DOING, DONE = ProgressStatus.IN_PROGRESS, ProgressStatus.COMPLETED


def seed_task(number: int):
    return next(t for t in plan().tasks if t.number == number)


def seed_tasks_due(text: str):
    return [t for t in plan().tasks if t.deadline.text == text]


def report(task: int, on: date, status=DOING, percent=None, **kw) -> ProgressUpdate:
    return ProgressUpdate(task=task, on=on, status=status, percent=percent, **kw)


# Recurring: the current occurrence and the ones missed ------------------------------------------


def test_task_2_in_december_is_about_december_not_january():
    task = seed_task(2)
    assert task.deadline.text == "Hàng tháng, quý trong năm 2025"
    a = task_status(task.deadline, [], DECEMBER_10, task=2)
    assert (a.occurrence, a.due) == ("2025-12", date(2025, 12, 31))
    assert a.status == TaskStatus.CHUA_BAO_CAO
    assert "323 ngày" not in a.detail and "31/01/2025" not in a.detail
    # Eleven months and three quarters ended with no report.
    assert len(a.missed) == 14 and a.missed[0] == "2025-01" and a.missed[-1] == "2025-11"
    assert a.detail == ("Chưa báo cáo, hạn 31/12/2025 (Tháng 12/2025); "
                        "14 kỳ trước chưa báo cáo (gần nhất: Tháng 11/2025).")


def test_task_2_counts_only_the_occurrences_with_no_report_of_their_own():
    reports = [report(2, date(2025, m, 15), DONE, completed_on=date(2025, m, last_day(2025, m).day))
               for m in range(1, 10)]  # January to September reported (each month with its quarter)
    reports.append(report(2, date(2025, 11, 14), DOING, 60))  # November in progress, October never
    a = task_status(seed_task(2).deadline, reports, DECEMBER_10, task=2)
    assert a.missed == ("2025-10",)
    assert a.status == TaskStatus.DANG_THUC_HIEN_TRONG_HAN  # November's work goes on into December
    assert a.detail.endswith("; 1 kỳ trước chưa báo cáo (gần nhất: Tháng 10/2025).")


def test_task_2_unreported_after_its_last_occurrence_is_overdue_for_december_and_the_fourth_quarter_with_it():
    a = task_status(seed_task(2).deadline, [], JANUARY_15, task=2)
    assert (a.occurrence, a.status) == ("2025-12", TaskStatus.QUA_HAN_CHUA_BAO_CAO)
    assert len(a.missed) == 14 and "2025-Q4" not in a.missed  # due with December: the current one too


def test_task_2_after_its_last_occurrence_is_about_december():
    done = report(2, date(2026, 1, 5), DONE, completed_on=date(2025, 12, 31))  # December's and Q4's report
    a = task_status(seed_task(2).deadline, [done], JANUARY_15, task=2)
    assert (a.occurrence, a.status) == ("2025-12", TaskStatus.HOAN_THANH_DUNG_HAN)
    assert len(a.missed) == 14  # January to November and the first three quarters: a late report closes none


@given(st.dates(date(2025, 1, 1), date(2025, 12, 31)))
def test_a_monthly_task_without_reports_is_about_the_month_of_the_as_of_date(as_of):
    monthly = parse_deadline("Hàng tháng", default_year=2025)
    a = task_status(monthly, [], as_of)
    assert a.occurrence == f"2025-{as_of.month:02d}"
    assert not a.status.is_overdue
    assert len(a.missed) == as_of.month - 1  # every month ended before it, none reported


@given(st.dates(date(2025, 1, 1), date(2027, 12, 31)))
def test_the_current_occurrence_contains_the_as_of_date_while_the_recurrence_runs(as_of):
    items = occurrences(parse_deadline("Hàng tháng, quý trong năm 2025"), as_of)
    current = items[current_index(items, as_of)]
    if as_of.year == 2025:
        assert current.start <= as_of <= current.due
    else:
        assert current.due == date(2025, 12, 31)


# Continuing tasks carry into the next year ------------------------------------------------------


def test_the_eleven_tasks_and_the_following_years_are_not_overdue_on_15_01_2026():
    continuing = seed_tasks_due("Trong năm 2025 và các năm tiếp theo") + seed_tasks_due("Năm 2025 và các năm tiếp theo")
    assert len(continuing) == 11
    reports = [report(t.number, date(2025, 11, 14), DOING, 80) for t in continuing]
    for a in assess_tasks(continuing, reports, JANUARY_15):
        assert a.status == TaskStatus.DANG_THUC_HIEN_TRONG_HAN, a
        assert (a.occurrence, a.due) == ("2026", date(2026, 12, 31))
        assert a.detail == "Đang thực hiện trong hạn, hạn 31/12/2026 (Năm 2026)."


def test_a_continuing_task_never_reported_is_chua_bao_cao_for_the_new_year_not_overdue():
    task = seed_tasks_due("Trong năm 2025 và các năm tiếp theo")[0]
    a = task_status(task.deadline, [], JANUARY_15, task=task.number)
    assert (a.status, a.occurrence, a.missed) == (TaskStatus.CHUA_BAO_CAO, "2026", ("2025",))


def test_continuous_phrasings_are_never_late():
    for text in ("Thường xuyên", "Nhiệm vụ thường xuyên", "Hằng năm"):
        deadline = parse_deadline(text, default_year=2025)
        a = task_status(deadline, [report(1, date(2025, 6, 1))], JANUARY_15)
        assert a.status == TaskStatus.DANG_THUC_HIEN_TRONG_HAN, text


# Chưa báo cáo -----------------------------------------------------------------------------------


def test_an_overdue_task_with_no_report_names_both():
    june = parse_deadline("Tháng 6/2025")
    silent = task_status(june, [], DECEMBER_10)
    assert (silent.status, silent.label) == (TaskStatus.QUA_HAN_CHUA_BAO_CAO, "Quá hạn, chưa báo cáo")
    assert silent.detail == "Quá hạn 163 ngày (hạn 30/06/2025), chưa có báo cáo tiến độ."
    reported = task_status(june, [report(1, date(2025, 6, 20), DOING, 40)], DECEMBER_10)
    assert (reported.status, reported.label) == (TaskStatus.QUA_HAN, "Quá hạn chưa hoàn thành")
    assert silent.status.is_overdue and reported.status.is_overdue
    assert silent.status.is_unreported and not reported.status.is_unreported


def test_the_one_order_puts_the_unreported_overdue_first_and_chua_bao_cao_before_work_in_progress():
    assert PRIORITY[:5] == (TaskStatus.QUA_HAN_CHUA_BAO_CAO, TaskStatus.QUA_HAN, TaskStatus.SAP_DEN_HAN,
                            TaskStatus.CHUA_BAO_CAO, TaskStatus.DANG_THUC_HIEN_TRONG_HAN)
    assert set(PRIORITY) == set(TaskStatus)


# Sắp đến hạn: before the next report ------------------------------------------------------------


def test_the_report_of_20_12_lists_the_tasks_due_before_the_next_report():
    in_2025 = seed_tasks_due("Trong năm 2025")
    assert len(in_2025) == 54
    statuses = {a.status for a in assess_tasks(in_2025, [], DECEMBER_20)}
    assert statuses == {TaskStatus.SAP_DEN_HAN}  # all due 31/12/2025, before the report of 20/01/2026
    a = task_status(in_2025[0].deadline, [], DECEMBER_20)
    assert a.detail == "Sắp đến hạn: còn 11 ngày đến hạn (31/12/2025), chưa có báo cáo tiến độ."
    # A month earlier the next report (20/12) comes before the due date: not yet.
    assert task_status(in_2025[0].deadline, [], date(2025, 11, 20)).status == TaskStatus.CHUA_DEN_HAN


def test_the_report_day_is_a_setting():
    due_31_12 = parse_deadline("Trong năm 2025")
    assert task_status(due_31_12, [], DECEMBER_10, thresholds=Thresholds(report_day=5)).status \
        == TaskStatus.SAP_DEN_HAN  # the next report, 05/01/2026, comes after the due date
    assert task_status(due_31_12, [], DECEMBER_10, thresholds=Thresholds(report_day=25)).status \
        == TaskStatus.CHUA_DEN_HAN  # next report 25/12 comes before the due date
    assert task_status(due_31_12, [], date(2025, 12, 29), thresholds=Thresholds(report_day=0)).status \
        == TaskStatus.SAP_DEN_HAN  # no calendar: the three-day window


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.integers(1, 31))
def test_the_next_report_date_is_the_first_report_day_after_the_as_of_date(as_of, day):
    following = next_report_date(as_of, day)
    assert following > as_of
    assert following.day == min(day, last_day(following.year, following.month).day)
    between = (as_of + timedelta(days=n) for n in range(1, (following - as_of).days))
    assert not any(d.day == min(day, last_day(d.year, d.month).day) for d in between)


@given(st.dates(date(2025, 1, 1), date(2026, 12, 31)), st.integers(0, 31), st.integers(0, 10))
def test_sap_den_han_starts_no_later_than_soon_days_and_no_later_than_the_next_report(as_of, day, soon):
    limit = soon_before(as_of, Thresholds(report_day=day, soon_days=soon))
    assert limit > as_of + timedelta(days=soon)
    if day:
        assert limit >= next_report_date(as_of, day)
