import pytest

from kehoach.apps.documents.models import Document, ImportWarning
from tests.apps.admin_pages import admin_url, check_changelist, check_object_pages, check_search_and_filters

MODELS = [Document, ImportWarning]


@pytest.mark.parametrize("model", MODELS)
def test_changelist_loads_in_vietnamese(admin_client, stored_plan, model):
    check_changelist(admin_client, model)
    check_search_and_filters(admin_client, model, "10/KH")


@pytest.mark.parametrize("model", MODELS)
def test_change_and_history_pages_load(admin_client, stored_plan, model):
    check_object_pages(admin_client, model)


def test_document_page_lists_its_import_warnings(admin_client, stored_plan):
    document = Document.objects.get()
    page = admin_client.get(admin_url(Document, "change", document.pk)).content.decode()
    assert "Cảnh báo khi nhập" in page
    assert "the deadline &#x27;sớm&#x27; is not understood" in page
    assert "Chưa hiểu được thời hạn" in page  # said in Vietnamese beside it

