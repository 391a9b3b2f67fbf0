"""Listing the indicators: grouped by kinh tế / xã hội / môi trường, sub-indicators under their
parent, each with its unit, kind, the year's targets as written, the latest actual and its rating;
filtered by group, kind, monitoring agency and rating; searched with or without diacritics."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kehoach.apps.figures import services as figures
from kehoach.apps.indicators.models import Indicator, Target

pytestmark = pytest.mark.django_db

AS_OF = "2025-08-06"


def listing(client, **params):
    return client.get(reverse("indicators:list"), {"as_of": AS_OF, **params})


def keys(response) -> list[str]:
    return [row.indicator.key for row in response.context["table"].data]


def test_the_indicators_come_by_group_with_sub_indicators_under_their_parent(people, login):
    response = listing(login(people["leader"]))

    assert response.status_code == 200
    order = keys(response)
    assert len(order) == Indicator.objects.count()
    groups = [Indicator.objects.get(key=k).group for k in order]
    assert groups == sorted(groups, key=["kinh_te", "xa_hoi", "moi_truong", "khac"].index)
    # Thu nội địa and thu xuất nhập khẩu follow thu ngân sách; the GRDP sectors follow GRDP.
    revenue = order.index("budget_revenue")
    assert set(order[revenue + 1:revenue + 3]) == {"budget_domestic", "budget_trade"}
    grdp = order.index("grdp")
    assert set(order[grdp + 1:grdp + 5]) == {"grdp_agriculture", "grdp_industry", "grdp_services", "grdp_taxes"}
    # Sub-sub-indicators are under theirs.
    rural = order.index("solid_waste_rural")
    assert order.index("solid_waste") < rural < order.index("solid_waste_rural_collected")
    html = response.content.decode()
    for heading in ("Kinh tế", "Xã hội", "Môi trường"):
        assert f'scope="colgroup"><strong>{heading}</strong>' in html
    assert html.index("<strong>Kinh tế</strong>") < html.index("<strong>Xã hội</strong>") \
        < html.index("<strong>Môi trường</strong>")


def test_each_row_shows_unit_kind_targets_latest_actual_and_rating(people, login):
    html = listing(login(people["leader"])).content.decode()

    row = html[html.index('data-indicator="grdp"'):]
    row = row[:row.index("</tr>")]
    assert 'data-rating="cham"' in row
    assert "Tốc độ tăng so với cùng kỳ" in row  # kind
    assert "12,5" in row and "(Phấn đấu)" in row and "(HĐND giao)" in row  # both 2025 targets as written
    assert "ước 11,04" in row and "6 tháng đầu năm 2025" in row
    assert '<span class="badge rating-behind"' in row and ">Chậm</span>" in row
    assert "Chỉ tiêu năm 2025" in html  # the column of this year's targets

    revenue = html[html.index('data-indicator="budget_revenue"'):]
    revenue = revenue[:revenue.index("</tr>")]
    assert "118.079,279" in revenue and "129.519,3" in revenue
    assert "112.748" in revenue and "Hải Phòng (từ 01/07/2025)" in revenue  # the merged city's figure, with its scope
    # rated on the old city's comparable 6-month figure; the newer merged-city figure is shown beside it
    assert 'data-rating="dat"' in revenue and "không so sánh được với kế hoạch vì chưa có kế hoạch" in revenue


def test_the_targets_shown_are_those_of_the_as_of_year_and_current(people, login):
    budget = Indicator.objects.get(key="budget_revenue")
    old = Target.objects.get(indicator=budget, year=2025, basis="hdnd_giao")
    newer = Target.objects.create(indicator=budget, year=2025, comparator="=", low=Decimal(1), high=Decimal(1),
                                  text="120.000", document=old.document, basis="hdnd_giao", scope="Khác")
    Target.objects.filter(pk=old.pk).update(superseded_by=newer)

    response = listing(login(people["leader"]))

    row = next(r for r in response.context["table"].data if r.indicator.key == "budget_revenue")
    assert sorted(t.text for t in row.targets) == ["120.000", "129.519,3"]
    assert "106.761,592" not in response.content.decode()  # 2024


def test_filter_by_group_kind_agency_and_rating(people, login):
    client = login(people["leader"])

    assert set(keys(listing(client, group="moi_truong"))) == set(
        Indicator.objects.filter(group="moi_truong").values_list("key", flat=True))
    assert set(keys(listing(client, kind="index"))) == {"iip"}
    agency = Indicator.objects.get(key="tourists").monitoring_agencies.get(name="Sở Văn hóa, Thể thao và Du lịch")
    assert keys(listing(client, agency=agency.pk)) == ["tourists"]
    assert set(keys(listing(client, rating="cham"))) == {"grdp", "iip"}
    assert set(keys(listing(client, group="kinh_te", rating="dat"))) == {
        "exports", "investment", "port_cargo", "tourists", "budget_revenue", "budget_domestic", "budget_trade"}


def test_search_by_name_with_or_without_diacritics(people, login):
    client = login(people["leader"])

    assert keys(listing(client, q="Khách du lịch")) == ["tourists"]
    assert keys(listing(client, q="khach du lich")) == ["tourists"]
    assert "grdp" in keys(listing(client, q="TONG SAN PHAM"))
    assert keys(listing(client, q="thu noi dia")) == ["budget_domestic"]
    assert keys(listing(client, q="không có chỉ tiêu này")) == []


def test_the_counts_by_rating_link_to_the_filter(people, login):
    html = listing(login(people["leader"])).content.decode()

    assert 'href="?as_of=2025-08-06&amp;rating=cham"' in html and '<strong data-rating="cham">2</strong>' in html


def test_the_list_costs_the_same_number_of_queries_whatever_the_data(people, login, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(people["leader"])
    with CaptureQueriesContext(connection) as baseline:
        listing(client)
    document = Target.objects.first().document
    for n in range(10):
        extra = Indicator.objects.create(key=f"extra_{n}", name=f"Chỉ tiêu thêm {n}", unit="%", kind="level",
                                         group="xa_hoi", parent=Indicator.objects.get(key="poverty"))
        extra.monitoring_agencies.set(Indicator.objects.get(key="grdp").monitoring_agencies.all())
        Target.objects.create(indicator=extra, year=2025, comparator="=", low=Decimal(n), high=Decimal(n),
                              text=str(n), document=document, basis="hdnd_giao")
        figures.record_figure(extra, "2025-H1", "Hải Phòng (trước 01/07/2025)", low=Decimal(n), high=Decimal(n),
                              text=str(n), status="approved")

    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = listing(client)
    assert len(response.context["table"].data) == Indicator.objects.count()


def test_the_menu_shows_the_indicators_to_staff(people, login):
    html = login(people["officer_a"]).get(reverse("indicators:list")).content.decode()

    assert f'<a href="{reverse("indicators:list")}" aria-current="page">Chỉ tiêu</a>' in html


def test_anonymous_users_are_sent_to_the_login_page(demo_plan, client):
    response = listing(client)

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_signed_in_user_without_a_role_is_refused(people, login):
    assert listing(login(people["nobody"])).status_code == 403
