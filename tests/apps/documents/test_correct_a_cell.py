"""Sở Tài chính corrects a cell of an uploaded document; the document is read again from the corrected cell."""

from __future__ import annotations

import pytest

from kehoach.apps.documents.models import StagedUpload
from tests.apps.documents.reading import row_of, table_key, upload

pytestmark = pytest.mark.django_db


def test_a_corrected_deadline_is_read_again(people, login):
    client = login(people["finance"])
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())

    page = client.post(preview, {"correct": "1", f"cell-{key}-13-4": "Quý IV/2025"}, follow=True).content.decode()

    tasks = page[page.index("<h2>Nhiệm vụ</h2>"):page.index('id="reading"')]
    assert "Quý IV/2025" in tasks and "31/12/2025" in tasks  # as written, and as understood
    assert 'class="corrected">Quý IV/2025</textarea>' in row_of(page, 13)
    assert "Đã ghi nhận 1 sửa đổi" in page
    assert StagedUpload.objects.get().corrections[key]["cells"] == {"13:4": "Quý IV/2025"}


def test_the_whole_form_sent_back_unchanged_changes_nothing(people, login):
    client = login(people["finance"])
    preview = upload(client)
    page = client.get(preview).content.decode()
    key = table_key(page)
    form = {"correct": "1", f"cell-{key}-13-1": "Rà soát văn bản", f"cell-{key}-13-4": "6/2025",
            f"column-{key}-2": "lead", f"row-{key}-13": ""}

    page = client.post(preview, form, follow=True).content.decode()

    assert "Không có gì thay đổi" in page
    assert StagedUpload.objects.get().corrections == {}


def test_a_field_naming_a_column_the_table_does_not_have_changes_nothing(people, login):
    client = login(people["finance"])
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())

    page = client.post(preview, {"correct": "1", f"cell-{key}-13-9": "x"}, follow=True).content.decode()

    assert "Không có gì thay đổi" in page  # a field naming no cell of the table is not a correction
