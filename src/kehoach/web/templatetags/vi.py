"""Template filters for Vietnamese display: vi-VN numbers (``1.234,5``), dates (``dd/mm/yyyy``),
ratings and task statuses as colour classes.

    {% load vi %}
    {{ value|vn_number }}  {{ value|vn_number:2 }}  {{ ratio|vn_percent }}  {{ day|vn_date }}
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.utils import timezone

from kehoach.domain.assessment.model import period_label
from kehoach.domain.numbers import format_number
from kehoach.domain.units import unit_label as _unit_label

register = template.Library()


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def vn_number(value, places=None) -> str:
    """``116387.596`` -> ``116.387,596``; with ``places``, rounded (half up) to that many decimals.
    The formatting itself is the domain's (``kehoach.domain.numbers.format_number``)."""
    number = _decimal(value)
    if number is None:
        return "" if value is None else str(value)
    if places not in (None, ""):
        return format_number(number, int(places))
    if number == number.to_integral_value():
        return format_number(number, 0)
    return format_number(number.normalize())


@register.filter
def vn_percent(value, places=1) -> str:
    """A percentage already in % (``91.02`` -> ``91,0%``)."""
    text = vn_number(value, places)
    return f"{text}%" if text else ""


@register.filter
def vn_date(value) -> str:
    """``dd/mm/yyyy``; a datetime in the local time zone as ``dd/mm/yyyy HH:MM``."""
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


@register.filter
def period(value) -> str:
    """A period as a person says it: ``{{ "2025-H1"|period }}`` -> "6 tháng đầu năm 2025"; a ``Period``
    or ``FigurePeriod`` too (``kehoach.domain.periods.period_name``)."""
    if value is None or value == "":
        return ""
    label = getattr(value, "label_vi", None)
    return label if isinstance(label, str) else period_label(str(value))


@register.filter
def unit_label(value) -> str:
    """An indicator's unit (``{{ indicator|unit_label }}``: its kind decides an index's) or a unit as
    written (``{{ f.unit_text|unit_label }}``) as a person reads it (``domain.units.unit_label``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _unit_label(value)
    kind = getattr(value, "kind", None)
    return _unit_label(getattr(value, "unit", "") or "", getattr(kind, "value", kind))


RATING_CLASSES = {
    "dat": "good", "cham_nhe": "slight", "cham": "behind", "nguy_co": "risk",
    "khong_so_sanh": "neutral", "chua_co_so_lieu": "none",
}
STATUS_CLASSES = {
    "hoan_thanh_dung_han": "good", "hoan_thanh_qua_han": "slight", "dang_thuc_hien_trong_han": "neutral",
    "sap_den_han": "behind", "qua_han": "risk", "chua_den_han": "none", "cho_dieu_kien": "none",
    "qua_han_chua_bao_cao": "risk", "chua_bao_cao": "behind",
}


@register.filter
def rating_class(rating) -> str:
    return "rating-" + RATING_CLASSES.get(getattr(rating, "value", rating), "none")


@register.filter
def status_class(status) -> str:
    return "rating-" + STATUS_CLASSES.get(getattr(status, "value", status), "none")


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (pagination, sorting)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


@register.filter
def get_item(mapping, key):
    """``{{ counts|get_item:key }}``: a dictionary's value in a template."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def model_verbose(model) -> str:
    """A model class's verbose name, capitalised."""
    return str(model._meta.verbose_name).capitalize()
