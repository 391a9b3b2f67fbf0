"""The next document of a layout Sở Tài chính corrected is read with the reading profile kept for it, and
the preview, ``kehoach import`` and ``kehoach inspect`` say so."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.documents.models import ReadingProfile
from tests.apps.documents.reading import QUANG_NINH, column_head, row_of, selected, table_key, upload

pytestmark = pytest.mark.django_db


def next_plan() -> bytes:
    """Quảng Ninh's next plan: the same table's layout, another number and date."""
    return QUANG_NINH.read_text(encoding="utf-8").replace("45/KH-UBND", "52/KH-UBND").replace(
        "ngày 10 tháng 02", "ngày 14 tháng 03").encode()


def confirmed_with_corrections(client) -> str:
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())
    client.post(preview, {"correct": "1", f"column-{key}-3": "ignored", f"row-{key}-18": "skip"})
    client.post(preview, {"confirm": "1"})
    return key


def test_the_next_document_of_the_layout_is_read_with_the_profile(people, login):
    client = login(people["finance"])
    key = confirmed_with_corrections(client)

    page = client.get(upload(client, "ke-hoach-52.txt", next_plan())).content.decode()

    assert "Đã áp dụng hồ sơ đọc:" in page and "người sửa: stc" in page
    assert selected(column_head(page, key, 3)) == "ignored"
    assert selected(row_of(page, 18)) == "skip"
    assert re.search(r'id="count-tasks">3<', page)


def test_a_document_of_another_issuer_is_not_read_with_it(people, login):
    client = login(people["finance"])
    key = confirmed_with_corrections(client)
    other = next_plan().decode().replace("QUẢNG NINH", "THÁI BÌNH").replace("Quảng Ninh", "Thái Bình").encode()

    page = client.get(upload(client, "ke-hoach-52.txt", other)).content.decode()

    assert "hồ sơ đọc" not in page.split('id="reading"')[1].split("</h3>")[1][:400]
    assert selected(column_head(page, key, 3)) == "support"


def test_kehoach_inspect_and_import_say_the_profile_they_applied(people, login, tmp_path):
    client = login(people["finance"])
    confirmed_with_corrections(client)
    path = tmp_path / "ke-hoach-52.txt"
    path.write_bytes(next_plan())

    inspected = StringIO()
    call_command("inspect", str(path), stdout=inspected)
    data = StringIO()
    call_command("inspect", str(path), "--json", stdout=data)
    imported = StringIO()
    call_command("import", str(path), stdout=imported)

    assert re.search(r"table at line 8: reading profile applied: .*tỉnh Quảng Ninh", inspected.getvalue())
    assert len(json.loads(data.getvalue())["tasks"]) == 3
    assert "reading profile applied" in imported.getvalue()
    assert ReadingProfile.objects.count() == 1
