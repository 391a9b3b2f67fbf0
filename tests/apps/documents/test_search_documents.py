"""Sở Tài chính searches the documents list: by kind, number, issuer, title or file name, with or
without diacritics and in any case, as every list searches (``web.search.FoldedSearchFilter``)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from kehoach.apps.documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(demo_plan):
    return Document.objects.create(
        kind="Quyết định", number="123/QĐ-UBND", issuer="Ủy ban nhân dân huyện Thủy Nguyên",
        title="Về việc giao chỉ tiêu phát triển kinh tế - xã hội", file_name="qd-123.docx",
        imported_at=timezone.now(),
    )


def listing(client, q: str) -> str:
    return client.get("/documents/", {"q": q}).content.decode()


@pytest.mark.parametrize("q", ["Thủy Nguyên", "thuy nguyen", "THỦY NGUYÊN", "quyet dinh 123", "giao chi tieu",
                               "qd-123.docx"])
def test_a_document_is_found_by_its_words_with_or_without_diacritics(people, login, decision, q):
    page = listing(login(people["finance"]), q)

    assert "123/QĐ-UBND" in page
    assert "86/KH-UBND" not in page and "619-BC/TU" not in page


def test_a_number_finds_only_its_document(people, login, decision):
    page = listing(login(people["finance"]), "86/kh-ubnd")

    assert "86/KH-UBND" in page
    assert "123/QĐ-UBND" not in page and "619-BC/TU" not in page


def test_nothing_is_listed_for_words_no_document_has(people, login, decision):
    page = listing(login(people["finance"]), "không có văn bản này")

    assert "123/QĐ-UBND" not in page and "86/KH-UBND" not in page and "619-BC/TU" not in page


def test_an_empty_search_lists_every_document(people, login, decision):
    page = listing(login(people["finance"]), "")

    assert "123/QĐ-UBND" in page and "86/KH-UBND" in page and "619-BC/TU" in page


def test_a_changed_document_is_found_by_its_new_words(people, login, decision):
    decision.issuer = "Ủy ban nhân dân thành phố Hải Phòng"
    decision.save(update_fields=["issuer"])

    client = login(people["finance"])
    assert "123/QĐ-UBND" not in listing(client, "thuy nguyen")
    assert "123/QĐ-UBND" in listing(client, "uy ban nhan dan thanh pho hai phong")
