"""Chỉ tiêu: the list of indicators with their rating as of a date, one indicator's page (rating,
chart, table by period, targets, figure versions, directives and comments) and the form that adds
a directive or comment."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kehoach.apps.accounts import roles
from kehoach.apps.assessment.charts import indicator_trend_chart
from kehoach.apps.assessment.evaluate import assessment_for
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.forms import KIND_LABELS, CommentForm, comment_kinds
from kehoach.apps.indicators.models import Indicator, Target
from kehoach.apps.indicators.tables import (
    IndicatorTable,
    approx,
    document_label,
    figure_revisions,
    indicator_rows,
    period_table,
    target_history,
)
from kehoach.apps.monitoring.indicators.filtersets import IndicatorFilterSet
from kehoach.apps.steering.models import Comment
from kehoach.charts import to_svg
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.assessment.series import period_rows
from kehoach.web.views.generic import ObjectListView, ObjectView


class IndicatorListView(ObjectListView):
    filterset = IndicatorFilterSet
    table = IndicatorTable
    template_name = "indicators/indicator_list.html"
    per_page = 500  # one page: the groups stay whole

    @property
    def title(self):
        return _("Indicators")

    def get_queryset(self):
        year_targets = Target.objects.filter(year=self.as_of.year, superseded_by__isnull=True) \
            .select_related("document")
        return Indicator.objects.prefetch_related(Prefetch("targets", queryset=year_targets, to_attr="year_targets"))

    def get_table_data(self, queryset):
        assessment = assessment_for(self.request)
        parents = {i.key: i.parent for i in assessment.snapshot.indicators}
        self.rows = indicator_rows(queryset, assessment, parents)
        return self.rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = Counter(r.assessment.rating for r in self.rows if r.assessment)
        context.update(active="indicators", year=self.as_of.year,
                       rating_counts=[(r, counts[r]) for r in Rating if counts.get(r)])
        return context


class IndicatorView(ObjectView):
    model = Indicator
    slug_field = "key"
    slug_url_kwarg = "key"
    template_name = "indicators/indicator_detail.html"

    def get_queryset(self):
        return Indicator.objects.select_related("parent").prefetch_related(
            "monitoring_agencies",
            Prefetch("children", queryset=Indicator.objects.order_by("key")),
            Prefetch("targets", queryset=Target.objects.select_related("document", "superseded_by__document")),
            Prefetch("actual_figures", queryset=ActualFigure.objects.select_related(
                "entered_by", "approved_by", "reporting_agency")),
            Prefetch("comments", queryset=Comment.objects.select_related("author", "acknowledged_by")),
        )

    def comment_form(self, indicator, data=None):
        kinds = comment_kinds(self.request.user, indicator)
        return CommentForm(data, kinds=kinds, prefix="comment") if kinds else None

    def extra_context_for(self, indicator) -> dict:
        as_of = self.as_of
        user = self.request.user
        result = assessment_for(self.request)
        snap = result.snapshot
        domain = next(i for i in snap.indicators if i.key == indicator.key)
        a = next((x for x in result.indicators if x.indicator == indicator.key), None)
        year = a.period.year if a and a.period else as_of.year
        monitoring = list(indicator.monitoring_agencies.all())
        may_see_drafts = roles.sees_everything(user) or roles.may_report_any(user, [m.pk for m in monitoring])
        plan_scope = a.scope if a else ""
        return {
            "active": "indicators",
            "title": indicator.name,
            "a": a,
            "year": year,
            "approx": _approx_measures(a),
            "chart": to_svg(indicator_trend_chart(snap, domain, as_of, year)),
            "periods": period_table(period_rows(domain, snap.scenarios, snap.figures, as_of, year), plan_scope),
            "plan_scope": plan_scope,
            "targets": [(line, document_label(line.target.document),
                         document_label(line.superseded_by.document) if line.superseded_by else "")
                        for line in target_history(indicator.targets.all())],
            "figures": figure_revisions(indicator.actual_figures.all(), may_see_drafts),
            "monitoring": monitoring,
            "children": list(indicator.children.all()),
            "comments": [(c, KIND_LABELS.get(c.kind, c.kind)) for c in indicator.comments.all()],
            "comment_form": self.comment_form(indicator),
            "may_revise": roles.may_revise_targets(self.request.user),
        }


def _approx_measures(a) -> dict:
    """The assessment's computed numbers, rounded as its sentences print them."""
    if a is None:
        return {}
    names = ("ytd_actual", "ytd_scenario", "annual_target", "pct_of_year_target", "required_rest", "planned_rest",
             "projection", "gap")
    return {name: approx(getattr(a, name)) for name in names}


class CommentView(IndicatorView):
    """POST only: add a directive or comment to the indicator; 403 for those who may not."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = indicator = self.get_object()
        kinds = comment_kinds(request.user, indicator)
        if not kinds or request.POST.get("comment-kind", kinds[0]) not in kinds:
            raise PermissionDenied
        form = self.comment_form(indicator, request.POST)
        if form.is_valid():
            comment = form.save(indicator, request.user)
            messages.success(request, _("The directive was added.") if comment.kind == Comment.DIRECTIVE
                             else _("The comment was added."))
            return redirect(f"{indicator.get_absolute_url()}#comments")
        context = self.get_context_data(object=indicator)
        context["comment_form"] = form
        return self.render_to_response(context)
