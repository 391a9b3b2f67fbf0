"""Who works for which agency (how reminders find people), and the agencies' and leaders' e-mail."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from kehoach.apps.organisations.models import Agency, Leader, Membership
from kehoach.apps.plan_import.importing import store
from tests.apps.admin_pages import check_changelist, check_object_pages, check_search_and_filters
from tests.apps.factories import files_for, plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(db):
    return get_user_model().objects.create_user("can-bo", email="canbo@example.vn")


def test_a_user_belongs_to_an_agency_once(stored_plan, user):
    finance = Agency.objects.get(name="Sở Tài chính")
    membership = Membership.objects.create(user=user, agency=finance, role=Membership.HEAD)

    assert list(finance.memberships.all()) == [membership] and list(user.memberships.all()) == [membership]
    assert str(membership) == "can-bo – Sở Tài chính (Lãnh đạo đơn vị)"
    assert membership.history.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, agency=finance, role=Membership.OFFICER)
    Membership.objects.create(user=user, agency=Agency.objects.get(name="Sở Xây dựng"))  # another agency: fine


def test_an_import_keeps_the_e_mail_addresses(stored_plan):
    Agency.objects.filter(name="Sở Tài chính").update(email="stc@haiphong.gov.vn")
    Leader.objects.update(email="chutich@haiphong.gov.vn")

    again = plan()
    store(again, files_for(again, b"version 2"))

    assert Agency.objects.get(name="Sở Tài chính").email == "stc@haiphong.gov.vn"
    assert Leader.objects.get().email == "chutich@haiphong.gov.vn"


def test_membership_admin_pages(admin_client, stored_plan, user):
    Membership.objects.create(user=user, agency=Agency.objects.get(name="Sở Tài chính"))
    check_changelist(admin_client, Membership)
    check_search_and_filters(admin_client, Membership, "Sở")
    check_object_pages(admin_client, Membership)
    page = admin_client.get(f"/admin/organisations/agency/{Agency.objects.get(name='Sở Tài chính').pk}/change/")
    assert "Thành viên đơn vị" in page.content.decode()  # the members inline
