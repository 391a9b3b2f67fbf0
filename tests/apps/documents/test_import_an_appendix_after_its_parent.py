"""Importing a stand-alone appendix whose parent document is already stored: the appendix keeps its
"Kèm theo" line as written and is linked to the parent (same kind, the symbol of the blank number, the
year written); the appendix's page says "Kèm theo" with a link, the parent's page lists its appendices."""

from __future__ import annotations

import pytest

from kehoach.apps.documents.models import Document
from tests.apps.conftest import history_rows
from tests.apps.documents.appendices import PARENT_AS_WRITTEN, appendix, page, resolution, run_import, section

pytestmark = pytest.mark.django_db


def test_the_appendix_is_linked_to_its_stored_parent(tmp_path):
    run_import(resolution(tmp_path, "125/NQ-CP", 20))

    run_import(appendix(tmp_path))

    stored = Document.objects.get(file_name="phu-luc.txt")
    assert stored.parent_text == PARENT_AS_WRITTEN
    assert stored.parent == Document.objects.get(number="125/NQ-CP")
    assert not stored.import_warnings.filter(code="parent-ambiguous").exists()


def test_a_resolution_of_another_year_or_symbol_is_not_its_parent(tmp_path):
    run_import(resolution(tmp_path, "7/NQ-CP", 20, year=2024), resolution(tmp_path, "125/NQ-HĐND", 20))

    run_import(appendix(tmp_path))

    stored = Document.objects.get(file_name="phu-luc.txt")
    assert stored.parent is None and stored.parent_text == PARENT_AS_WRITTEN


def test_importing_the_appendix_again_changes_nothing(tmp_path):
    run_import(resolution(tmp_path, "125/NQ-CP", 20), appendix(tmp_path))
    before = history_rows()

    output = run_import(appendix(tmp_path))

    assert "Nothing changed" in output and history_rows() == before


def test_the_pages_say_kem_theo_and_list_the_appendices(tmp_path, people, login):
    run_import(resolution(tmp_path, "125/NQ-CP", 20))
    run_import(appendix(tmp_path))
    parent = Document.objects.get(number="125/NQ-CP")
    child = Document.objects.get(file_name="phu-luc.txt")
    client = login(people["finance"])

    attached = section(page(client, child), "document-parent")
    assert f'<a href="{parent.get_absolute_url()}">{PARENT_AS_WRITTEN}</a>' in attached
    assert "Kèm theo" in page(client, child)
    listed = section(page(client, parent), "document-appendices")
    assert f'href="{child.get_absolute_url()}"' in listed and "DANH MỤC NHIỆM VỤ TRỌNG TÂM" in listed
