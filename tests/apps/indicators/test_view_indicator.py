"""Viewing one indicator: its rating as of a date with the reason, the chart, the table by period,
what the rest of the year needs, every target (superseded ones too) and every version of its figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kehoach.apps.figures import services as figures
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator, Target
from kehoach.apps.steering.models import Comment

pytestmark = pytest.mark.django_db

AS_OF = "2025-08-06"
OLD_CITY = "Hải Phòng (trước 01/07/2025)"
MERGED_CITY = "Hải Phòng (từ 01/07/2025)"


def page(client, key: str, as_of: str = AS_OF):
    return client.get(reverse("indicators:detail", args=[key]), {"as_of": as_of})


def test_grdp_as_of_6_august_is_behind_its_trajectory(people, login):
    response = page(login(people["leader"]), "grdp")

    assert response.status_code == 200
    html = response.content.decode()
    a = response.context["a"]
    assert a.rating.value == "cham" and a.rating.label == "Chậm"
    assert '<span class="badge rating-behind" data-rating="cham">Chậm</span>' in html
    # The reason, with the H1 estimate against the trajectory.
    assert "6 tháng đầu năm 2025 ước tăng 11,04%, thấp hơn 1,09 điểm % so với kịch bản (12,13%)" in html
    # The table by period: the trajectory as written and the actual with its qualifier and scope.
    periods = html[html.index('id="periods"'):html.index('id="h-targets"')]
    h1 = periods[periods.index('data-period="2025-H1"'):]
    h1 = h1[:h1.index("</tr>")]
    assert "12,13" in h1 and "ước <strong>11,04</strong>" in h1 and OLD_CITY in h1
    # The merged city's estimate of the same half-year is shown with its scope, not compared.
    assert "ước <strong>11,2</strong>" in h1 and MERGED_CITY in h1
    # Growth rates: the chart is cumulative from January, an inline SVG with a text alternative.
    assert "<svg" in response.context["chart"] and "<title>" in response.context["chart"]
    # What the rest of the year needs, and the projection with its method.
    measures = html[html.index('id="measures"'):html.index('id="h-periods"')]
    assert "13,96" in measures and "11,96" in measures and "Dự báo cả năm" in measures
    assert "Mức cần đạt các tháng còn lại" in measures


def test_budget_revenue_shows_both_targets_of_2025_with_their_basis_and_document(people, login):
    response = page(login(people["finance"]), "budget_revenue")

    html = response.content.decode()
    targets = html[html.index('id="targets"'):html.index('id="h-figures"')]
    rows = targets.split("<tr")
    council = next(r for r in rows if "118.079,279" in r)
    stretch = next(r for r in rows if "129.519,3" in r)
    assert "619-BC/TU, 03/12/2024" in council and "HĐND giao" in council
    assert "86/KH-UBND, 31/03/2025" in stretch and "Phấn đấu" in stretch
    # The 2024 target is there too.
    assert "106.761,592" in targets


def test_the_merged_city_figure_shows_its_scope(people, login):
    response = page(login(people["leader"]), "budget_revenue")

    html = response.content.decode()
    # The old city's comparable H1 figure rates; the merged city's 7 months is shown beside it.
    assert response.context["a"].rating.value == "dat"
    beside = html[html.index('id="beside"'):]
    assert f"Số liệu mới hơn: lũy kế 7 tháng năm 2025 của {MERGED_CITY}: 112.748 tỷ đồng" in beside[:beside.index("</ul>")]
    ytd = html[html.index('data-period="2025-YTD-07"'):]
    ytd = ytd[:ytd.index("</tr>")]
    assert "<strong>112.748</strong>" in ytd and MERGED_CITY in ytd
    assert "Lũy kế 7 tháng năm 2025" in ytd


def test_a_superseded_target_stays_with_what_superseded_it(people, login):
    budget = Indicator.objects.get(key="budget_revenue")
    old = Target.objects.get(indicator=budget, year=2025, basis="hdnd_giao")
    newer = Target.objects.create(indicator=budget, year=2025, comparator="=", low=Decimal("120000"),
                                  high=Decimal("120000"), text="120.000", document=Target.objects.get(
                                      indicator=budget, basis="phan_dau").document, basis="hdnd_giao",
                                  scope=old.scope)
    Target.objects.filter(pk=old.pk).update(superseded_by=newer)

    html = page(login(people["leader"]), "budget_revenue").content.decode()

    targets = html[html.index('id="targets"'):html.index('id="h-figures"')]
    superseded = next(r for r in targets.split("<tr") if "118.079,279" in r)
    assert "Được thay thế bởi 120.000 (86/KH-UBND, 31/03/2025)" in superseded
    assert "Hiện hành" in next(r for r in targets.split("<tr") if ">120.000<" in r)


def test_every_version_of_a_figure_is_listed_with_its_provenance(people, login):
    grdp = Indicator.objects.get(key="grdp")
    estimate = ActualFigure.objects.get(indicator=grdp, period="2025-H1", scope=OLD_CITY)
    estimate.entered_by = people["officer_a"]
    estimate.approved_by = people["finance"]
    estimate.save()
    figures.record_figure(grdp, "2025-H1", OLD_CITY, low=Decimal("11.1"), high=Decimal("11.1"), text="11,1",
                          source="Chi cục Thống kê, báo cáo 7/2025", published=date(2025, 7, 25),
                          entered_by=people["officer_a"])

    response = page(login(people["leader"]), "grdp")

    lines = [line.figure for line in response.context["figures"] if line.figure.period == "2025-H1"
             and line.figure.scope == OLD_CITY]
    assert [(f.version, f.is_current, f.review_status) for f in lines] == [(2, True, "draft"), (1, False, "approved")]
    html = response.content.decode()
    table = html[html.index('id="figures"'):html.index('id="comments"')]
    assert "Chi cục Thống kê, báo cáo 7/2025" in table and "25/07/2025" in table and "Nháp" in table
    assert "Cán bộ Sở Tài chính" in table  # approved by
    assert "ước 11,04" in table and "(đã thay thế)" in table


def test_drafts_are_shown_only_to_those_who_may_see_them(people, login):
    grdp = Indicator.objects.get(key="grdp")
    figures.record_figure(grdp, "2025-09", OLD_CITY, low=Decimal("12"), high=Decimal("12"), text="12")

    assert any(line.figure.period == "2025-09" for line in page(login(people["finance"]), "grdp").context["figures"])
    # Sở Văn hóa does not monitor GRDP: it sees the approved figures only.
    lines = page(login(people["officer_b"]), "grdp").context["figures"]
    assert lines and not any(line.figure.period == "2025-09" for line in lines)


def test_the_as_of_date_is_selectable(people, login):
    client = login(people["leader"])

    before = page(client, "grdp", as_of="2025-05-01")

    assert before.context["a"].period.code == "2025-Q1"
    html = before.content.decode()
    assert 'name="as_of"' in html and "01/05/2025" in html  # the as-of form, with the chosen date
    assert "ước <strong>11,04</strong>" not in html  # published on 11/07/2025


def test_the_page_costs_the_same_number_of_queries_whatever_the_data(people, login, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(people["leader"])
    with CaptureQueriesContext(connection) as baseline:
        page(client, "grdp")
    grdp = Indicator.objects.get(key="grdp")
    for month in range(1, 8):
        figures.record_figure(grdp, f"2025-{month:02d}", OLD_CITY, low=Decimal(month), high=Decimal(month),
                              text=str(month), entered_by=people["officer_a"], status="approved")
    for n in range(5):
        Comment.objects.create(kind="comment", indicator=grdp, author=people["leader"], text=f"Ý kiến {n}")

    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = page(client, "grdp")
    assert response.status_code == 200


def test_an_unknown_indicator_is_not_found(people, login):
    assert page(login(people["leader"]), "khong_co").status_code == 404


def test_anonymous_users_are_sent_to_the_login_page(demo_plan, client):
    response = page(client, "grdp")

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_signed_in_user_without_a_role_is_refused(people, login):
    assert page(login(people["nobody"]), "grdp").status_code == 403


def test_officers_read_the_plan(people, login):
    response = page(login(people["officer_b"]), "tourists")

    assert response.status_code == 200
    assert "Khách du lịch" in response.content.decode()
