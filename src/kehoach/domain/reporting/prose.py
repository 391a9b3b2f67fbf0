"""The report's Vietnamese sentences, from the assessment's plain results (one function per part)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from kehoach.domain.assessment.indicator_text import amount, compare_words, num, percent, unit_words
from kehoach.domain.assessment.model import ActualFigure, TaskStatus, number_of
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.assessment.tasks import PRIORITY
from kehoach.domain.entities import Indicator, MeasureKind
from kehoach.domain.units import unit_label

from .model import IndicatorInput, ProjectInput, TaskInput
from .numbers import vn, vn_percent

AT_RISK = (Rating.CHAM, Rating.NGUY_CO)
LISTED_TASKS = (TaskStatus.QUA_HAN_CHUA_BAO_CAO, TaskStatus.QUA_HAN, TaskStatus.SAP_DEN_HAN)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def figure_clause(item: IndicatorInput) -> str:
    """ "6 tháng đầu năm 2025 ước 11,04 %" — the latest figure assessed, as written ("" without one)."""
    a = item.assessment
    if a.actual is None or a.period is None:
        return ""
    if item.indicator.kind == MeasureKind.INDEX:
        # An index (same period = 100) is said the way it is published: "tăng 18,64% so với cùng kỳ".
        growth = a.actual - 100
        verb = "giảm" if growth < 0 else "tăng"
        words = [a.period.words, a.qualifier, f"{verb} {vn(abs(growth))}% so với cùng kỳ"]
    else:
        words = [a.period.words, a.qualifier, vn(a.actual), unit_label(item.indicator.unit)]
    return " ".join(w for w in words if w)


def _said(item: IndicatorInput, figure: ActualFigure) -> str:
    """A figure as published: "ước tăng 9,8%", "tăng 18,64% so với cùng kỳ" (an index), "ước 35.200 tỷ đồng"."""
    value = number_of(figure.value, item.indicator.direction)
    if value is None:
        return " ".join(w for w in (figure.qualifier, figure.value.text) if w)
    kind = item.indicator.kind
    if kind in (MeasureKind.GROWTH, MeasureKind.INDEX):
        growth = value - 100 if kind == MeasureKind.INDEX else value
        words = f"{'giảm' if growth < 0 else 'tăng'} {vn(abs(growth))}%"
        words += " so với cùng kỳ" if kind == MeasureKind.INDEX else ""
    else:
        words = f"{vn(value)} {item.indicator.unit}".strip()
    return " ".join(w for w in (figure.qualifier, words) if w)


def period_figures_sentence(item: IndicatorInput) -> str:
    """ "Riêng quý III năm 2025: ước tăng 9,8%." — the report's own period alone ("Riêng quý III năm 2025 của
    Hải Phòng (từ 01/07/2025): ..." when the figure is not of the assessed scope; every scope named when
    several were published); "" when none was published."""
    figures, a = item.period_figures, item.assessment
    if not figures or (a.period is not None and a.period.same_span(figures[0].period)):
        return ""  # none published, or the assessment's own figure already
    words = figures[0].period.words
    if len(figures) == 1:
        scope = figures[0].scope
        of = f" của {scope}" if scope and scope not in (a.figure_scope, a.scope) else ""
        return f"Riêng {words}{of}: {_said(item, figures[0])}."
    return f"Riêng {words}: " + "; ".join(f"{f.scope} {_said(item, f)}".strip() for f in figures) + "."


def indicator_paragraph(item: IndicatorInput, closing: bool = False) -> str:
    """One main indicator: its figure and trajectory comparison (the assessment's reason), the
    share of the year's target, and the rating (the year's verdict in the year report, ``closing``)."""
    a = item.assessment
    parts = [f"{item.indicator.name}:"]
    if own := period_figures_sentence(item):  # the period alone first, then the cumulative figures
        parts.append(own)
    figure = vn(a.actual)
    if figure and figure not in a.reason:
        parts.append(_sentence(f"số liệu {figure_clause(item)}"))
    parts.append(_sentence(a.reason))
    groups = _same_values(a.targets) if len(a.targets) > 1 and not a.verdict else []
    if a.pct_of_year_target is not None and not any(g[0].value == a.annual_target for g in groups):
        target = f" ({vn(a.annual_target)} {unit_label(item.indicator.unit)})" if a.annual_target is not None else ""
        parts.append(f"Lũy kế bằng {vn(a.pct_of_year_target)}% kế hoạch năm{target}.")
    if groups:  # each value once, with every basis that sets it (the year's plan is among them)
        lead = "So với từng căn cứ: " if len(groups) > 1 else "So với kế hoạch năm: "
        parts.append(_sentence(lead + "; ".join(_against(g, item.indicator) for g in groups)))
    parts.append(f"Đánh giá: {a.verdict_label or rating_words(item, closing)}.")
    return " ".join(parts)


NO_YEAR_FIGURE = "Chưa có số liệu cả năm để kết luận"


def verdict_words(item: IndicatorInput) -> str:
    """The closed year's verdict with the gap to the main target: "Không đạt kế hoạch năm (ước): thấp hơn
    0,54 điểm % so với chỉ tiêu phấn đấu (12,35%)"; "" while the year has no verdict."""
    a = item.assessment
    if not a.verdict:
        return ""
    main = a.targets[0] if a.targets else None
    if main is None:
        return a.verdict_label
    index = item.indicator.kind == MeasureKind.INDEX
    if main.gap is not None:
        shown = num(main.value) if index else f"{num(main.value)}%"
        return f"{a.verdict_label}: {compare_words(main.gap, index)} {main.basis_label} ({shown})"
    if main.pct is not None:
        target = f"{main.text} {unit_words(item.indicator.unit)}" if main.text else amount(main.value, item.indicator.unit)
        return f"{a.verdict_label}: bằng {percent(main.pct)} {main.basis_label} ({target})"
    return a.verdict_label


