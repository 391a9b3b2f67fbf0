import pytest

from kehoach.apps.tasks.models import Task, TaskGroup, TaskMilestone
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters

MODELS = [TaskGroup, Task, TaskMilestone]


@pytest.mark.parametrize("model", MODELS)
def test_changelist_loads_in_vietnamese(admin_client, stored_plan, model):
    check_changelist(admin_client, model)
    check_search_and_filters(admin_client, model, "Đề án")


@pytest.mark.parametrize("model", MODELS)
def test_change_and_history_pages_load(admin_client, stored_plan, model):
    check_object_pages(admin_client, model)


def test_tasks_filter_by_lead_agency(admin_client, stored_plan):
    lead = Task.objects.get(number=1).lead.get()
    page = admin_client.get(admin_url(Task, "changelist"), {"lead__id__exact": lead.pk}).content.decode()
    assert "Hoàn thành Đề án Khu Thương mại tự do" in page
    assert "Báo cáo hằng quý" not in page
