import pytest

from kehoach.apps.documents.models import Document, ImportCorrection, ImportWarning, ReadingProfile
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


@pytest.mark.parametrize("model", [ReadingProfile, ImportCorrection])
def test_the_reading_profiles_and_import_corrections_are_listed_in_vietnamese(admin_client, stored_plan, model):
    document = Document.objects.get()
    ReadingProfile.objects.create(issuer="uy ban nhan dan tinh quang ninh", issuer_name="Ủy ban nhân dân tỉnh Quảng Ninh",
                                  header_key="abc", header_text="TT | Nhiệm vụ", corrections={"columns": {"3": "ignored"}})
    ImportCorrection.objects.create(document=document, file_name="kh.txt", header_key="abc",
                                    corrections={"rows": {"18": "skip"}})

    check_changelist(admin_client, model)
    if model is ReadingProfile:  # its changes are kept (django-simple-history); a correction is kept as made
        check_object_pages(admin_client, model)
    else:
        assert admin_client.get(admin_url(model, "change", model.objects.get().pk)).status_code == 200
