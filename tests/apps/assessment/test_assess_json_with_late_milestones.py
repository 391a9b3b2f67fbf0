"""``kehoach assess --json`` when a key project has a late milestone (issue 12: it ended in an AttributeError)."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.projects.models import Project, ProjectMilestone

pytestmark = pytest.mark.django_db


def assess_json(as_of: str) -> dict:
    out = StringIO()
    call_command("assess", "--as-of", as_of, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_late_milestones_are_named_in_vietnamese(sample_documents):
    first, second = Project.objects.order_by("document", "number")[:2]
    ProjectMilestone.objects.create(project=first, kind="khanh_thanh", planned=date(2025, 6, 30))
    ProjectMilestone.objects.create(project=second, kind="other", name="Thông xe kỹ thuật", planned=date(2025, 5, 1))

    projects = {p["number"]: p for p in assess_json("2025-08-06")["projects"]}

    assert projects[first.number]["late_milestones"] == ["Khánh thành"]
    assert projects[second.number]["late_milestones"] == ["Thông xe kỹ thuật"]
