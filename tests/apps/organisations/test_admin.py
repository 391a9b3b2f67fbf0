import pytest

from kehoach.apps.organisations.models import Agency, Leader
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters

MODELS = [Agency, Leader]


@pytest.mark.parametrize("model", MODELS)
def test_changelist_loads_in_vietnamese(admin_client, stored_plan, model):
    check_changelist(admin_client, model)
    check_search_and_filters(admin_client, model, "Sở")


@pytest.mark.parametrize("model", MODELS)
def test_change_and_history_pages_load(admin_client, stored_plan, model):
    check_object_pages(admin_client, model)


def test_agency_kind_filter_speaks_vietnamese(admin_client, stored_plan):
    page = admin_client.get(admin_url(Agency, "changelist"), {"kind": "so"}).content.decode()
    assert "Sở Tài chính" in page and "UBND các quận, huyện" not in page
    assert "Chính quyền địa phương" in page  # the "dia_phuong" choice, as a filter option


def test_the_admin_needs_a_login(client, db):
    response = client.get(admin_url(Agency, "changelist"))
    assert response.status_code == 302