def rating_words(item: IndicatorInput, closing: bool = False) -> str:
    """What the report says of an indicator: the year's verdict with its gap once the full-year figure is in;
    in the year report (``closing``) without it, that there is no full-year figure yet; else the rating."""
    if item.assessment.verdict:
        return verdict_words(item)
    return NO_YEAR_FIGURE if closing else item.assessment.rating.label


def _same_values(targets) -> list[list]:
    """The bases in force grouped by the value they set, in their order: four bases all at 12,5% are one
    value, said once with the four bases named, not four times."""
    groups: dict[Decimal, list] = {}
    for t in targets:
        groups.setdefault(t.value, []).append(t)
    return list(groups.values())


def _basis_words(t) -> str:
    """A basis as the report names it; the scenario's year value is "kịch bản cả năm", not to be taken for
    the period's trajectory value the same paragraph calls "kịch bản"."""
    return "kịch bản cả năm" if t.basis == "kich_ban" else t.basis_label


def _against(group, indicator: Indicator) -> str:
    """One value side by side with its bases, in the indicator's unit: "bằng 65,5% dự toán HĐND giao
    (118.079,279 tỷ đồng)"; "thấp hơn chỉ tiêu phấn đấu và kịch bản cả năm (12,5%) 1,46 điểm %"; an index
    has no unit ("thấp hơn chỉ tiêu phấn đấu (117) 1,99 điểm")."""
    t = group[0]
    names = [_basis_words(g) for g in group]
    label = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
    t = replace(t, basis_label=label)
    unit = unit_label(indicator.unit)
    if t.pct is not None:
        return f"bằng {vn(t.pct.quantize(Decimal('0.1')))}% {t.basis_label} ({t.text} {unit})"
    if t.gap is not None:
        more = "cao hơn" if t.gap > 0 else "thấp hơn" if t.gap < 0 else "bằng"
        shown = t.text if indicator.kind == MeasureKind.INDEX else t.text + (unit if unit == "%" else " " + unit)
        return f"{more} {t.basis_label} ({shown})" + (
            f" {vn(abs(t.gap).quantize(Decimal('0.01')))} {'điểm' if indicator.kind == MeasureKind.INDEX else 'điểm %'}"
            if t.gap else "")
    return f"{t.basis_label} {t.text}"


def task_counts(tasks: Iterable[TaskInput]) -> Counter:
    return Counter(t.assessment.status for t in tasks)


def task_counts_sentence(tasks: Iterable[TaskInput]) -> str:
    """ "Tổng số 88 nhiệm vụ, trong đó: 10 nhiệm vụ quá hạn chưa hoàn thành, 74 nhiệm vụ chưa đến hạn."."""
    counts = task_counts(tasks)
    total = sum(counts.values())
    if not total:
        return "Chưa có nhiệm vụ nào được giao theo dõi."
    pieces = [f"{counts[s]} nhiệm vụ {s.label.lower()}" for s in PRIORITY if counts[s]]
    separator = "; " if any("," in piece for piece in pieces) else ", "  # "quá hạn, chưa báo cáo"
    return f"Tổng số {total} nhiệm vụ, trong đó: {separator.join(pieces)}."


