"""The rules of actual figures: the ONE place where a figure is recorded, revised, submitted and approved.

* ``record_figure`` records a value for (indicator, period, scope). When that key has no current
  figure, the new one is version 1 (or the next version after earlier, non-current ones). When
  it has one with the same value, qualifier and source, nothing changes (``unchanged``): this is
  what makes a re-import idempotent. Otherwise the new value is a new version: the old row is
  kept with ``is_current`` False (so it stays in the table and its history) and is never
  overwritten, whatever its status.
* ``submit`` moves a current draft to submitted. A figure rated chậm or nguy cơ (the rating of
  :mod:`kehoach.domain.assessment.rules`) needs its explanation first: causes, difficulties and
  proposals (nguyên nhân, khó khăn vướng mắc, đề xuất); otherwise ``ExplanationRequired``.
  ``rating_if_counted`` is that rating: the indicator assessed as ``kehoach assess`` would, with
  the figure counted as if it were approved.
* ``approve`` moves a current submitted figure to approved; the user needs the permission
  ``figures.approve_actualfigure`` (given to Sở Tài chính's staff). ``send_back`` returns it to
  the agency with a reason instead; the agency corrects it and submits it again. These steps are
  the review workflow's (:mod:`kehoach.apps.review.services`), the same for progress updates.
* ``publish`` shows an approved figure on the public page (Sở Tài chính only); a revision is a
  new version and is not public until it is approved and published in its turn.
* a value is put in the indicator's unit and form before it is recorded
  (``kehoach.apps.indicators.values.canonical_value``).
* ``to_domain`` gives the assessment the same figure as a plain ``domain.assessment.model.ActualFigure``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.apps import locking
from kehoach.apps.accounts import roles
from kehoach.apps.documents.upsert import to_decimal
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.indicators.models import Indicator
from kehoach.apps.review import services as review
from kehoach.apps.review.services import ExplanationRequired, WorkflowError  # noqa: F401 (the review's, re-exported)
from kehoach.domain import entities as e
from kehoach.domain.assessment import explanation
from kehoach.domain.assessment import model as m
from kehoach.domain.assessment.explanation import EXPLANATION_FIELDS
from kehoach.domain.assessment.rules import Rating

APPROVE_PERMISSION = ActualFigure.approve_permission
CREATED, REVISED, UPDATED, UNCHANGED = "created", "revised", "updated", "unchanged"
# What makes two versions "the same figure": a re-import that matches on these changes nothing.
SAME_FIGURE_FIELDS = ("comparator", "low", "high", "qualifier", "source")
# What a draft's agency may still complete in place when the figure itself is the same.
WORDING_FIELDS = ("text", "unit_text", "comparison", "published", "reporting_agency", "entered_by", "cause",
                  "difficulties", "proposals")


@dataclass(frozen=True)
class Recorded:
    """What ``record_figure`` did: ``action`` is ``created``, ``revised``, ``updated`` or ``unchanged``;
    ``previous``: the key's current figure as it was before (None: there was none)."""

    figure: ActualFigure
    action: str
    previous: ActualFigure | None = None


# Recording --------------------------------------------------------------------------------------


