"""Storing a parse result: create, leave alone, update, delete, roll back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from kehoach.apps.documents import upsert
from kehoach.apps.documents.models import Document, ImportWarning
from kehoach.apps.documents.upsert import to_decimal
from kehoach.apps.indicators.models import Indicator, ReportedFigure, ScenarioValue, Target
from kehoach.apps.organisations.models import Agency, Leader
from kehoach.apps.plan_import import importing
from kehoach.apps.plan_import.importing import StoreError, store
from kehoach.apps.projects.models import Project
from kehoach.apps.tasks.models import Task, TaskGroup, TaskMilestone
from kehoach.domain import entities as e
from kehoach.domain.entities import Finding, Location
from tests.apps.conftest import history_rows
from tests.apps.factories import PLAN_FILE, files_for, number, plan

pytestmark = pytest.mark.django_db


def test_first_store_creates_everything():
    result = plan()
    summary = store(result, files_for(result))

    assert summary.created["Document"] == 1
    assert summary.created["Agency"] == 3
    assert summary.created["Leader"] == 1
    assert summary.created["Indicator"] == 3
    assert summary.created["Target"] == 2
    assert summary.created["ScenarioValue"] == 2
    assert summary.created["ReportedFigure"] == 1
    assert summary.created["TaskGroup"] == 2
    assert summary.created["Task"] == 2
    assert summary.created["TaskMilestone"] == 2
    assert summary.created["Project"] == 1
    assert summary.created["ImportWarning"] == 2
    assert not +summary.updated and not +summary.deleted

    doc = Document.objects.get(number="10/KH-UBND")
    assert doc.file_name == PLAN_FILE
    assert doc.sha256 == upsert.sha256(b"version 1" + PLAN_FILE.encode())
    assert doc.date == date(2025, 3, 31)

    task = Task.objects.get(document=doc, number=1)
    assert task.group.code == "I"
    assert set(task.lead.values_list("name", flat=True)) == {"Sở Tài chính"}
    assert set(task.support.values_list("name", flat=True)) == {"Sở Xây dựng", "UBND các quận, huyện"}
    assert task.leader.name == "Chủ tịch UBND thành phố"
    assert [m.text for m in task.milestones.all()] == ["Trình HĐND", "Ban hành"]
    assert Task.objects.get(document=doc, number=2).recurrence == {"every": ["quarter"], "until": None}

    revenue = Target.objects.get(indicator__key="budget_revenue")
    assert (revenue.comparator, revenue.low, revenue.high) == ("range", Decimal("100000"), Decimal("105000"))
    assert Indicator.objects.get(key="budget_revenue_domestic").parent.key == "budget_revenue"
    assert set(Indicator.objects.get(key="grdp_growth").monitoring_agencies.values_list("name", flat=True)) == {
        "Sở Tài chính"
    }
    assert Agency.objects.get(name="Sở Tài chính").aliases == ["Sở TC"]

    project = Project.objects.get(document=doc)
    assert project.value_million_vnd == Decimal("2051.3")
    assert project.components == [{"name": "Cầu chính", "value_million_vnd": "1500.100000"}]
    assert [(w.line, w.column, w.code) for w in doc.import_warnings.order_by("line")] == [
        (40, 5, "deadline-unknown"),
        (61, None, "sum-mismatch"),
    ]


def test_storing_the_same_result_twice_changes_nothing():
    store(plan(), files_for(plan()))
    before = history_rows()
    imported_at = Document.objects.get().imported_at

    summary = store(plan(), files_for(plan()))

    assert not summary.changed
    assert sum(summary.created.values()) == 0
    assert sum(summary.updated.values()) == 0
    assert sum(summary.deleted.values()) == 0
    assert summary.unchanged["Target"] == 2 and summary.unchanged["Task"] == 2
    assert summary.unchanged["ImportWarning"] == 2
    assert history_rows() == before
    assert Document.objects.get().imported_at == imported_at


def test_a_changed_version_updates_what_changed_and_history_keeps_the_old_values():
    store(plan(), files_for(plan()))
    target = Target.objects.get(indicator__key="grdp_growth")

    changed = plan(grdp_target="13", first_deadline="Tháng 9/2025", with_second_task=False)
    summary = store(changed, files_for(changed, b"version 2"))

    assert summary.updated["Document"] == 1  # a new file: new sha256 and import time
    assert summary.updated["Target"] == 1 and summary.unchanged["Target"] == 1
    assert summary.updated["Task"] == 1
    assert summary.deleted["Task"] == 1 and summary.deleted["TaskGroup"] == 1
    assert summary.created["Target"] == 0

    target.refresh_from_db()
    assert target.low == Decimal("13") and target.text == "13"
    earlier = target.history.order_by("history_date", "history_id").first()
    assert earlier.low == Decimal("12.5") and earlier.text == "12,5"
    assert target.history.count() == 2

    task = Task.objects.get(number=1)
    assert task.deadline_text == "Tháng 9/2025"
    assert [h.deadline_text for h in task.history.order_by("history_id")][0] == "Tháng 6/2025"
    assert not Task.objects.filter(number=2).exists()
    assert Task.history.filter(number=2, history_type="-").exists()
    assert list(TaskGroup.objects.values_list("code", flat=True)) == ["I"]


def test_unnumbered_groups_sharing_the_empty_code_are_stored_apart():
    result = plan()
    first, second = result.tasks[0], result.tasks[1]
    first.group = e.TaskGroup(code="", title="Nhiệm vụ giao Bộ trưởng Bộ Công an chỉ đạo")
    second.group = e.TaskGroup(code="", title="Nhiệm vụ giao Bộ trưởng Bộ Tư pháp chỉ đạo")
    summary = store(result, files_for(result))

    assert summary.created["TaskGroup"] == 2
    assert [(t.group.code, t.group.title) for t in Task.objects.order_by("number")] == [
        ("", "Nhiệm vụ giao Bộ trưởng Bộ Công an chỉ đạo"), ("", "Nhiệm vụ giao Bộ trưởng Bộ Tư pháp chỉ đạo")]
    again = store(result, files_for(result, b"version 2"))
    assert again.created["TaskGroup"] == 0 and again.deleted["TaskGroup"] == 0


def test_rows_no_longer_in_the_document_are_deleted_only_for_that_document():
    other = plan(number_="11/KH-UBND", file="ke-hoach-11.txt")
    store(other, files_for(other))
    store(plan(), files_for(plan()))

    smaller = plan()
    smaller.scenarios = smaller.scenarios[:1]
    smaller.projects = []
    smaller.figures = []
    summary = store(smaller, files_for(smaller))

    assert summary.deleted["ScenarioValue"] == 1
    assert summary.deleted["Project"] == 1
    assert summary.deleted["ReportedFigure"] == 1
    assert ScenarioValue.objects.filter(document__number="11/KH-UBND").count() == 2
    assert Project.objects.filter(document__number="11/KH-UBND").count() == 1
    assert ReportedFigure.objects.count() == 1
    assert Agency.objects.count() == 3  # shared entities are never deleted


def test_warnings_are_replaced_on_reimport():
    store(plan(), files_for(plan()))
    again = plan()
    again.warnings = [again.warnings[0], Finding("new-warning", "something else", Location(PLAN_FILE, 70))]

    summary = store(again, files_for(again))

    assert (summary.unchanged["ImportWarning"], summary.created["ImportWarning"]) == (1, 1)
    assert summary.deleted["ImportWarning"] == 1
    assert sorted(ImportWarning.objects.values_list("code", flat=True)) == ["deadline-unknown", "new-warning"]


def test_a_document_without_number_is_keyed_by_its_file_name():
    first = plan(number_="", file="unnumbered.txt")
    store(first, files_for(first))
    summary = store(first, files_for(first))

    assert not summary.changed
    doc = Document.objects.get()
    assert (doc.number, doc.file_name, doc.key) == ("", "unnumbered.txt", "unnumbered.txt")
    assert Target.objects.filter(document=doc).count() == 2


def test_shared_entities_keep_what_an_earlier_import_knew():
    store(plan(), files_for(plan()))
    later = plan(number_="11/KH-UBND", file="ke-hoach-11.txt")
    sparse = replace(later.agencies[0], short_name="", aliases={"STC TP"})
    later.agencies[0] = sparse

    store(later, files_for(later))

    agency = Agency.objects.get(name="Sở Tài chính")
    assert agency.short_name == "STC"
    assert agency.aliases == ["STC TP", "Sở TC"]
    assert Leader.objects.count() == 1


def test_a_duplicate_natural_key_keeps_the_later_value_and_warns():
    result = plan()
    result.targets.append(replace(result.targets[0], value=number("12,6"), location=Location(PLAN_FILE, 99)))

    summary = store(result, files_for(result))

    assert Target.objects.get(indicator__key="grdp_growth").text == "12,6"
    assert [f.code for f in summary.findings] == ["duplicate-target"]
    assert ImportWarning.objects.filter(code="duplicate-target", line=99).exists()
    assert not store(result, files_for(result)).changed


def test_an_exception_mid_store_leaves_the_database_unchanged(monkeypatch):
    store(plan(), files_for(plan()))
    rows_before = {m.__name__: m.objects.count() for m in importing.MODELS}
    history_before = history_rows()
    changed = plan(grdp_target="14", with_second_task=False)

    def explode(self, key, document):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing._Store, "store_projects", explode)
    with pytest.raises(RuntimeError, match="disk full"):
        store(changed, files_for(changed, b"version 2"))

    assert {m.__name__: m.objects.count() for m in importing.MODELS} == rows_before
    assert history_rows() == history_before
    assert Target.objects.get(indicator__key="grdp_growth").text == "12,5"
    assert Task.objects.filter(number=2).exists()


def test_an_exception_mid_first_store_leaves_the_database_empty(monkeypatch):
    monkeypatch.setattr(importing._Store, "store_warnings", lambda self, key, document: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        store(plan(), files_for(plan()))

    assert all(m.objects.count() == 0 for m in importing.MODELS)
    assert history_rows() == 0


def test_an_inconsistent_result_is_refused_whole():
    result = plan()
    result.targets[0] = replace(result.targets[0], indicator="no_such_indicator")

    with pytest.raises(StoreError, match="no_such_indicator"):
        store(result, files_for(result))

    assert Document.objects.count() == 0 and Agency.objects.count() == 0


def test_values_of_another_document_are_refused():
    result = plan()
    result.projects[0] = replace(result.projects[0], document="99/KH-UBND")

    with pytest.raises(StoreError, match="99/KH-UBND"):
        store(result, files_for(result))
    assert Document.objects.count() == 0


def test_task_milestones_follow_the_deadline():
    store(plan(), files_for(plan()))
    fewer = plan()
    fewer.tasks[0].deadline.milestones = fewer.tasks[0].deadline.milestones[:1]

    summary = store(fewer, files_for(fewer))

    assert summary.deleted["TaskMilestone"] == 1
    assert list(TaskMilestone.objects.values_list("text", flat=True)) == ["Trình HĐND"]


def test_changed_lead_agencies_are_an_update_with_history():
    store(plan(), files_for(plan()))
    moved = plan()
    moved.tasks[0].lead = ["Sở Xây dựng"]

    summary = store(moved, files_for(moved))

    assert summary.updated["Task"] == 1
    task = Task.objects.get(number=1)
    assert list(task.lead.values_list("name", flat=True)) == ["Sở Xây dựng"]
    assert task.history.filter(history_type="~").exists()


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (0.1 + 0.2, Decimal("0.300000")),
        (Decimal("12.5"), Decimal("12.500000")),
        ("7,5".replace(",", "."), Decimal("7.5")),
    ],
)
def test_decimals_go_through_str(given, stored):
    assert to_decimal(given) == stored
    assert to_decimal(None) is None
