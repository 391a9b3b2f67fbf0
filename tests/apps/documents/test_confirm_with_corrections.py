"""Sở Tài chính confirms an upload it corrected: the import uses the corrections, in one transaction, and
keeps them with the import's history and as the issuer's reading profile."""

from __future__ import annotations

import pytest

from kehoach.apps.documents.models import ImportCorrection, ReadingProfile
from kehoach.apps.tasks.models import Task
from tests.apps.documents.reading import table_key, upload

pytestmark = pytest.mark.django_db


def corrected_upload(client) -> tuple[str, str]:
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())
    client.post(preview, {"correct": "1", f"row-{key}-18": "skip", f"cell-{key}-13-4": "Quý IV/2025",
                          f"column-{key}-3": "ignored"})
    return preview, key


def test_confirming_imports_what_was_corrected(people, login):
    client = login(people["finance"])
    preview, _key = corrected_upload(client)

    client.post(preview, {"confirm": "1"})

    tasks = Task.objects.filter(document__number="45/KH-UBND").order_by("number")
    assert [t.code for t in tasks] == ["1.1", "1.2", "-"]  # task 2 was skipped
    assert tasks[0].deadline_text == "Quý IV/2025"
    assert not tasks[0].support.exists()  # the supporting agencies' column was ignored


def test_the_corrections_are_kept_with_the_import_who_when_what(people, login):
    client = login(people["finance"])
    preview, key = corrected_upload(client)

    client.post(preview, {"confirm": "1"})

    record = ImportCorrection.objects.get()
    assert record.document.number == "45/KH-UBND" and record.user == people["finance"]
    assert record.made_at is not None and record.header_key == key
    assert record.corrections == {"columns": {"3": "ignored"}, "rows": {"18": "skip"}, "row_texts": {},
                                  "cells": {"13:4": "Quý IV/2025"}}


def test_the_column_meanings_and_row_marks_become_the_layouts_profile(people, login):
    client = login(people["finance"])
    preview, key = corrected_upload(client)

    client.post(preview, {"confirm": "1"})

    profile = ReadingProfile.objects.get()
    assert profile.issuer_name.endswith("tỉnh Quảng Ninh") and profile.header_key == key
    assert profile.corrections["columns"] == {"3": "ignored"}
    assert list(profile.corrections["row_texts"].values()) == ["skip"]
    assert profile.corrections["cells"] == {}  # a cell belongs to its document
    assert profile.updated_by == people["finance"]


def test_nothing_is_kept_when_the_import_fails(people, login, monkeypatch):
    from kehoach.apps.plan_import import uploads

    client = login(people["finance"])
    preview, _key = corrected_upload(client)

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(uploads, "remember", broken)
    with pytest.raises(RuntimeError):
        client.post(preview, {"confirm": "1"})

    assert not Task.objects.filter(document__number="45/KH-UBND").exists()
    assert not ImportCorrection.objects.exists() and not ReadingProfile.objects.exists()
