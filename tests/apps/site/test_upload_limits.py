"""Uploads are limited in size and type: the document upload and the workspace's Excel upload
refuse a file that is too large or of the wrong kind, with a message naming it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kehoach.apps.documents.models import StagedUpload
from tests.apps.workspace.workspace_support import agency

pytestmark = pytest.mark.django_db

TOO_LARGE = b"x" * (5 * 1024 * 1024 + 1)


def test_a_document_too_large_or_not_text_is_refused(people, login):
    client = login(people["finance"])
    large = client.post(reverse("documents:upload"), {"file": SimpleUploadedFile("ke-hoach.txt", TOO_LARGE)})
    assert "ke-hoach.txt" in large.content.decode() and "5 MB" in large.content.decode()
    image = client.post(reverse("documents:upload"), {"file": SimpleUploadedFile("scan.png", b"\x89PNG")})
    assert "scan.png" in image.content.decode() and ".txt" in image.content.decode()
    assert not StagedUpload.objects.exists()


def test_a_workspace_upload_too_large_or_not_a_workbook_is_refused(people, login):
    client = login(people["officer_a"])
    page = reverse("workspace:upload", args=[agency().pk])
    large = client.post(page, {"file": SimpleUploadedFile("so-lieu.xlsx", TOO_LARGE)})
    assert large.status_code == 200 and "5 MB" in large.content.decode()
    text = client.post(page, {"file": SimpleUploadedFile("so-lieu.xlsx", b"not a workbook")})
    assert "Tệp không phải bảng tính Excel (.xlsx)" in text.content.decode()
    assert "kehoach_workspace_upload" not in client.session
