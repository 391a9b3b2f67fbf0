"""Importing a stand-alone appendix before its parent: the "Kèm theo" line is kept as written and the
page says the parent is not stored yet; when the parent arrives (alone, or in the same import), the
appendix is linked to it."""

from __future__ import annotations

import pytest

from kehoach.apps.documents.models import Document
from tests.apps.documents.appendices import PARENT_AS_WRITTEN, appendix, page, resolution, run_import, section

pytestmark = pytest.mark.django_db


def test_an_appendix_without_its_parent_keeps_the_text_and_says_so(tmp_path, people, login):
    run_import(appendix(tmp_path))

    stored = Document.objects.get(file_name="phu-luc.txt")
    assert stored.parent is None and stored.parent_text == PARENT_AS_WRITTEN
    attached = section(page(login(people["finance"]), stored), "document-parent")
    assert PARENT_AS_WRITTEN in attached and "<a " not in attached
    assert "chưa có trong hệ thống" in attached


def test_the_parent_arriving_later_is_linked(tmp_path):
    run_import(appendix(tmp_path))

    output = run_import(resolution(tmp_path, "125/NQ-CP", 20))

    parent = Document.objects.get(number="125/NQ-CP")
    assert Document.objects.get(file_name="phu-luc.txt").parent == parent
    assert list(parent.appendices.all()) == list(Document.objects.filter(file_name="phu-luc.txt"))
    assert "Document" in output


def test_the_parent_in_the_same_import_is_linked(tmp_path):
    run_import(appendix(tmp_path), resolution(tmp_path, "125/NQ-CP", 20))

    assert Document.objects.get(file_name="phu-luc.txt").parent.number == "125/NQ-CP"
