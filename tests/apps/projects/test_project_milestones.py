"""A key project's milestones: khởi công, khánh thành and its own, planned against actual."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kehoach.apps.projects.models import ProjectMilestone
from kehoach.apps.projects.services import assess, milestone_to_domain, projects_behind
from kehoach.domain.assessment.model import ProjectMilestone as DomainMilestone

pytestmark = pytest.mark.django_db


def test_a_milestone_past_its_planned_date_puts_the_project_behind(project):
    start = ProjectMilestone.objects.create(project=project, kind="khoi_cong", planned=date(2025, 3, 1))
    ProjectMilestone.objects.create(project=project, kind="khanh_thanh", planned=date(2025, 12, 31))

    assessment = assess(project, date(2025, 4, 1))
    assert assessment.behind
    assert [m.kind for m in assessment.late_milestones] == ["khoi_cong"]
    assert "chưa khởi công (kế hoạch 01/03/2025)" in assessment.reason
    assert projects_behind(date(2025, 4, 1)) == [project]

    start.actual = date(2025, 3, 20)
    start.save()
    assert not assess(project, date(2025, 4, 1)).behind
    assert assess(project, date(2025, 3, 15)).behind  # as of before it happened, it was still late
    assert start.history.count() == 2


def test_a_project_adds_its_own_milestones(project):
    bridge = ProjectMilestone(project=project, kind="other", name="Hợp long cầu chính", planned=date(2025, 9, 2))
    bridge.full_clean()
    bridge.save()

    assert milestone_to_domain(bridge) == DomainMilestone(project=project.pk, kind="other",
                                                          planned=date(2025, 9, 2), label="Hợp long cầu chính")
    assert milestone_to_domain(bridge).label_vi == "Hợp long cầu chính"
    assert "chưa hợp long cầu chính" in assess(project, date(2025, 10, 1)).reason

    with pytest.raises(ValidationError) as exc:
        ProjectMilestone(project=project, kind="other", planned=date(2025, 9, 2)).full_clean()
    assert "name" in exc.value.message_dict


def test_the_standard_milestones_are_labelled_in_vietnamese(project):
    milestone = ProjectMilestone.objects.create(project=project, kind="khanh_thanh", planned=date(2025, 9, 2))
    assert milestone_to_domain(milestone).label_vi == "Khánh thành"
    assert str(milestone) == "Khánh thành"
