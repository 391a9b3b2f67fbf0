"""Sở Tài chính chooses not to apply the reading profile kept for a layout: the document is read as the
importer reads it, and imported so; ``--no-profile`` does the same for the commands."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.tasks.models import Task
from tests.apps.documents.reading import column_head, selected
from tests.apps.documents.test_reading_profile_applied import confirmed_with_corrections, next_plan, upload

pytestmark = pytest.mark.django_db


def test_a_declined_profile_is_not_applied_and_is_said(people, login):
    client = login(people["finance"])
    key = confirmed_with_corrections(client)
    preview = upload(client, "ke-hoach-52.txt", next_plan())

    page = client.post(preview, {"profiles": "decline"}, follow=True).content.decode()

    assert "Có hồ sơ đọc cho mẫu bảng này nhưng không áp dụng:" in page
    assert selected(column_head(page, key, 3)) == "support"
    assert re.search(r'id="count-tasks">4<', page)


def test_a_declined_profile_can_be_applied_again(people, login):
    client = login(people["finance"])
    key = confirmed_with_corrections(client)
    preview = upload(client, "ke-hoach-52.txt", next_plan())
    client.post(preview, {"profiles": "decline"})

    page = client.post(preview, {"profiles": "use"}, follow=True).content.decode()

    assert "Đã áp dụng hồ sơ đọc:" in page
    assert selected(column_head(page, key, 3)) == "ignored"


def test_the_import_after_declining_reads_the_document_as_written(people, login):
    client = login(people["finance"])
    confirmed_with_corrections(client)
    preview = upload(client, "ke-hoach-52.txt", next_plan())
    client.post(preview, {"profiles": "decline"})

    client.post(preview, {"confirm": "1"})

    assert Task.objects.filter(document__number="52/KH-UBND").count() == 4


def test_import_with_no_profile_reads_as_the_importer_does(people, login, tmp_path):
    client = login(people["finance"])
    confirmed_with_corrections(client)
    path = tmp_path / "ke-hoach-52.txt"
    path.write_bytes(next_plan())

    out = StringIO()
    call_command("import", str(path), "--no-profile", stdout=out)

    assert "reading profile" not in out.getvalue()
    assert Task.objects.filter(document__number="52/KH-UBND").count() == 4
