""""Nhập" on a row of what the agency owes opens the entry form pre-filled: for a figure, the
indicator, the period in words and, from the figure of the period before, its value, unit, scope and
source (or the agency's draft or returned figure of that period itself); for a task, the task with
its latest update's status, or its draft or returned update. Only the agency's own rows."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.workspace.workspace_support import (
    EXPLANATION,
    VAN_HOA,
    act,
    agency,
    figure_post,
    progress_post,
    task_of,
    url,
)

pytestmark = pytest.mark.django_db


def form_of(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start:html.index("</form>", start)]


def selected(form: str, name: str) -> str:
    select = form[form.index(f'name="{name}"'):]
    select = select[:select.index("</select>")]
    return re.search(r'<option value="([^"]*)"[^>]*selected', select).group(1)


def value_of(form: str, name: str) -> str:
    """The value of the input ``name`` ("" when it has none)."""
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', form).group(0)
    value = re.search(r'value="([^"]*)"', tag)
    return value.group(1) if value else ""


def test_every_owed_figure_has_its_enter_link(people, login):
    html = login(people["officer_a"]).get(url("workspace:agency", agency())).content.decode()

    owed = html[html.index('id="owed-figures"'):]
    owed = owed[:owed.index("</table>")]
    assert owed.count("<tr data-indicator=") == owed.count(">Nhập</a>") > 0
    assert "enter=iip&amp;period=2025-07#enter-figure" in owed


def test_enter_opens_the_form_with_the_indicator_the_period_in_words_and_the_month_before(people, login):
    officer = login(people["officer_a"])
    officer.post(*act(agency(), figure_post(period="2025-06", value="108,5", source="Cục Thống kê, báo cáo tháng 6")))

    html = officer.get(url("workspace:agency", agency()) + "&enter=iip&period=2025-07").content.decode()

    form = form_of(html, "enter-figure")
    assert selected(form, "fig-indicator") == "iip"
    assert value_of(form, "fig-period") == "Tháng 7/2025"
    assert value_of(form, "fig-value") == "108,5" and value_of(form, "fig-scope") == "Hải Phòng (trước 01/07/2025)"
    assert "Cục Thống kê, báo cáo tháng 6" in form
    assert 'name="fig-draft"' in form and value_of(form, "fig-draft") == ""  # a new figure, not the June one


def test_enter_opens_the_agency_s_draft_of_that_period(people, login):
    officer = login(people["officer_a"])
    officer.post(*act(agency(), figure_post(value="111,2", **EXPLANATION)))
    draft = ActualFigure.objects.get(indicator__key="iip", period="2025-07", is_current=True)

    html = officer.get(url("workspace:agency", agency()) + "&enter=iip&period=2025-07").content.decode()

    form = form_of(html, "enter-figure")
    assert value_of(form, "fig-draft") == str(draft.pk) and value_of(form, "fig-value") == "111,2"
    assert EXPLANATION["cause"] in form


def test_a_task_s_enter_opens_its_progress_form_from_the_latest_update(people, login):
    officer = login(people["officer_a"])
    task = task_of(number=16)
    officer.post(*act(agency(), progress_post(task, action="progress-submit", percent="40", **EXPLANATION)))

    html = officer.get(url("workspace:agency", agency()) + f"&enter_task={task.pk}").content.decode()

    assert f"enter_task={task.pk}#enter-progress" in html
    form = form_of(html, "enter-progress")
    assert selected(form, "prog-task") == str(task.pk) and value_of(form, "prog-percent") == "40"
    assert value_of(form, "prog-draft") == ""  # the submitted update stays as it is: this is a new one


def test_a_returned_update_is_what_enter_opens(people, login):
    officer = login(people["officer_a"])
    task = task_of(number=16)
    officer.post(*act(agency(), progress_post(task, action="progress-submit", percent="40", **EXPLANATION)))
    update = TaskProgress.objects.get(task=task)
    login(people["finance"]).post(reverse("approvals:return-progress", args=[update.pk]),
                                  {"return_reason": "Thiếu minh chứng"})

    html = login(people["officer_a"]).get(url("workspace:agency", agency()) + f"&enter_task={task.pk}").content.decode()

    assert value_of(form_of(html, "enter-progress"), "prog-draft") == str(update.pk)


def test_another_agency_s_rows_are_not_opened(people, login):
    officer = login(people["officer_b"])
    other = task_of(number=16)

    html = officer.get(url("workspace:agency", agency(VAN_HOA)) + f"&enter=iip&period=2025-07&enter_task={other.pk}"
                       ).content.decode()

    assert value_of(form_of(html, "enter-figure"), "fig-period") == ""
    assert f'value="{other.pk}" selected' not in form_of(html, "enter-progress")
