"""Two people edit the same draft figure at once: the second save is refused with the other change
shown (who, when, the values saved), the second person's input stays in the form, the first change
stays, and nothing is lost. The same in the admin, and through the service for the API.

Approved figures are never overwritten: a correction is a new version, through the workspace and
through the admin."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from kehoach.apps.figures import services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.locking import Conflict
from kehoach.apps.organisations.models import Membership
from tests.apps.workspace.workspace_support import EXPLANATION, Q, act, agency, figure_post

pytestmark = pytest.mark.django_db


def july() -> ActualFigure:
    return ActualFigure.objects.get(indicator__key="iip", period="2025-07", is_current=True)


@pytest.fixture
def colleague(people):
    """A second officer of Sở Công Thương."""
    user = get_user_model().objects.create_user("congthuong2", password="pw", first_name="Lê", last_name="Văn Hai")
    Membership.objects.create(user=user, agency=agency())
    return user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def draft(people) -> ActualFigure:
    signed_in(people["officer_a"]).post(*act(agency(), figure_post()))
    figure = july()
    assert figure.review_status == "draft"
    return figure


def opened(client: Client, figure: ActualFigure) -> dict:
    """Open the draft in the workspace's form: the hidden draft and version it carries."""
    html = client.get(reverse("workspace:agency", args=[agency().pk]) + Q + f"&edit_figure={figure.pk}"
                      ).content.decode()
    return {name: re.search(rf'name="fig-{name}" value="(\d+)"', html)[1] for name in ("draft", "version")}


def save(client: Client, form: dict, **fields):
    return client.post(*act(agency(), figure_post(**form, **fields)))


@pytest.mark.parametrize("first_change", [
    {"cause": "Đơn hàng điện tử giảm"},  # the same value, explained: the draft is completed in place
    {"value": "112,5"},  # another value: a new version supersedes the draft
], ids=["in-place", "new-version"])
def test_the_second_save_shows_the_first_and_keeps_what_was_typed(people, colleague, draft, first_change):
    first, second = signed_in(people["officer_a"]), signed_in(colleague)
    form_first, form_second = opened(first, draft), opened(second, draft)
    assert form_first == form_second == {"draft": str(draft.pk), "version": str(draft.row_version)}

    assert save(first, form_first, **first_change).status_code == 302
    saved = july()
    refused = save(second, form_second, value="115", source="Số liệu của Lê Văn Hai")

    html = refused.content.decode()
    assert refused.status_code == 409
    assert "Cán bộ Sở Công Thương đã lưu bản ghi này lúc" in html
    assert f"Giá trị (nguyên văn công bố): {saved.text};" in html and f"Nguyên nhân: {saved.cause or '—'};" in html
    assert 'value="115"' in html and "Số liệu của Lê Văn Hai" in html  # what this one typed stays
    assert ActualFigure.objects.filter(indicator__key="iip", period="2025-07").count() == \
        (1 if "cause" in first_change else 2)
    assert (july().pk, july().text, july().cause) == (saved.pk, saved.text, saved.cause)  # the first stays

    # Saving again with what the page now carries replaces it deliberately (as a new version).
    carried = {name: re.search(rf'name="fig-{name}" value="(\d+)"', html)[1] for name in ("draft", "version")}
    assert carried == {"draft": str(saved.pk), "version": str(saved.row_version)}
    assert save(second, carried, value="115", source="Số liệu của Lê Văn Hai").status_code == 302
    assert july().text == "115" and july().entered_by == colleague
    versions = ActualFigure.objects.filter(indicator__key="iip", period="2025-07")
    assert {saved.text, "115"} <= set(versions.values_list("text", flat=True))  # nothing lost


def test_the_service_refuses_a_stale_version(people, draft):
    stale = draft.row_version
    services.record_figure(draft.indicator, draft.period, draft.scope, low=Decimal("111"), high=Decimal("111"),
                           text="111", source="Bản sửa", entered_by=people["officer_a"], expected_version=stale)

    with pytest.raises(Conflict) as raised:
        services.record_figure(draft.indicator, draft.period, draft.scope, low=draft.low, high=draft.high,
                               text="110", source="Bản khác", entered_by=people["officer_a"], expected_version=stale)

    assert raised.value.current == july() and (july().text, july().source) == ("111", "Bản sửa")


def test_two_people_editing_the_explanation_in_the_admin(people, draft):
    admin = get_user_model().objects.create_superuser("admin2", password="pw")
    one, other = signed_in(people["admin"]), signed_in(admin)
    change = reverse("admin:figures_actualfigure_change", args=[draft.pk])
    read = [re.search(r'name="expected_version" value="(\d+)"', client.get(change).content.decode())[1]
            for client in (one, other)]
    assert read == [str(draft.row_version)] * 2
    data = {"cause": "", "difficulties": "", "proposals": "", "expected_version": read[0]}

    assert one.post(change, {**data, "cause": EXPLANATION["cause"]}).status_code == 302
    refused = other.post(change, {**data, "cause": "Nguyên nhân khác"})

    html = refused.content.decode()
    assert refused.status_code == 200 and "đã lưu bản ghi này lúc" in html and EXPLANATION["cause"] in html
    assert "Nguyên nhân khác" in html
    assert july().cause == EXPLANATION["cause"]


def test_an_approved_figure_is_corrected_by_a_new_version_in_the_workspace(people):
    approved = ActualFigure.objects.filter(review_status="approved", is_current=True,
                                           indicator__monitoring_agencies=agency()).first()
    assert approved is not None
    before = (approved.text, approved.low, approved.review_status)
    officer = signed_in(people["officer_a"])

    officer.post(*act(agency(), figure_post(indicator=approved.indicator.key, period=approved.period, scope=approved.scope,
                             value="999", **EXPLANATION)))

    approved.refresh_from_db()
    assert (approved.text, approved.low, approved.review_status) == before  # the approved row is kept as it was
    correction = ActualFigure.objects.get(indicator=approved.indicator, period=approved.period, scope=approved.scope,
                                          is_current=True)
    assert correction.pk != approved.pk and correction.version == approved.version + 1 and correction.text == "999"


def test_an_approved_figure_cannot_be_edited_in_the_admin(people):
    approved = ActualFigure.objects.filter(review_status="approved", is_current=True).first()
    before = {f.name: getattr(approved, f.name) for f in ActualFigure._meta.concrete_fields if f.name != "row_version"}
    admin = signed_in(people["admin"])
    change = reverse("admin:figures_actualfigure_change", args=[approved.pk])

    admin.post(change, {"text": "999", "low": "999", "cause": "sửa thẳng", "expected_version": approved.row_version})

    approved.refresh_from_db()
    assert {f.name: getattr(approved, f.name) for f in ActualFigure._meta.concrete_fields
            if f.name != "row_version"} == before
