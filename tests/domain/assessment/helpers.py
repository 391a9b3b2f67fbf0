"""Building blocks for the assessment tests: figures as the city published them."""

from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from kehoach.domain.assessment import ActualFigure, FigurePeriod, FigureStatus, assess_indicator
from kehoach.domain.entities import Comparator, Value
from kehoach.domain.importer import inspect_files
from kehoach.domain.territories import scope_for

OLD_CITY = scope_for("Hải Phòng", date(2025, 1, 1))  # "Hải Phòng (trước 01/07/2025)"
MERGED_CITY = scope_for("Hải Phòng", date(2025, 7, 1))  # "Hải Phòng (từ 01/07/2025)"

KE_HOACH_86 = Path(__file__).resolve().parents[3] / "src" / "kehoach" / "sample_data" / "ke-hoach-86-KH-UBND-2025.txt"


@cache
def plan():
    return inspect_files([KE_HOACH_86])


def indicator(key):
    return next(i for i in plan().indicators if i.key == key)


def value(number) -> Value:
    n = Decimal(str(number))
    return Value(text=str(number), comparator=Comparator.EQ, low=n, high=n)


def figure(key, period, number, published, qualifier="", scope=OLD_CITY, **kw) -> ActualFigure:
    return ActualFigure(
        indicator=key,
        period=FigurePeriod.parse(period),
        value=value(number),
        scope=scope,
        published=published,
        qualifier=qualifier,
        **kw,
    )


def assess(key, figures, as_of, **kw):
    p = plan()
    return assess_indicator(indicator(key), p.scenarios, p.targets, figures, as_of, **kw)


def pct1(x: Decimal) -> Decimal:
    """A percentage rounded to one decimal, as the reason prints it."""
    return x.quantize(Decimal("0.1"))


def r2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"))


__all__ = ["FigureStatus", "MERGED_CITY", "OLD_CITY", "assess", "figure", "indicator", "pct1", "plan", "r2", "value"]
