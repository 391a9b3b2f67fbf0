"""Filters of the key projects list: group, funding, responsible agency, behind plan (as of the chosen date)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kehoach.apps.assessment.evaluate import (
    assessment_for,
)
from kehoach.apps.organisations.models import Agency
from kehoach.apps.projects.models import FUNDING_CHOICES, GROUP_CHOICES, Project

BEHIND, ON_TRACK = "yes", "no"


class ProjectFilterSet(django_filters.FilterSet):
    group = django_filters.ChoiceFilter(label=_("Group"), choices=GROUP_CHOICES, empty_label=_("All"))
    funding = django_filters.ChoiceFilter(label=_("Funding"), choices=FUNDING_CHOICES, empty_label=_("All"))
    agency = django_filters.ModelChoiceFilter(label=_("Responsible agency"), queryset=Agency.objects.order_by("name"),
                                              empty_label=_("All"))
    behind = django_filters.ChoiceFilter(
        label=_("Progress"), choices=[(BEHIND, _("Behind plan")), (ON_TRACK, _("Not behind plan"))],
        method="by_progress", empty_label=_("All"),
    )

    class Meta:
        model = Project
        fields = ["group", "funding", "agency", "behind"]

    def by_progress(self, queryset, name, value):
        if value not in (BEHIND, ON_TRACK):
            return queryset
        behind = [a.project for a in assessment_for(self.request).projects if a.behind]
        return queryset.filter(pk__in=behind) if value == BEHIND else queryset.exclude(pk__in=behind)
