"""Sở Tài chính changes what a column of an uploaded document means; the preview reads it again so."""

from __future__ import annotations

import re

import pytest

from kehoach.apps.documents.models import StagedUpload
from tests.apps.documents.reading import column_head, selected, table_key, upload

pytestmark = pytest.mark.django_db


def test_the_preview_says_what_each_column_means(people, login):
    client = login(people["finance"])
    page = client.get(upload(client)).content.decode()
    key = table_key(page)

    assert "Bảng nhiệm vụ" in page
    assert [selected(column_head(page, key, i)) for i in range(5)] == ["key", "content", "lead", "support", "deadline"]
    assert "Thời hạn" in column_head(page, key, 4) and "Cơ quan chủ trì" in column_head(page, key, 2)


def test_a_column_said_to_be_ignored_is_no_longer_read(people, login):
    client = login(people["finance"])
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())

    response = client.post(preview, {"correct": "1", f"column-{key}-4": "ignored"}, follow=True)
    page = response.content.decode()

    assert selected(column_head(page, key, 4)) == "ignored"
    assert "(đã sửa)" in column_head(page, key, 4)
    assert "Quý III/2025" not in page.split('id="reading"')[0]  # the deadline is no longer read into the tasks
    # the "-" row was a task of its own for its deadline ("Thường xuyên"); without it, it continues task 1.2
    assert re.search(r'id="count-tasks">3<', page)
    assert StagedUpload.objects.get().corrections == {key: {"columns": {"4": "ignored"}, "rows": {}, "row_texts": {},
                                                            "cells": {}}}


def test_a_meaning_given_to_another_column_is_taken_from_the_first(people, login):
    client = login(people["finance"])
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())

    page = client.post(preview, {"correct": "1", f"column-{key}-3": "lead"}, follow=True).content.decode()

    assert selected(column_head(page, key, 3)) == "lead"
    assert selected(column_head(page, key, 2)) == "attribute"  # kept as written, as the tasks' attribute


def test_an_unknown_meaning_is_refused_and_nothing_is_kept(people, login):
    client = login(people["finance"])
    preview = upload(client)
    key = table_key(client.get(preview).content.decode())

    page = client.post(preview, {"correct": "1", f"column-{key}-3": "budget"}, follow=True).content.decode()

    assert "budget" in page and "cột 4" in page
    assert StagedUpload.objects.get().corrections == {}


def test_a_table_not_understood_is_shown_and_understood_once_its_columns_are_named(people, login):
    """The upload refuses a document whose tables were all left unread, and shows them: naming the columns
    makes the table read."""
    client = login(people["finance"])
    plan = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NINH\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 46/KH-UBND\tQuảng Ninh, ngày 12 tháng 02 năm 2025\n\nKẾ HOẠCH\nCải cách thủ tục\n\n"
            "Mã\tViệc cần làm\tĐơn vị làm\tHạn\n1\tRà soát thủ tục\tSở Tư pháp\tQuý II/2025\n"
            "2\tCông khai thủ tục\tVăn phòng UBND tỉnh\tQuý III/2025\n")
    preview = upload(client, "ke-hoach-46.txt", plan.encode())
    page = client.get(preview).content.decode()
    assert "Bảng chưa hiểu được" in page and "Xác nhận nhập" not in page
    key = table_key(page)

    form = {"correct": "1", f"column-{key}-0": "key", f"column-{key}-1": "content", f"column-{key}-2": "lead",
            f"column-{key}-3": "deadline"}
    page = client.post(preview, form, follow=True).content.decode()

    assert "Bảng nhiệm vụ" in page and re.search(r'id="count-tasks">2<', page)
    client.post(preview, {"confirm": "1"})
    assert StagedUpload.objects.count() == 0
