"""Two API clients edit the same draft figure or draft progress update: each read gives the row's
``row_version``; the second save with the version it read is refused with 409, showing the first
one's change (who, when, the values now stored, the new row_version), and nothing changes; saving
again with the new version goes through. One stale item refuses the whole bulk upsert, naming the
item. A write without ``row_version`` is not checked (last writer wins, as before), and the
history keeps what it replaced."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from kehoach.apps.api import tokens
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.organisations.models import Membership
from kehoach.apps.tasks.models import TaskProgress
from tests.apps.api.conftest import ApiClient
from tests.apps.conftest import history_rows
from tests.apps.workspace.workspace_support import EXPLANATION, agency, task_of

pytestmark = pytest.mark.django_db

EXPORTS = {"indicator": "exports", "value": "1.234,5", "scope": "HP cũ", "source": "Chi cục Thống kê",
           "published": "2025-08-06"}
IIP = {"indicator": "iip", "value": "114,9", "scope": "HP cũ", "source": "Chi cục Thống kê",
       "published": "2025-08-06"}
UPDATE = {"on": "2025-08-06", "status": "in_progress", "percent": 60, "note": "Đã trình dự thảo lần 2",
          "evidence_reference": "Tờ trình 123/TTr-SCT"}


@pytest.fixture
def first(client, people) -> ApiClient:
    """Cán bộ Sở Công Thương (officer_a), with a token."""
    return ApiClient(client, tokens.issue(people["officer_a"], "first").plain)


@pytest.fixture
def second(client, people) -> ApiClient:
    """A second officer of Sở Công Thương, with a token."""
    user = get_user_model().objects.create_user("congthuong2", password="pw", first_name="Lê", last_name="Văn Hai")
    Membership.objects.create(user=user, agency=agency())
    return ApiClient(client, tokens.issue(user, "second").plain)


def bulk(client: ApiClient, *figures: dict):
    body = {"agency": agency().pk, "period": "2025-07", "figures": list(figures)}
    return client.post("figures/bulk", body, as_of="2025-08-06")


def current(key: str = "exports") -> ActualFigure:
    return ActualFigure.objects.get(indicator__key=key, period="2025-07", is_current=True)


def state():
    return (sorted(ActualFigure.objects.values_list("pk", "version", "is_current", "review_status", "text", "cause",
                                                    "row_version")),
            sorted(TaskProgress.objects.values_list("pk", "review_status", "note", "row_version")), history_rows())


@pytest.fixture
def draft_figure(first) -> dict:
    """A draft figure of the agency, as GET figures/{id} shows it."""
    figure_id = bulk(first, EXPORTS).json()["items"][0]["new"]["id"]
    return first.get(f"figures/{figure_id}").json()


@pytest.mark.parametrize("first_change", [
    {"cause": "Đơn hàng điện tử giảm"},  # the same value, explained: the draft is completed in place
    {"value": "1.300"},  # another value: a new version supersedes the draft
], ids=["in-place", "new-version"])
def test_the_second_save_of_a_figure_gets_409_showing_the_first(first, second, draft_figure, first_change):
    read = second.get(f"figures/{draft_figure['id']}").json()
    assert read["row_version"] == draft_figure["row_version"]  # both read the same draft

    saved = bulk(first, {**EXPORTS, **first_change, "row_version": draft_figure["row_version"]})
    assert saved.status_code == 200, saved.content
    stored = current()
    assert stored.row_version > draft_figure["row_version"]
    before = state()

    refused = bulk(second, {**EXPORTS, "value": "1.250", "source": "Số liệu của Lê Văn Hai",
                            "row_version": read["row_version"]})

    assert refused.status_code == 409, refused.content
    body = refused.json()
    assert "Cán bộ Sở Công Thương" in body["detail"] and f"row_version {stored.row_version}" in body["detail"]
    assert body["errors"] == [{"item": 0, "field": "row_version", "message": body["errors"][0]["message"]}]
    conflict = body["conflict"]
    assert (conflict["item"], conflict["saved_by"], conflict["row_version"]) == \
        (0, "Cán bộ Sở Công Thương", stored.row_version)
    assert conflict["saved_at"] is not None
    assert (conflict["current"]["id"], conflict["current"]["text"], conflict["current"]["cause"]) == \
        (stored.pk, stored.text, stored.cause)
    assert state() == before  # nothing changed: the first's values stay
    assert current().source == "Chi cục Thống kê"

    again = bulk(second, {**EXPORTS, "value": "1.250", "source": "Số liệu của Lê Văn Hai",
                          "row_version": conflict["row_version"]})

    assert again.status_code == 200, again.content
    assert (current().text, current().source) == ("1.250", "Số liệu của Lê Văn Hai")
    kept = set(ActualFigure.objects.filter(indicator__key="exports", period="2025-07").values_list("text", flat=True))
    assert stored.text in kept  # a new version: the first's figure is kept


def test_one_stale_item_refuses_the_whole_batch_and_names_it(first, second, draft_figure):
    assert bulk(first, {**EXPORTS, **EXPLANATION, "row_version": draft_figure["row_version"]}).status_code == 200
    before = state()

    refused = bulk(second, IIP, {**EXPORTS, "value": "1.250", "row_version": draft_figure["row_version"]})

    assert refused.status_code == 409, refused.content
    body = refused.json()
    assert body["detail"].startswith("Chưa ghi nhận gì: mục 1:")
    assert [(e["item"], e["field"]) for e in body["errors"]] == [(1, "row_version")]
    assert body["conflict"]["item"] == 1 and body["conflict"]["current"]["cause"] == EXPLANATION["cause"]
    assert state() == before  # not even the first item, which had no conflict
    assert not ActualFigure.objects.filter(indicator__key="iip", period="2025-07").exists()


def test_submitting_a_figure_read_before_a_change_gets_409(first, second, draft_figure):
    assert bulk(first, {**EXPORTS, "value": "1.300", "row_version": draft_figure["row_version"]}).status_code == 200
    before = state()

    refused = second.post(f"figures/{draft_figure['id']}/submit", as_of="2025-08-06",
                          row_version=draft_figure["row_version"])

    assert refused.status_code == 409 and refused.json()["conflict"]["current"]["text"] == "1.300"
    assert state() == before and current().review_status == "draft"
    done = second.post(f"figures/{current().pk}/submit", as_of="2025-08-06",
                       row_version=refused.json()["conflict"]["row_version"])
    assert done.status_code == 200 and done.json()["status"] == "submitted"


def test_without_row_version_the_last_figure_saved_wins(first, second, draft_figure):
    assert bulk(first, {**EXPORTS, **EXPLANATION}).status_code == 200
    explained = current().history.count()

    overwritten = bulk(second, {**EXPORTS, "cause": "Nguyên nhân khác"})

    assert overwritten.status_code == 200 and overwritten.json()["updated"] == 1
    assert current().cause == "Nguyên nhân khác"  # no check: the second replaced the first's wording
    assert current().history.filter(cause=EXPLANATION["cause"]).exists()  # which the history keeps
    assert current().history.count() == explained + 1


@pytest.fixture
def draft_update(first) -> dict:
    """A draft progress update of a task the agency leads, as the API shows it."""
    response = first.post(f"tasks/{task_of(number=16).pk}/progress", UPDATE, as_of="2025-08-06")
    assert response.status_code == 201, response.content
    return response.json()


def test_the_second_save_of_a_progress_update_gets_409_showing_the_first(first, second, draft_update):
    task = task_of(number=16)
    read = {item["id"]: item for item in second.get(f"tasks/{task.pk}/progress").json()["items"]}[draft_update["id"]]
    assert read["row_version"] == draft_update["row_version"]

    saved = first.put(f"tasks/progress/{draft_update['id']}",
                      {**UPDATE, "percent": 80, "note": "Đã trình UBND thành phố",
                       "row_version": draft_update["row_version"]})
    assert saved.status_code == 200 and saved.json()["row_version"] == draft_update["row_version"] + 1
    before = state()

    refused = second.put(f"tasks/progress/{draft_update['id']}",
                         {**UPDATE, "percent": 70, "note": "Chờ ý kiến Sở Tư pháp", "row_version": read["row_version"]})

    assert refused.status_code == 409, refused.content
    conflict = refused.json()["conflict"]
    assert (conflict["item"], conflict["saved_by"], conflict["row_version"]) == \
        (None, "Cán bộ Sở Công Thương", saved.json()["row_version"])
    assert (conflict["current"]["percent"], conflict["current"]["note"]) == (80, "Đã trình UBND thành phố")
    assert refused.json()["errors"][0]["field"] == "row_version"
    assert state() == before
    assert TaskProgress.objects.get(pk=draft_update["id"]).note == "Đã trình UBND thành phố"

    stale_submit = second.post(f"tasks/progress/{draft_update['id']}/submit", as_of="2025-08-06",
                               row_version=read["row_version"])
    assert stale_submit.status_code == 409 and state() == before

    again = second.put(f"tasks/progress/{draft_update['id']}",
                       {**UPDATE, "percent": 70, "note": "Chờ ý kiến Sở Tư pháp", **EXPLANATION,
                        "row_version": conflict["row_version"]})
    assert again.status_code == 200, again.content
    assert TaskProgress.objects.get(pk=draft_update["id"]).note == "Chờ ý kiến Sở Tư pháp"
    submitted = second.post(f"tasks/progress/{draft_update['id']}/submit", as_of="2025-08-06",
                            row_version=again.json()["row_version"])
    assert submitted.status_code == 200 and submitted.json()["workflow"] == "submitted"


def test_without_row_version_the_last_progress_saved_wins(first, second, draft_update):
    path = f"tasks/progress/{draft_update['id']}"
    assert first.put(path, {**UPDATE, "note": "Đã trình UBND thành phố"}).status_code == 200

    overwritten = second.put(path, {**UPDATE, "note": "Chờ ý kiến Sở Tư pháp"})

    assert overwritten.status_code == 200
    update = TaskProgress.objects.get(pk=draft_update["id"])
    assert update.note == "Chờ ý kiến Sở Tư pháp"
    assert update.history.filter(note="Đã trình UBND thành phố").exists()  # the history keeps the first


def test_only_a_draft_is_changed_and_only_by_a_lead_agencys_officer(api_as, first, draft_update):
    path, other_agency = f"tasks/progress/{draft_update['id']}", api_as("officer_b")
    before = state()
    assert other_agency.put(path, {**UPDATE, "note": "Sở khác"}).status_code == 403
    assert state() == before

    assert first.put(path, {**UPDATE, **EXPLANATION}).status_code == 200
    assert first.post(f"{path}/submit", as_of="2025-08-06").status_code == 200
    submitted = state()

    refused = first.put(path, {**UPDATE, **EXPLANATION, "note": "Sửa sau khi gửi"})

    assert refused.status_code == 400 and state() == submitted
