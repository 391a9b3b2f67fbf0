import pytest

from kehoach.apps.projects.models import Project
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters


def test_changelist_loads_in_vietnamese(admin_client, stored_plan):
    check_changelist(admin_client, Project)
    check_search_and_filters(admin_client, Project, "Cầu")


def test_change_and_history_pages_load(admin_client, stored_plan):
    check_object_pages(admin_client, Project)


@pytest.mark.parametrize(("group", "label"), [("khanh_thanh", "Khánh thành"), ("khoi_cong", "Khởi công")])
def test_group_filter_speaks_vietnamese(admin_client, stored_plan, group, label):
    response = admin_client.get(admin_url(Project, "changelist"), {"group": group})
    assert response.status_code == 200
    assert label in response.content.decode()
