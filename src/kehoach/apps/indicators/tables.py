"""What the indicators pages show, row by row.

* ``IndicatorTable``: the list, grouped by group (kinh tế, xã hội, môi trường), each indicator
  followed by its sub-indicators; ``indicator_rows`` builds its rows from the filtered indicators
  and the assessment.
* ``period_table``, ``target_history``, ``figure_revisions``: the tables of one indicator's page.

Nothing here rates or computes: ratings, year to date, required rest and projections come from
the assessment (``kehoach.apps.assessment.evaluate.assess_all``), the trajectory against actual
from ``kehoach.domain.assessment.series.period_rows``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from kehoach.apps.indicators.models import BASIS_CHOICES, GROUP_CHOICES, Indicator, Target
from kehoach.domain.assessment.model import FigurePeriod, FigureStatus, IndicatorAssessment, period_label
from kehoach.domain.assessment.series import PeriodRow
from kehoach.web.asof import as_of_for
from kehoach.web.templatetags.vi import rating_class, vn_date, vn_number

GROUP_ORDER = {value: n for n, (value, _label) in enumerate(GROUP_CHOICES)}
BASIS_ORDER = {value: n for n, (value, _label) in enumerate(BASIS_CHOICES)}
GROUP_LABELS = dict(GROUP_CHOICES)


def approx(value: Decimal | None) -> Decimal | None:
    """A computed number as the assessment's sentences print it: whole from 1.000 up, else two decimals at most."""
    if value is None:
        return None
    value = Decimal(value)
    if abs(value) >= 1000:
        return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return rounded.normalize() if rounded != rounded.to_integral_value() else rounded.quantize(Decimal(1))



# The list ---------------------------------------------------------------------------------------


@dataclass
class IndicatorRow:
    indicator: Indicator
    depth: int  # 0 for a main indicator, 1 for a sub-indicator, 2 for a sub-sub-indicator
    assessment: IndicatorAssessment | None
    targets: list[Target]
    headings: list[tuple[int, str]] = field(default_factory=list)  # group headings starting at this row

    @property
    def group(self) -> str:
        return self.indicator.group


def indicator_rows(indicators, assessment, parents: dict[str, str | None]) -> list[IndicatorRow]:
    """The filtered indicators in list order: by group, each followed by its sub-indicators.

    ``indicators`` have ``year_targets`` prefetched; ``parents`` maps every indicator's key to its
    parent's key (all indicators, so a sub-indicator keeps its place when its parent is filtered out).
    """
    by_key = {a.indicator: a for a in assessment.indicators}

    def path(key: str) -> tuple[str, ...]:
        chain, seen = [key], {key}
        while (parent := parents.get(chain[-1])) and parent not in seen:
            chain.append(parent)
            seen.add(parent)
        return tuple(reversed(chain))

    ordered = sorted(indicators, key=lambda i: (GROUP_ORDER.get(i.group, 99), path(i.key)))
    rows, group = [], None
    for indicator in ordered:
        targets = sorted(getattr(indicator, "year_targets", []), key=lambda t: (
            BASIS_ORDER.get(t.basis, 99), t.scope, t.document.date or date.min))
        row = IndicatorRow(indicator, len(path(indicator.key)) - 1, by_key.get(indicator.key), targets)
        if indicator.group != group:
            group = indicator.group
            row.headings.append((1, GROUP_LABELS.get(group, group)))
        rows.append(row)
    return rows


def _targets_html(targets: list[Target]) -> str:
    """Each target as written, with its basis (and its scope when it is not the document's)."""
    if not targets:
        return "—"
    return format_html_join("", '<div class="target">{}{} <span class="muted small">({}{})</span></div>', (
        (t.text or "—", f" {t.source_unit}" if t.source_unit else "", t.get_basis_display(),
         f"; {t.scope}" if t.scope and t.scope != t.document.scope else "")
        for t in targets
    ))


