"""Filters of the indicators list: group, kind, monitoring agency, rating (as of the chosen date) and a
search by name that matches with and without diacritics ("tong san pham" finds "Tổng sản phẩm")."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kehoach.apps.assessment.evaluate import (
    assessment_for,
)
from kehoach.apps.indicators.models import GROUP_CHOICES, MEASURE_KIND_CHOICES, Indicator
from kehoach.apps.organisations.models import Agency
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.text import fold

RATING_CHOICES = [(r.value, r.label) for r in Rating]


def matches(query: str, *texts: str) -> bool:
    """Every word of the query occurs in one of the texts, diacritics and case ignored."""
    words = fold(query).split()
    haystack = " ".join(fold(t) for t in texts if t)
    return all(w in haystack for w in words)


class IndicatorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search by name"), method="search")
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

    def search(self, queryset, name, value):
        query = (value or "").strip()
        if not query:
            return queryset
        rows = queryset.prefetch_related(None).values_list("key", "name", "aliases")
        keys = [key for key, label, aliases in rows
                if matches(query, label, key, *(a for a in (aliases or []) if isinstance(a, str)))]
        return queryset.filter(key__in=keys)

    def by_rating(self, queryset, name, value):
        if not value:
            return queryset
        keys = [a.indicator for a in assessment_for(self.request).indicators if a.rating.value == value]
        return queryset.filter(key__in=keys)