def record_figure(
    indicator: Indicator,
    period: str,
    scope: str,
    *,
    comparator: str = e.Comparator.EQ.value,
    low: Decimal | None = None,
    high: Decimal | None = None,
    text: str = "",
    qualifier: str = "",
    unit_text: str = "",
    comparison: str = "",
    source: str = "",
    published: date | None = None,
    reporting_agency=None,
    entered_by=None,
    status: str = m.FigureStatus.DRAFT.value,
    cause: str = "",
    difficulties: str = "",
    proposals: str = "",
    expected_version: int | None = None,
    edited: ActualFigure | None = None,
) -> Recorded:
    """Record a figure: a new one, a new version of the current one, or nothing when it is the same.

    A draft (or returned) entry is the agency's own until it is submitted: when the key's current
    figure is one, the same figure entered again as a draft completes it in place (its wording,
    explanation, publication date: ``updated``; ``unchanged`` when those are the same too).

    ``expected_version``: the ``row_version`` the user saw of ``edited`` (the figure opened in a
    form; default: the key's current figure); ``Conflict`` when it has changed since (or a figure
    was recorded for a key that had none).

    ``low``/``high`` must already be in the indicator's unit and canonical form (``indicators.values.canonical_value``).
    ``status`` is ``draft`` for an entry, ``approved`` for a figure already published officially.
    """
    try:
        code = m.FigurePeriod.parse(period).code
    except ValueError as exc:
        raise ValidationError(_("Not a period code: %(period)s"), code="period", params={"period": period}) from exc
    if qualifier not in ("", *m.QUALIFIERS):
        raise ValidationError(
            _("The qualifier must be one of: ước, hơn, trên, gần, khoảng (or empty)."), code="qualifier"
        )
    status = m.FigureStatus(status).value
    values: dict[str, Any] = {
        "comparator": e.Comparator(comparator).value,
        "low": to_decimal(low),
        "high": to_decimal(high),
        "text": text,
        "qualifier": qualifier,
        "unit_text": unit_text,
        "comparison": comparison,
        "source": source,
        "published": published,
        "reporting_agency": reporting_agency,
        "entered_by": entered_by,
        "review_status": status,
        "cause": cause,
        "difficulties": difficulties,
        "proposals": proposals,
    }
    key = {"indicator": indicator, "period": code, "scope": scope}
    with transaction.atomic():
        if edited is not None:
            claim(edited, expected_version)
        current = ActualFigure.objects.select_for_update().filter(**key, is_current=True).first()
        before = copy.copy(current)  # the key's figure as it was: ``Recorded.previous``
        if expected_version is not None and edited is None:
            if current is None:
                raise locking.Conflict(None)
            claim(current, expected_version)
        if current is not None and all(getattr(current, f) == values[f] for f in SAME_FIGURE_FIELDS):
            if status != m.FigureStatus.DRAFT or not current.editable or \
                    all(getattr(current, f) == values[f] for f in WORDING_FIELDS):
                return Recorded(current, UNCHANGED, before)
            for name in WORDING_FIELDS:
                setattr(current, name, values[name])
            current.save()
            return Recorded(current, UPDATED, before)
        last = ActualFigure.objects.filter(**key).aggregate(last=Max("version"))["last"] or 0
        if current is not None:
            current.is_current = False  # kept as it was: a revision never overwrites a figure
            current.save(update_fields=["is_current"])
            values["row_version"] = current.row_version + 1  # the key's edit version keeps going up
        now = timezone.now()
        if status in (m.FigureStatus.SUBMITTED, m.FigureStatus.APPROVED):
            values.update(submitted_by=entered_by, submitted_at=now)
        if status == m.FigureStatus.APPROVED:
            values.update(approved_by=entered_by, approved_at=now)
        figure = ActualFigure.objects.create(**key, **values, entered_at=now, version=last + 1, is_current=True)
    return Recorded(figure, REVISED if current is not None else CREATED, before)


def claim(figure: ActualFigure, expected_version: int | None) -> None:
    """``Conflict`` unless the figure is still at ``expected_version``; the conflict shows the key's
    current figure (another user's new version supersedes the one that was being edited)."""
    try:
        locking.claim(figure, expected_version)
    except locking.Conflict as exc:
        newer = ActualFigure.objects.filter(indicator_id=figure.indicator_id, period=figure.period,
                                            scope=figure.scope, is_current=True).first()
        raise locking.Conflict(newer or exc.current) from None


# Workflow: the review service's steps, with a figure's judgement -----------------------------------


def needs_explanation(rating: Rating | str | None) -> bool:
    """True for chậm and nguy cơ: the ratings that require causes, difficulties and proposals."""
    return explanation.needs_explanation(Rating(rating) if rating is not None else None)


def missing_explanation(figure: ActualFigure) -> list[str]:
    return explanation.missing_explanation({name: getattr(figure, name) for name in EXPLANATION_FIELDS})


def rating_if_counted(figure: ActualFigure, as_of: date | None = None) -> Rating:
    """The rating the figure's indicator would have if the figure counted (see ``ratings_if_counted``)."""
    return ratings_if_counted([figure], as_of)[figure.pk]


