"""After an action in the workspace the page comes back at the section of the action, and its
message is said there (not at the top of a long page, off screen), once."""

from __future__ import annotations

import pytest

from tests.apps.workspace.workspace_support import EXPLANATION, act, agency, figure_post, progress_post, task_of

pytestmark = pytest.mark.django_db


def test_a_saved_figure_is_said_in_the_figures_section(people, login):
    response = login(people["officer_a"]).post(*act(agency(), figure_post(**EXPLANATION)), follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("#figures")
    section = html[html.index('<h2 id="figures">'):html.index('<h2 id="tasks">')]
    assert 'data-place="place-figures"' in section and "Đã lưu nháp" in section
    assert html.count("Đã lưu nháp") == 1  # not repeated at the top


def test_a_submitted_update_is_said_in_the_tasks_section(people, login):
    task = task_of(number=16)
    response = login(people["officer_a"]).post(*act(agency(), progress_post(task, action="progress-submit",
                                                                           **EXPLANATION)), follow=True)

    html = response.content.decode()
    section = html[html.index('<h2 id="tasks">'):html.index('<h2 id="projects">')]
    assert 'data-place="place-tasks">Đã gửi duyệt' in section and html.count('role="status"') == 1


def test_messages_of_other_pages_stay_at_the_top(people, login):
    figure_page = login(people["finance"])
    done = figure_page.post("/agencies/approvals/figures/approve/", {}, follow=True).content.decode()
    assert '<ul class="messages"><li class="error"' in done
