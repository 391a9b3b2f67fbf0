"""Sở Tài chính says what a row of an uploaded document is: a task, a group, or a row to skip."""

from __future__ import annotations

import re

import pytest

from tests.apps.documents.reading import row_of, selected, table_key, upload

pytestmark = pytest.mark.django_db


def test_the_preview_says_what_each_row_was_read_as(people, login):
    client = login(people["finance"])
    page = client.get(upload(client)).content.decode()

    assert "<strong>Nhóm</strong>" in row_of(page, 10)  # A  NHIỆM VỤ CHUNG
    assert "<strong>Nhóm</strong>" in row_of(page, 12)  # 1  Hoàn thiện cơ chế, above 1.1 and 1.2
    assert "<strong>Nhiệm vụ</strong>" in row_of(page, 13)
    assert selected(row_of(page, 13)) == ""  # as the importer reads it


def test_a_row_marked_skip_is_not_imported_and_says_why(people, login):
    client = login(people["finance"])
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())

    page = client.post(preview, {"correct": "1", f"row-{key}-18": "skip"}, follow=True).content.decode()

    assert re.search(r'id="count-tasks">3<', page)
    assert "Không đọc" in row_of(page, 18) and "Người dùng đánh dấu bỏ qua" in row_of(page, 18)
    assert selected(row_of(page, 18)) == "skip"


def test_a_group_row_marked_as_a_task_becomes_one(people, login):
    client = login(people["finance"])
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())

    page = client.post(preview, {"correct": "1", f"row-{key}-12": "task"}, follow=True).content.decode()

    assert re.search(r'id="count-tasks">5<', page)
    assert "<strong>Nhiệm vụ</strong>" in row_of(page, 12)


def test_a_task_row_marked_as_a_group_heads_the_rows_below(people, login):
    client = login(people["finance"])
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())

    page = client.post(preview, {"correct": "1", f"row-{key}-13": "group"}, follow=True).content.decode()

    assert re.search(r'id="count-tasks">3<', page)
    assert "<strong>Nhóm</strong>" in row_of(page, 13)


def test_a_mark_taken_back_leaves_the_row_as_the_importer_reads_it(people, login):
    client = login(people["finance"])
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())
    client.post(preview, {"correct": "1", f"row-{key}-18": "skip"})

    page = client.post(preview, {"correct": "1", f"row-{key}-18": ""}, follow=True).content.decode()

    assert re.search(r'id="count-tasks">4<', page)
    assert "<strong>Nhiệm vụ</strong>" in row_of(page, 18)
