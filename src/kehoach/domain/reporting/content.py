"""The whole report as plain data: title, sections in order, the appendix's indicator rows."""

from __future__ import annotations

from kehoach.domain.units import unit_label

from .model import IndicatorInput, IndicatorRow, ReportContent, ReportInput, Section
from .narrative import narratives
from .overview import OVERVIEW_HEADING, next_heading, next_parts, overview_parts, summary_line
from .periods import report_period, subject, title
from .prose import attention_paragraphs, indicator_paragraph, projects_paragraphs, rating_words, tasks_paragraphs

HEADINGS = (
    "I. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU",
    "II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ",
    "III. TÌNH HÌNH THỰC HIỆN CÁC DỰ ÁN TRỌNG ĐIỂM",
    f"IV. {OVERVIEW_HEADING}",
    "V. {next}",  # overview.next_heading: "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG TỚI"
    "VI. MỘT SỐ VẤN ĐỀ ĐỀ NGHỊ LÃNH ĐẠO QUAN TÂM CHỈ ĐẠO",
)


def main_indicators(report: ReportInput) -> tuple[IndicatorInput, ...]:
    """The main indicators (no parent), in the order given."""
    return tuple(i for i in report.indicators if i.indicator.parent is None)


def indicator_row(number: int, item: IndicatorInput, closing: bool = False) -> IndicatorRow:
    a = item.assessment
    return IndicatorRow(
        number=number, key=item.indicator.key, name=item.indicator.name,
        unit=unit_label(item.indicator.unit, item.indicator.kind.value),
        target_text=item.target_text, period_label=a.period.label_vi if a.period else "",
        scenario=a.scenario, actual=a.actual, qualifier=a.qualifier, ytd=a.ytd_actual,
        pct_of_year_target=a.pct_of_year_target, rating=rating_words(item, closing),
    )


def build(report: ReportInput) -> ReportContent:
    period = report_period(report.as_of, report.kind)
    indicators = main_indicators(report)
    closing = report.kind == "year"  # the year report judges the year: verdicts, not the trajectory
    indicator_text = tuple(f"{n}. {indicator_paragraph(i, closing)}" for n, i in enumerate(indicators, 1))
    sections = (
        Section(HEADINGS[0], (summary_line(indicators, closing), *indicator_text)),
        Section(HEADINGS[1], tasks_paragraphs(report.tasks)),
        Section(HEADINGS[2], projects_paragraphs(report.projects)),
        Section(HEADINGS[3], (), overview_parts(indicators, report.tasks, report.projects, report.explanations)),
        Section(HEADINGS[4].format(next=next_heading(report.kind, period)), (),
                next_parts(report.kind, period, indicators, report.tasks, report.explanations)),
        Section(HEADINGS[5], attention_paragraphs(indicators, report.tasks, report.projects)),
    )
    return ReportContent(
        title=title(report.kind, period), period=period, as_of=report.as_of, sections=sections,
        indicator_rows=tuple(indicator_row(n, i, closing) for n, i in enumerate(indicators, 1)),
        tasks=report.tasks, projects=report.projects,
        narrative=narratives(report.progress_notes), subject=subject(report.kind, period),
    )
