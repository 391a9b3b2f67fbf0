"""The report's Vietnamese sentences, from the assessment's plain results (one function per part)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from kehoach.domain.assessment.model import TaskStatus
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.assessment.tasks import PRIORITY
from kehoach.domain.entities import MeasureKind

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
        words = [a.period.words, a.qualifier, vn(a.actual), item.indicator.unit]
    return " ".join(w for w in words if w)


def indicator_paragraph(item: IndicatorInput) -> str:
    """One main indicator: its figure and trajectory comparison (the assessment's reason), the
    share of the year's target, and the rating."""
    a = item.assessment
    parts = [f"{item.indicator.name}:"]
    figure = vn(a.actual)
    if figure and figure not in a.reason:
        parts.append(_sentence(f"số liệu {figure_clause(item)}"))
    parts.append(_sentence(a.reason))
    if a.pct_of_year_target is not None:
        target = f" ({vn(a.annual_target)} {item.indicator.unit})" if a.annual_target is not None else ""
        parts.append(f"Lũy kế bằng {vn(a.pct_of_year_target)}% kế hoạch năm{target}.")
    if len(a.targets) > 1 and not a.verdict:
        parts.append(_sentence("So với từng căn cứ: " + "; ".join(_against(t, item.indicator.unit) for t in a.targets)))
    parts.append(f"Đánh giá: {a.verdict_label or a.rating.label}.")
    return " ".join(parts)


def _against(t, unit: str) -> str:
    """One basis side by side: "bằng 65,5% dự toán HĐND giao (118.079,279 tỷ đồng)"."""
    if t.pct is not None:
        return f"bằng {vn(t.pct.quantize(Decimal('0.1')))}% {t.basis_label} ({t.text} {unit})"
    if t.gap is not None:
        more = "cao hơn" if t.gap > 0 else "thấp hơn" if t.gap < 0 else "bằng"
        return f"{more} {t.basis_label} ({t.text}{unit if unit == '%' else ' ' + unit})" + (
            f" {vn(abs(t.gap).quantize(Decimal('0.01')))} điểm" if t.gap else "")
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
