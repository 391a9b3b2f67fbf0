import pytest

from kehoach.apps.projects.models import Project


@pytest.fixture
def project(stored_plan) -> Project:
    """"Cầu Nguyễn Trãi", to be inaugurated, of the hand-built plan."""
    return Project.objects.get(number=1)
