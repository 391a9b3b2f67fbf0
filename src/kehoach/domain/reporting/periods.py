"""The period a report covers: the latest period of its kind that has ended by the as-of date."""

from __future__ import annotations

from datetime import date

from kehoach.domain.periods import Period, period_name
from kehoach.domain.report_kinds import CODES

KINDS = CODES  # the kinds of report (domain.report_kinds)
SUBJECT = "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội"
TITLE = f"Báo cáo {SUBJECT[0].lower()}{SUBJECT[1:]}"


def _candidates(kind: str, year: int) -> list[Period]:
    if kind == "month":
        return [Period.of_month(year, m) for m in range(1, 13)]
    if kind == "quarter":
        return [Period.of_quarter(year, q) for q in range(1, 5)]
    if kind == "h1":
        return [Period.first_half(year)]
    if kind == "9m":
        return [Period.nine_months(year)]
    if kind == "year":
        return [Period.of_year(year)]
    raise ValueError(f"unknown report kind {kind!r}: expected one of {', '.join(KINDS)}")


def report_period(as_of: date, kind: str) -> Period:
    """As of 06/08/2025: month -> July 2025, quarter -> Q2 2025, h1 -> 2025-H1, 9m -> 2024-9M, year -> 2024."""
    for year in (as_of.year, as_of.year - 1):
        ended = [p for p in _candidates(kind, year) if p.end <= as_of]
        if ended:
            return ended[-1]
    return _candidates(kind, as_of.year - 1)[-1]


def period_phrase(kind: str, period: Period) -> str:
    """ "tháng 7 năm 2025", "quý II năm 2025", "6 tháng đầu năm 2025", "9 tháng năm 2025", "năm 2025"
    (``periods.period_name`` in a sentence; ``kind`` is the report's and must be the period's)."""
    if kind not in KINDS:
        raise ValueError(f"unknown report kind {kind!r}: expected one of {', '.join(KINDS)}")
    return period_name(period.start, period.end, in_sentence=True)


def title(kind: str, period: Period) -> str:
    """ "Báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã hội tháng 7 năm 2025"."""
    return f"{TITLE} {period_phrase(kind, period)}"


def subject(kind: str, period: Period) -> str:
    """The subject line under "BÁO CÁO" (trích yếu, Nghị định 30/2020): "Tình hình thực hiện kế hoạch phát
    triển kinh tế - xã hội tháng 7 năm 2025"."""
    return f"{SUBJECT} {period_phrase(kind, period)}"


def document_date(day: date) -> tuple[str, str, str]:
    """Day, month and year as the place and date line of an administrative document writes them
    (Nghị định 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months 1 and 2 take a leading
    zero): 06/08/2025 -> ("06", "8", "2025"), 15/02/2025 -> ("15", "02", "2025")."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}", month, str(day.year)
