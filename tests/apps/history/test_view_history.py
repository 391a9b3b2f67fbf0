"""Lịch sử: who changed what and when, for every record; one record's versions with before and after."""

from __future__ import annotations

import pytest

from kehoach.apps.organisations.models import Agency

pytestmark = pytest.mark.django_db


def test_a_change_shows_who_made_it_and_the_values_before_and_after(people, login, django_assert_max_num_queries):
    agency = Agency.objects.get(name="Sở Công Thương")
    agency._change_reason = "test"
    agency.email = "sct@haiphong.gov.vn"
    agency.save()
    last = agency.history.first()
    last.history_user = people["finance"]
    last.save()
    client = login(people["finance"])

    with django_assert_max_num_queries(120):
        feed = client.get("/history/?model=organisations.agency").content.decode()
    assert "Sở Công Thương" in feed and "stc" in feed

    page = client.get(f"/history/organisations.agency/{agency.pk}/").content.decode()
    assert "sct@haiphong.gov.vn" in page
    assert "stc" in page


def test_the_feed_filters_by_who_changed(people, login):
    client = login(people["finance"])

    page = client.get(f"/history/?user={people['officer_a'].pk}").content.decode()

    assert "Sở Công Thương" not in page.split('id="history"')[1]


@pytest.mark.parametrize("role", ["officer_a", "nobody"])
def test_officers_and_accounts_without_a_role_cannot_read_the_history(people, login, role):
    assert login(people[role]).get("/history/").status_code == 403


def test_an_unknown_record_is_not_found(people, login):
    assert login(people["finance"]).get("/history/organisations.agency/999999/").status_code == 404
    assert login(people["finance"]).get("/history/nothing.here/1/").status_code == 404
