"""An agency that owes its monthly task updates from March 2025, with a member and a supervising leader."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from kehoach.apps.obligations.models import ReportingObligation
from kehoach.apps.organisations.models import Agency, Leader, Membership


@pytest.fixture
def finance(stored_plan) -> Agency:
    """Sở Tài chính: leads task 1, whose leader is the Chủ tịch UBND thành phố."""
    agency = Agency.objects.get(name="Sở Tài chính")
    agency.email = "stc@haiphong.gov.vn"
    agency.save()
    Leader.objects.filter(name="Chủ tịch UBND thành phố").update(email="chutich@haiphong.gov.vn")
    return agency


@pytest.fixture
def officer(finance):
    user = get_user_model().objects.create_user("can-bo-stc", email="canbo@stc.vn", password="x")
    Membership.objects.create(user=user, agency=finance, role=Membership.OFFICER)
    return user


@pytest.fixture
def monthly_tasks(finance) -> ReportingObligation:
    return ReportingObligation.objects.create(agency=finance, kind="tasks", period_kinds=["month"],
                                              start=date(2025, 3, 1))
