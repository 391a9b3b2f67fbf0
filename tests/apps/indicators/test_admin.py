import pytest

from kehoach.apps.indicators.models import Indicator, ReportedFigure, ScenarioValue, Target
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters

MODELS = [Indicator, Target, ScenarioValue, ReportedFigure]


@pytest.mark.parametrize("model", MODELS)
def test_changelist_loads_in_vietnamese(admin_client, stored_plan, model):
    check_changelist(admin_client, model)
    check_search_and_filters(admin_client, model, "GRDP")


@pytest.mark.parametrize("model", MODELS)
def test_change_and_history_pages_load(admin_client, stored_plan, model):
    check_object_pages(admin_client, model)


def test_targets_filter_by_whether_they_are_superseded(admin_client, stored_plan):
    response = admin_client.get(admin_url(Target, "changelist"), {"superseded_by__isempty": "1"})
    assert response.status_code == 200
    assert "Phấn đấu" in response.content.decode()  # the basis, in Vietnamese