def task_line(task: TaskInput) -> str:
    """ "Nhiệm vụ số 12: <content> Chủ trì: Sở Tài chính; lãnh đạo phụ trách: Lê Anh Quân. Quá hạn 67 ngày ..."."""
    lead = ", ".join(task.lead) or "chưa xác định"
    leader = task.leader or "chưa phân công"
    detail = f" {_sentence(task.assessment.detail)}" if task.assessment.detail else ""
    return (f"Nhiệm vụ số {task.number}: {_sentence(task.content)} Chủ trì: {lead}; "
            f"lãnh đạo phụ trách: {leader}.{detail}")


def listed_tasks(tasks: Iterable[TaskInput], *statuses: TaskStatus) -> list[TaskInput]:
    return sorted((t for t in tasks if t.assessment.status in statuses), key=lambda t: (t.document, t.number))


def tasks_paragraphs(tasks: tuple[TaskInput, ...]) -> tuple[str, ...]:
    paragraphs = [task_counts_sentence(tasks)]
    for statuses, heading in (((TaskStatus.QUA_HAN_CHUA_BAO_CAO, TaskStatus.QUA_HAN),
                               "Các nhiệm vụ quá hạn chưa hoàn thành"),
                              ((TaskStatus.SAP_DEN_HAN,), "Các nhiệm vụ sắp đến hạn")):
        listed = listed_tasks(tasks, *statuses)
        if listed:
            paragraphs.append(f"{heading} ({len(listed)} nhiệm vụ):")
            paragraphs.extend(f"- {task_line(t)}" for t in listed)
    return tuple(paragraphs)


def projects_paragraphs(projects: tuple[ProjectInput, ...]) -> tuple[str, ...]:
    if not projects:
        return ("Chưa có dự án trọng điểm được theo dõi.",)
    behind = [p for p in projects if p.assessment.behind]
    planned = [p for p in projects if p.assessment.plan]
    paragraphs = [f"Tổng số {len(projects)} dự án trọng điểm được theo dõi; "
                  f"{len(behind)} dự án chậm so với kế hoạch."]
    if planned:
        plan = sum((p.assessment.plan for p in planned), Decimal(0))
        disbursed = sum((p.assessment.disbursed for p in planned), Decimal(0))
        rate = disbursed / plan if plan else None
        paragraphs.append(f"Có {len(planned)} dự án đã có kế hoạch vốn năm với tổng kế hoạch {vn(plan)} triệu đồng; "
                          f"đã giải ngân {vn(disbursed)} triệu đồng, đạt {vn_percent(rate, 'chưa xác định')} "
                          "kế hoạch vốn.")
    else:
        paragraphs.append("Chưa có dự án nào có kế hoạch vốn năm nên chưa đánh giá được tỷ lệ giải ngân.")
    paragraphs.extend(f"- {p.name}: {_sentence(p.assessment.reason)}" for p in behind)
    return tuple(paragraphs)


def attention_paragraphs(indicators: Iterable[IndicatorInput], tasks: tuple[TaskInput, ...],
                         projects: tuple[ProjectInput, ...]) -> tuple[str, ...]:
    """What the leaders should look at: indicators chậm / nguy cơ, overdue tasks, projects behind."""
    paragraphs = []
    risky = [i for i in indicators if i.assessment.rating in AT_RISK]
    if risky:
        names = "; ".join(f"{i.indicator.name} ({i.assessment.rating.label.lower()})" for i in risky)
        paragraphs.append(f"Có {len(risky)} chỉ tiêu chậm hoặc có nguy cơ không đạt kế hoạch năm: {names}; "
                          "đề nghị các cơ quan theo dõi có giải pháp thúc đẩy trong thời gian còn lại của năm.")
    else:
        paragraphs.append("Không có chỉ tiêu nào bị đánh giá chậm hoặc có nguy cơ không đạt kế hoạch năm.")
    counts = task_counts(tasks)
    overdue = counts[TaskStatus.QUA_HAN] + counts[TaskStatus.QUA_HAN_CHUA_BAO_CAO]
    if overdue:
        silent = counts[TaskStatus.QUA_HAN_CHUA_BAO_CAO]
        among = f" (trong đó {silent} nhiệm vụ chưa báo cáo tiến độ)" if silent else ""
        paragraphs.append(f"Có {overdue} nhiệm vụ quá hạn chưa hoàn thành{among}; đề nghị lãnh đạo phụ trách chỉ đạo "
                          "các cơ quan chủ trì khẩn trương hoàn thành.")
    else:
        paragraphs.append("Không có nhiệm vụ quá hạn chưa hoàn thành.")
    behind = sum(1 for p in projects if p.assessment.behind)
    if behind:
        paragraphs.append(f"Có {behind} dự án trọng điểm chậm tiến độ hoặc chậm giải ngân so với kế hoạch.")
    return tuple(paragraphs)
