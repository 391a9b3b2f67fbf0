"""An appendix whose "Kèm theo" line could name several stored documents (two Government resolutions of
November 2025, the number left blank) is linked to none: the text is kept, and a warning in Vietnamese
names the candidates, on the appendix, or on the arriving document when the appendix came first."""

from __future__ import annotations

import pytest

from kehoach.apps.documents.models import Document
from tests.apps.documents.appendices import PARENT_AS_WRITTEN, appendix, page, resolution, run_import, section

pytestmark = pytest.mark.django_db


def test_two_candidates_link_none_and_warn(tmp_path, people, login):
    run_import(resolution(tmp_path, "125/NQ-CP", 20), resolution(tmp_path, "131/NQ-CP", 27))

    run_import(appendix(tmp_path))

    stored = Document.objects.get(file_name="phu-luc.txt")
    assert stored.parent is None and stored.parent_text == PARENT_AS_WRITTEN
    (warning,) = stored.import_warnings.filter(code="parent-ambiguous")
    assert "Nghị quyết 125/NQ-CP" in warning.message and "Nghị quyết 131/NQ-CP" in warning.message
    warnings = section(page(login(people["finance"]), stored), "document-warnings")
    assert "có thể là một trong 2 văn bản đã lưu (Nghị quyết 125/NQ-CP, Nghị quyết 131/NQ-CP)" in warnings
    assert "chưa liên kết" in warnings and "attached" not in warnings


def test_a_second_candidate_arriving_after_the_appendix_warns_on_it(tmp_path):
    run_import(appendix(tmp_path))
    run_import(resolution(tmp_path, "125/NQ-CP", 20))
    assert Document.objects.get(file_name="phu-luc.txt").parent.number == "125/NQ-CP"

    run_import(resolution(tmp_path, "131/NQ-CP", 27))

    # the link made when it was the only candidate stays; nothing is silently relinked
    assert Document.objects.get(file_name="phu-luc.txt").parent.number == "125/NQ-CP"


def test_two_candidates_arriving_together_after_the_appendix_warn_on_both(tmp_path):
    run_import(appendix(tmp_path))

    run_import(resolution(tmp_path, "125/NQ-CP", 20), resolution(tmp_path, "131/NQ-CP", 27))

    assert Document.objects.get(file_name="phu-luc.txt").parent is None
    for number in ("125/NQ-CP", "131/NQ-CP"):
        warning = Document.objects.get(number=number).import_warnings.get(code="parent-ambiguous")
        assert "phu-luc.txt" in warning.message
