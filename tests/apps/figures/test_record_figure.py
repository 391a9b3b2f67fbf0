"""Recording a figure: a new draft, its value in the indicator's form, its domain form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kehoach.apps.figures import services
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.values import canonical_value
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.model import FigurePeriod, FigureStatus
from kehoach.domain.entities import Comparator
from kehoach.domain.units import IncompatibleUnits
from tests.apps.conftest import history_rows

pytestmark = pytest.mark.django_db


def test_a_new_figure_is_a_current_draft_version_1_with_its_provenance(investment, clerk):
    recorded = services.record_figure(
        investment, "2025-H1", "Hải Phòng (trước 01/07/2025)",
        low=Decimal("108000"), high=Decimal("108000"), text="108", qualifier="gần", unit_text="nghìn tỷ đồng",
        source="Chi cục Thống kê, báo cáo số 120/BC-CTK ngày 06/7/2025", published=date(2025, 7, 6),
        entered_by=clerk,
    )

    figure = recorded.figure
    assert recorded.action == services.CREATED
    assert (figure.review_status, figure.version, figure.is_current) == ("draft", 1, True)
    assert figure.entered_by == clerk and figure.entered_at is not None
    assert figure.approved_by is None and figure.approved_at is None
    assert figure.source.startswith("Chi cục Thống kê")
    assert figure.history.count() == 1


def test_the_period_is_kept_as_published_and_normalised(investment):
    cut_off = services.record_figure(investment, "2025-01-01/2025-04-26", "Hải Phòng", low=Decimal(1), high=Decimal(1))
    ytd = services.record_figure(investment, "2025-ytd-04", "Hải Phòng", low=Decimal(1), high=Decimal(1))

    assert cut_off.figure.period == "2025-01-01/2025-04-26"
    assert ytd.figure.period == "2025-YTD-04"


@pytest.mark.parametrize("period", ["2025-13", "Q1/2025", "", "2025-04-26/2025-01-01"])
def test_a_period_that_is_not_a_code_is_refused(investment, period):
    with pytest.raises(ValidationError):
        services.record_figure(investment, period, "Hải Phòng", low=Decimal(1), high=Decimal(1))
    assert not ActualFigure.objects.exists()


def test_an_unknown_qualifier_is_refused(investment):
    with pytest.raises(ValidationError):
        services.record_figure(investment, "2025-Q1", "Hải Phòng", low=Decimal(1), high=Decimal(1), qualifier="tầm")


def test_recording_the_same_value_again_changes_nothing(investment):
    first = services.record_figure(investment, "2025-Q1", "HP", low=Decimal("45390.7"), high=Decimal("45390.7"),
                                   qualifier="ước", source="s")
    rows = history_rows()

    again = services.record_figure(investment, "2025-Q1", "HP", low=Decimal("45390.700"), high=Decimal("45390.7"),
                                   qualifier="ước", source="s")

    assert again.action == services.UNCHANGED and again.figure.pk == first.figure.pk
    assert ActualFigure.objects.count() == 1 and history_rows() == rows


def test_the_same_value_with_new_wording_completes_the_draft_in_place(investment):
    first = services.record_figure(investment, "2025-Q1", "HP", low=Decimal("45390.7"), high=Decimal("45390.7"),
                                   qualifier="ước", source="s")

    worded = services.record_figure(investment, "2025-Q1", "HP", low=Decimal("45390.700"), high=Decimal("45390.7"),
                                    qualifier="ước", source="s", text="45.390,70")

    assert worded.action == services.UPDATED and worded.figure.pk == first.figure.pk
    assert ActualFigure.objects.get().text == "45.390,70"  # no new version: a draft is the agency's own


def test_the_same_period_may_be_recorded_for_two_scopes(investment):
    old = services.record_figure(investment, "2025-H1", "Hải Phòng (trước 01/07/2025)", low=Decimal(1), high=Decimal(1))
    new = services.record_figure(investment, "2025-H1", "Hải Phòng (từ 01/07/2025)", low=Decimal(2), high=Decimal(2))

    assert old.action == new.action == services.CREATED
    assert ActualFigure.objects.filter(is_current=True).count() == 2


def test_the_database_allows_one_current_figure_per_indicator_period_and_scope(investment):
    services.record_figure(investment, "2025-Q1", "HP", low=Decimal(1), high=Decimal(1))

    with pytest.raises(IntegrityError), transaction.atomic():
        ActualFigure.objects.create(indicator=investment, period="2025-Q1", scope="HP", version=9, is_current=True)


@pytest.mark.parametrize(
    ("comparison", "low", "expected"),
    [
        ("tăng so với cùng kỳ năm trước", "15.16", Decimal("115.16")),
        ("giảm so với cùng kỳ", "2", Decimal("98")),
        ("so với cùng kỳ năm trước", "115.16", Decimal("115.16")),  # already an index
        ("", "114.6", Decimal("114.6")),
    ],
)
def test_growth_of_an_index_indicator_becomes_the_index(iip, comparison, low, expected):
    comparator, lo, hi = canonical_value(iip, Comparator.EQ, Decimal(low), Decimal(low), "%", comparison)

    assert (comparator, lo, hi) == (Comparator.EQ, expected, expected)


def test_a_bound_below_last_year_flips_its_direction(iip):
    comparator, low, high = canonical_value(iip, Comparator.GT, Decimal(3), None, "%", "giảm hơn cùng kỳ")

    assert (comparator, low, high) == (Comparator.LT, None, Decimal(97))


def test_units_are_converted_to_the_indicators_unit(investment):
    _, low, _ = canonical_value(investment, Comparator.EQ, Decimal(108), Decimal(108), "nghìn tỷ đồng")
    assert low == Decimal(108000)

    with pytest.raises(IncompatibleUnits):
        canonical_value(investment, Comparator.EQ, Decimal(1), Decimal(1), "triệu tấn")


def test_to_domain_gives_the_assessment_its_figure(iip):
    figure = services.record_figure(
        iip, "2025-YTD-04", "Hải Phòng (trước 01/07/2025)", low=Decimal("115.16"), high=Decimal("115.16"),
        text="15,16", qualifier="", source="congthuong.vn", published=date(2025, 5, 31), status="approved",
    ).figure

    domain = services.to_domain(figure)

    assert isinstance(domain, m.ActualFigure)
    assert domain.indicator == "iip"
    assert domain.period == FigurePeriod.parse("2025-YTD-04") and not domain.period.is_calendar
    assert domain.value.comparator == Comparator.EQ and domain.value.low == Decimal("115.16")
    assert domain.value.text == "15,16"
    assert (domain.status, domain.version) == (FigureStatus.APPROVED, 1)
    assert domain.published == date(2025, 5, 31) and domain.source == "congthuong.vn"
    assert domain.identity == ("iip", "2025-YTD-04", "Hải Phòng (trước 01/07/2025)")


def test_to_domain_dates_a_figure_without_publication_date_on_its_entry(iip):
    figure = services.record_figure(iip, "2025-01", "HP", low=Decimal(115), high=Decimal(115)).figure

    domain = services.to_domain(figure)

    assert domain.status == FigureStatus.DRAFT
    assert domain.published == timezone.localdate(figure.entered_at)
