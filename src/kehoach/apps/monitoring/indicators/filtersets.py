"""Filters of the indicators list: group, kind, monitoring agency, rating (as of the chosen date) and a
search by name, key or alias that matches with and without diacritics (``web.search``: "tong san pham"
finds "Tổng sản phẩm")."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kehoach.apps.assessment.evaluate import (
    assessment_for,
)
from kehoach.apps.indicators.models import GROUP_CHOICES, MEASURE_KIND_CHOICES, Indicator
from kehoach.apps.organisations.models import Agency
from kehoach.domain.assessment.rules import Rating
from kehoach.web.search import FoldedSearchFilter

RATING_CHOICES = [(r.value, r.label) for r in Rating]


class IndicatorFilterSet(django_filters.FilterSet):
    q = FoldedSearchFilter(label=_("Search by name"))
    group = django_filters.ChoiceFilter(label=_("Group"), choices=GROUP_CHOICES, empty_label=_("All"))
    kind = django_filters.ChoiceFilter(label=_("Kind of measure"), choices=MEASURE_KIND_CHOICES, empty_label=_("All"))
    agency = django_filters.ModelChoiceFilter(
        label=_("Monitoring agency"), field_name="monitoring_agencies",
        queryset=Agency.objects.filter(monitored_indicators__isnull=False).distinct().order_by("name"),
        empty_label=_("All"),
    )
    rating = django_filters.ChoiceFilter(label=_("Rating"), choices=RATING_CHOICES, method="by_rating",
                                         empty_label=_("All"))

    class Meta:
        model = Indicator
        fields = ["q", "group", "kind", "agency", "rating"]

    def by_rating(self, queryset, name, value):
        if not value:
            return queryset
        keys = [a.indicator for a in assessment_for(self.request).indicators if a.rating.value == value]
        return queryset.filter(key__in=keys)
