"""The whole report as plain data: title, sections in order, the appendix's indicator rows."""

from __future__ import annotations

from kehoach.domain.units import unit_label

from .model import IndicatorInput, IndicatorRow, ReportContent, ReportInput, Section
from .narrative import narratives
from .periods import report_period, title
from .prose import attention_paragraphs, indicator_paragraph, projects_paragraphs, tasks_paragraphs

HEADINGS = (
    "I. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU",
    "II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ",
    "III. TÌNH HÌNH THỰC HIỆN CÁC DỰ ÁN TRỌNG ĐIỂM",
    "IV. MỘT SỐ VẤN ĐỀ ĐỀ NGHỊ LÃNH ĐẠO QUAN TÂM CHỈ ĐẠO",
)


def main_indicators(report: ReportInput) -> tuple[IndicatorInput, ...]:
    """The main indicators (no parent), in the order given."""
    return tuple(i for i in report.indicators if i.indicator.parent is None)


def indicator_row(number: int, item: IndicatorInput) -> IndicatorRow:
    a = item.assessment
    return IndicatorRow(
        number=number, key=item.indicator.key, name=item.indicator.name,
        unit=unit_label(item.indicator.unit, item.indicator.kind.value),
        target_text=item.target_text, period_label=a.period.label_vi if a.period else "",
        scenario=a.scenario, actual=a.actual, qualifier=a.qualifier, ytd=a.ytd_actual,
        pct_of_year_target=a.pct_of_year_target, rating=a.verdict_label or a.rating.label,
    )


def build(report: ReportInput) -> ReportContent:
    period = report_period(report.as_of, report.kind)
    indicators = main_indicators(report)
    indicator_text = tuple(f"{n}. {indicator_paragraph(i)}" for n, i in enumerate(indicators, 1))
    sections = (
        Section(HEADINGS[0], indicator_text or ("Chưa có chỉ tiêu nào được theo dõi.",)),
        Section(HEADINGS[1], tasks_paragraphs(report.tasks)),
        Section(HEADINGS[2], projects_paragraphs(report.projects)),
        Section(HEADINGS[3], attention_paragraphs(indicators, report.tasks, report.projects)),
    )
    return ReportContent(
        title=title(report.kind, period), period=period, as_of=report.as_of, sections=sections,
        indicator_rows=tuple(indicator_row(n, i) for n, i in enumerate(indicators, 1)),
        tasks=report.tasks, projects=report.projects,
        narrative=narratives(report.progress_notes, report.explanations),
    )
