"""The plan's reporting duty: every agency that leads a task, monitors an indicator or is
responsible for a key project reports monthly; a collective ("Các Sở, ngành...") owes nothing itself."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach.apps.obligations.models import ReportingObligation
from kehoach.apps.obligations.services import ensure_plan_obligations
from kehoach.apps.organisations.models import Agency

pytestmark = pytest.mark.django_db


def test_leads_and_monitors_owe_monthly_reports(sample_documents):
    added = ensure_plan_obligations(start=date(2025, 1, 1))

    owes = {(o.agency.name, o.kind) for o in ReportingObligation.objects.select_related("agency")}
    assert added == len(owes)
    assert ("Sở Công Thương", "tasks") in owes and ("Sở Công Thương", "figures") in owes
    assert ("Chi cục Thống kê", "figures") in owes and ("Chi cục Thống kê", "tasks") not in owes
    assert not any(name.startswith("Các ") for name, _kind in owes)
    assert {tuple(o.period_kinds) for o in ReportingObligation.objects.all()} == {("month",)}


def test_obligations_set_by_hand_are_kept_and_nothing_is_added_twice(sample_documents):
    agency = Agency.objects.get(name="Sở Công Thương")
    ReportingObligation.objects.create(agency=agency, kind="tasks", period_kinds=["quarter"], start=date(2025, 4, 1))
    first = ensure_plan_obligations(start=date(2025, 1, 1))

    assert ensure_plan_obligations(start=date(2025, 1, 1)) == 0
    assert ReportingObligation.objects.get(agency=agency, kind="tasks").period_kinds == ["quarter"]
    assert first == ReportingObligation.objects.count() - 1


def test_a_project_agency_owes_project_reports(sample_documents):
    from kehoach.apps.projects.models import Project

    project = Project.objects.first()
    project.agency = Agency.objects.get(name="Sở Xây dựng")
    project.save()

    ensure_plan_obligations(start=date(2025, 1, 1))

    assert ReportingObligation.objects.filter(agency__name="Sở Xây dựng", kind="projects").exists()