def ratings_if_counted(figures, as_of: date | None = None, snapshot=None) -> dict[int, Rating]:
    """The rating each figure would give its indicator, as the assessment would (default: today).

    The figure is taken as approved and published by ``as_of``, in place of the other versions of
    the same (indicator, period, scope), beside the indicator's stored figures up to its period's
    end (later periods are left out, so that it is this figure that is rated), in the plan of the
    figure's own year. ``snapshot`` (``kehoach.apps.assessment.snapshot.load()``) saves the reads
    when many figures are rated at once.
    """
    # A wrong-way import listed in pyproject's ignore_imports (the assessment sits above figures): the
    # judgement belongs in the assessment and moves there with its callers (issue 11, not yet done).
    from kehoach.apps.assessment.models import AssessmentSettings
    from kehoach.apps.assessment.snapshot import indicator_plan, territories
    from kehoach.domain.assessment import assess_indicator

    as_of = as_of or timezone.localdate()
    thresholds = AssessmentSettings.current()
    out: dict[int, Rating] = {}
    places = snapshot.territories if snapshot is not None else territories()
    for figure in figures:
        counted = to_domain(figure)
        counted = replace(counted, status=m.FigureStatus.APPROVED, published=min(counted.published, as_of))
        if snapshot is not None:
            indicator = next(i for i in snapshot.indicators if i.key == counted.indicator)
            targets, scenarios, stored = snapshot.targets, snapshot.scenarios, snapshot.figures
        else:
            indicator, targets, scenarios = indicator_plan(figure.indicator)
            rows = ActualFigure.objects.filter(indicator_id=figure.indicator_id).select_related("indicator")
            stored = [to_domain(row) for row in rows]
        others = [f for f in stored if f.indicator == counted.indicator and f.identity != counted.identity
                  and f.period.end <= counted.period.end]
        day = min(as_of, date(counted.period.year, 12, 31))
        out[figure.pk] = assess_indicator(indicator, scenarios, targets, [*others, counted], day, thresholds,
                                          places).rating
    return out


def submit(figure: ActualFigure, user, rating: Rating | str | None = None) -> ActualFigure:
    """Draft (or returned) → submitted. ``rating`` is the figure's rating; chậm or worse needs the explanation."""
    return review.submit(figure, user, Rating(rating) if rating is not None else None)


def approve(figure: ActualFigure, user) -> ActualFigure:
    """Submitted → approved, by a user allowed to approve figures (Sở Tài chính)."""
    return review.approve(figure, user)


def send_back(figure: ActualFigure, user, reason: str) -> ActualFigure:
    """Submitted → returned with a reason, by Sở Tài chính: the agency corrects and submits it again."""
    return review.send_back(figure, user, reason)


def publish(figure: ActualFigure, user, public: bool = True) -> ActualFigure:
    """Show an approved figure on the public page (or withdraw it), by Sở Tài chính only."""
    if user is None or not user.has_perm(APPROVE_PERMISSION):
        raise PermissionDenied(_("Only Sở Tài chính may publish figures."))
    with transaction.atomic():
        figure = review.locked(figure)
        if public and figure.review_status != m.FigureStatus.APPROVED:
            raise WorkflowError(_("Only an approved figure can be published."), code="not_approved")
        roles.check_maker_checker(figure, user, "publish")
        figure.public = public
        figure.save()
    return figure


# Domain -----------------------------------------------------------------------------------------


def to_domain(figure: ActualFigure) -> m.ActualFigure:
    """The assessment's ``ActualFigure``: key of the indicator, period, value in the indicator's unit, status, version.

    ``published`` falls back to the day the figure was entered when the publication date is unknown.
    """
    published = figure.published or timezone.localdate(figure.entered_at)
    value = e.Value(
        text=figure.text, comparator=e.Comparator(figure.comparator), low=figure.low, high=figure.high
    )
    return m.ActualFigure(
        indicator=figure.indicator.key,
        period=m.FigurePeriod.parse(figure.period),
        value=value,
        scope=figure.scope,
        published=published,
        qualifier=figure.qualifier,
        status=m.FigureStatus(figure.review_status),
        version=figure.version,
        source=figure.source,
    )
