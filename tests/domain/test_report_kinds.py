"""The one table of report kinds: each kind's report covers a period of that kind, and its file is named after it."""

from datetime import date

from kehoach.domain.assessment.calendar import REPORT_KINDS
from kehoach.domain.report_kinds import BY_CODE, CODES
from kehoach.domain.reporting import KINDS, report_period


def test_the_reports_and_the_obligations_know_the_same_kinds():
    assert KINDS == REPORT_KINDS == CODES == ("month", "quarter", "h1", "9m", "year")


def test_a_report_covers_a_period_of_its_kind_and_names_its_file_after_it():
    as_of = date(2025, 8, 6)
    stems = {code: BY_CODE[code].file_stem(report_period(as_of, code)) for code in CODES}
    assert all(report_period(as_of, code).kind == code for code in CODES)
    assert stems == {"month": "thang-07-2025", "quarter": "quy-2-2025", "h1": "6-thang-2025",
                     "9m": "9-thang-2024", "year": "nam-2024"}