class IndicatorTable(tables.Table):
    name = tables.Column(verbose_name=_("Indicator"), accessor="indicator", orderable=False)
    unit = tables.Column(verbose_name=_("Unit"), accessor="indicator__unit", orderable=False)
    kind = tables.Column(verbose_name=_("Kind of measure"), accessor="indicator", orderable=False)
    targets = tables.Column(verbose_name=_("Target of the year"), accessor="targets", orderable=False,
                            empty_values=())
    actual = tables.Column(verbose_name=_("Latest actual"), accessor="assessment", orderable=False,
                           empty_values=(), attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    rating = tables.Column(verbose_name=_("Rating"), accessor="assessment", orderable=False, empty_values=())

    class Meta:
        template_name = "web/grouped_table.html"
        orderable = False
        attrs = {"id": "indicators", "class": "table"}
        row_attrs = {
            "data-indicator": lambda record: record.indicator.key,
            "data-rating": lambda record: record.assessment.rating.value if record.assessment else "",
            "class": lambda record: f"depth-{record.depth}" if record.depth else "",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = getattr(self, "request", None)
        if request is not None:
            year = as_of_for(request).year
            self.columns["targets"].column.verbose_name = _("Target %(year)s") % {"year": year}

    def render_name(self, value, record):
        indent = format_html(' style="padding-left:{}em"', record.depth * 1.5) if record.depth else ""
        marker = "↳ " if record.depth else ""
        return format_html('<span{}>{}<a href="{}">{}</a></span>', indent, marker,
                           reverse("indicators:detail", args=[value.key]), value.name)

    def render_kind(self, value):
        return value.get_kind_display()

    def render_targets(self, value):
        return _targets_html(value)

    def render_actual(self, value, record):
        if value is None or value.actual is None:
            return "—"
        unit = record.indicator.unit
        scope = value.figure_scope if value.figure_scope and value.figure_scope != value.scope else ""
        return format_html(
            '{}{}{}<br><span class="muted small">{}{}</span>',
            f"{value.qualifier} " if value.qualifier else "", vn_number(value.actual),
            format_html(' <span class="small">{}</span>', unit) if unit else "",
            value.period.label_vi if value.period else "",
            format_html('<br><span class="scope">{}</span>', scope) if scope else "",
        )

    def value_actual(self, value):
        """The download's cell (?export=): the number itself (the unit is its own column)."""
        return None if value is None else value.actual

    def render_rating(self, value):
        if value is None:
            return format_html('<span class="muted small">{}</span>', _("Not assessed"))
        return format_html('<span class="badge {}" title="{}">{}</span>', rating_class(value.rating),
                           value.reason, value.rating.label)


# One indicator ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodLine:
    label: str
    code: str
    scenario: Decimal | None
    scenario_text: str
    actuals: list  # (qualifier, value text, scope, off-scope?)


def period_table(rows: list[PeriodRow], plan_scope: str) -> list[PeriodLine]:
    """The trajectory against actual by period; every actual with its qualifier and scope."""
    lines = []
    for row in rows:
        actuals = [(f.qualifier, f.value.text or vn_number(f.value.low), f.scope,
                    bool(plan_scope) and f.scope != plan_scope) for f in row.figures]
        lines.append(PeriodLine(row.period.label_vi, row.period.code, row.scenario, row.scenario_text, actuals))
    return lines


@dataclass(frozen=True)
class TargetLine:
    target: Target
    current: bool
    superseded_by: Target | None


def target_history(targets) -> list[TargetLine]:
    """Every target of the indicator, superseded ones too: newest year first, then basis and document date."""
    ordered = sorted(targets, key=lambda t: (-t.year, t.basis, t.scope, -(t.document.date.toordinal()
                                                                         if t.document.date else 0)))
    return [TargetLine(t, t.superseded_by_id is None, t.superseded_by) for t in ordered]


def document_label(document) -> str:
    """ "619-BC/TU, 03/12/2024"."""
    name = document.number or document.file_name or str(document)
    return f"{name}, {vn_date(document.date)}" if document.date else name


@dataclass(frozen=True)
class FigureLine:
    figure: object  # ActualFigure
    period_label: str


def figure_revisions(figures, show_unapproved: bool) -> list[FigureLine]:
    """Every version of every figure (current and old), by period, scope and newest version first.

    Drafts and submitted versions only for those who may see them (``show_unapproved``).
    """
    def order(f):
        try:
            span = FigurePeriod.parse(f.period)
        except ValueError:
            return (1, date.max, 0, f.scope, -f.version)
        return (0, span.end, -span.start.toordinal(), f.scope, -f.version)

    kept = sorted((f for f in figures if show_unapproved or f.review_status == FigureStatus.APPROVED.value), key=order)
    return [FigureLine(f, period_label(f.period)) for f in kept]
