"""The upload preview shows each lead cell as the document writes it, and what it was read as."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

PLAN = Path(__file__).resolve().parents[2] / "domain" / "importer" / "fixtures" / "cells-as-written-plan.txt"


def test_the_preview_shows_the_lead_cell_as_written(people, login):
    client = login(people["finance"])
    response = client.post("/documents/upload/", {"file": SimpleUploadedFile("ke-hoach-12.txt", PLAN.read_bytes(),
                                                                              "text/plain")})
    page = client.get(response["Location"]).content.decode()
    row = page[page.index("Xây dựng cơ sở dữ liệu"):]
    row = row[:row.index("</tr>")]
    assert "<td>Bộ, ngành" in row  # as written, not rewritten to a canonical spelling
    assert "Sở Tài chính Sở Công Thương" not in row  # (that is a support cell, task 1)
    assert "Tháng 06/2026" in row
    row = page[page.index("Hỗ trợ doanh nghiệp số"):]
    row = row[:row.index("</tr>")]
    assert "<td>Sở Khoa học và Công nghệ Sở Tài chính<br>" in row
    assert "Được hiểu là: Sở Khoa học và Công nghệ; Sở Tài chính" in row
