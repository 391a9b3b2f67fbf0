"""The one table of the kinds of periodic report: monthly, quarterly, six-month, nine-month, annual.

A kind's ``code`` is what the command line (``kehoach report --kind``), the API (``?kind=``), the
download form and the reporting obligations store; it is also the kind of the period the report
covers (``domain.periods``). ``label`` is the English message id the pages translate ("Monthly
report" → "Báo cáo tháng"); ``period_label`` names the period in the obligations' form;
``file_stem`` names the downloaded file after the period it covers.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach.domain.periods import H1, MONTH, NINE_MONTHS, QUARTER, YEAR, Period


@dataclass(frozen=True)
class ReportKind:
    code: str
    label: str  # English message id of the report (translated by the pages)
    period_label: str  # English message id of its period
    stem: str  # the file name's stem, formatted with the period's ``index`` and ``year``

    def file_stem(self, period: Period) -> str:
        return self.stem.format(index=period.index, year=period.year)


REPORT_KINDS = (
    ReportKind(MONTH, "Monthly report", "Month", "thang-{index:02d}-{year}"),
    ReportKind(QUARTER, "Quarterly report", "Quarter", "quy-{index}-{year}"),
    ReportKind(H1, "Six-month report", "First 6 months", "6-thang-{year}"),
    ReportKind(NINE_MONTHS, "Nine-month report", "9 months", "9-thang-{year}"),
    ReportKind(YEAR, "Annual report", "Year", "nam-{year}"),
)
CODES = tuple(kind.code for kind in REPORT_KINDS)  # ("month", "quarter", "h1", "9m", "year")
BY_CODE = {kind.code: kind for kind in REPORT_KINDS}
