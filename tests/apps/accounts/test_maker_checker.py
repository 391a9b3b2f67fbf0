"""Approve or publish an entry: never by the one who entered or submitted it (maker-checker, issue 14).

On by default; ``KEHOACH_ALLOW_SELF_APPROVAL`` relaxes it for a one-person office, and the history
of every entry approved that way says so. The demo's accounts hold one role each.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from kehoach.apps.accounts import roles
from kehoach.apps.figures import services as figure_services
from kehoach.apps.organisations.models import Membership
from kehoach.apps.tasks import services as task_services
from tests.apps.site.test_authorisation_matrix import figure_of
from tests.apps.workspace.workspace_support import EXPLANATION, agency, task_of

AS_OF = date(2025, 8, 6)


@pytest.fixture
def finance_officer(people):
    """A Sở Tài chính approver who is also an officer of Sở Công Thương (as the demo's stc once was)."""
    user = people["finance"]
    Membership.objects.create(user=user, agency=agency())
    return type(user).objects.get(pk=user.pk)


def test_the_approver_may_not_approve_a_figure_they_entered(finance_officer, client):
    figure = figure_services.submit(figure_of(agency(), finance_officer, "2025-07", "110"), finance_officer)
    client.force_login(finance_officer)

    response = client.post(reverse("approvals:approve-figure", args=[figure.pk]), follow=True)

    figure.refresh_from_db()
    assert figure.review_status == "submitted" and figure.approved_by is None
    assert "Bạn đã nhập hoặc gửi nội dung này: người khác phải duyệt." in response.content.decode()


def test_nor_one_someone_else_entered_but_they_submitted(finance_officer, people):
    figure = figure_of(agency(), people["officer_a"], "2025-07", "110")
    figure = figure_services.submit(figure, finance_officer)
    with pytest.raises(roles.SelfApprovalRefused):
        figure_services.approve(figure, finance_officer)


def test_the_maker_may_not_publish(finance_officer, people):
    figure = figure_services.submit(figure_of(agency(), finance_officer, "2025-07", "110"), finance_officer)
    figure = figure_services.approve(figure, people["admin"])
    with pytest.raises(roles.SelfApprovalRefused, match="người khác phải công bố"):
        figure_services.publish(figure, finance_officer)
    assert figure_services.publish(figure, people["admin"]).public


def test_the_approver_may_not_approve_their_own_progress(finance_officer, people):
    update = task_services.record_progress(task_of(), on=AS_OF, status="in_progress", percent=40, note="Đã trình",
                                           user=finance_officer, **EXPLANATION)
    update = task_services.submit_progress(update, finance_officer, as_of=AS_OF)
    with pytest.raises(roles.SelfApprovalRefused):
        task_services.approve_progress(update, finance_officer)
    assert task_services.approve_progress(update, people["admin"]).review_status == "approved"


def test_a_one_person_office_may_allow_it_and_the_history_says_so(finance_officer, settings):
    settings.KEHOACH_ALLOW_SELF_APPROVAL = True
    figure = figure_services.submit(figure_of(agency(), finance_officer, "2025-07", "110"), finance_officer)

    figure = figure_services.approve(figure, finance_officer)

    assert figure.review_status == "approved"
    last = figure.history.order_by("-history_id").first()
    assert last.history_change_reason == "Người nhập tự duyệt hoặc công bố (cấu hình cho phép)"


def test_the_demo_accounts_hold_one_role_each(people):
    for role in ("admin", "finance", "leader", "officer_a", "officer_b"):
        user = people[role]
        held = roles.roles_of(user)
        assert len(held) == 1, f"{user.username}: {held}"
    assert not Membership.objects.filter(user=people["finance"]).exists()
    assert people["finance"].groups.filter(name=roles.FINANCE_GROUP).exists()
    assert Group.objects.filter(name=roles.FINANCE_GROUP).exists()
