"""The parts of the report that sum the period up, as Sở Tài chính writes them:

* the summary line that opens section I ("Kết quả chung: 5/12 chỉ tiêu đạt và vượt kịch bản; ...");
* "Đánh giá chung": 1. results achieved, 2. shortcomings (tồn tại, hạn chế), 3. their causes as the
  agencies gave them (nguyên nhân, khó khăn, vướng mắc);
* "Nhiệm vụ, giải pháp trọng tâm" of the next period: the tasks due in it, the indicators to push,
  the agencies' proposals (đề xuất).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import timedelta

from kehoach.domain.assessment.model import VERDICT_MET, VERDICT_MISSED, TaskStatus
from kehoach.domain.assessment.rules import Rating
from kehoach.domain.periods import Period

from .model import Explanation, IndicatorInput, NarrativeGroup, ProjectInput, TaskInput
from .narrative import cause_lines, proposal_lines

# How a count of indicators of each rating is said, in the order of the scale.
RATING_PHRASES = (
    (Rating.DAT, "đạt và vượt kịch bản"),
    (Rating.CHAM_NHE, "chậm nhẹ so với kịch bản"),
    (Rating.CHAM, "chậm so với kịch bản"),
    (Rating.NGUY_CO, "có nguy cơ không đạt kế hoạch năm"),
    (Rating.KHONG_SO_SANH, "chưa so sánh được với kịch bản"),
    (Rating.CHUA_CO_SO_LIEU, "chưa có số liệu"),
)
BEHIND = (Rating.CHAM_NHE, Rating.CHAM, Rating.NGUY_CO)

OVERVIEW_HEADING = "ĐÁNH GIÁ CHUNG"
RESULTS, SHORTCOMINGS, CAUSES = "1. Kết quả đạt được", "2. Tồn tại, hạn chế", "3. Nguyên nhân"
NO_SHORTCOMINGS = "- Trong kỳ không có chỉ tiêu, nhiệm vụ hay dự án trọng điểm nào chậm so với kế hoạch."
NO_CAUSES = "- Trong kỳ các cơ quan chưa nêu nguyên nhân, khó khăn, vướng mắc nào."
NO_PROPOSALS = "- Trong kỳ các cơ quan chưa có đề xuất nào."

# The period after the report's, by kind: its name in the heading, and the period itself.
NEXT_PHRASES = {"month": "tháng tới", "quarter": "quý tới", "h1": "6 tháng cuối năm", "9m": "3 tháng cuối năm"}


def _names(items: Iterable[IndicatorInput]) -> str:
    return "; ".join(i.indicator.name for i in items)


def year_summary_line(indicators: tuple[IndicatorInput, ...]) -> str:
    """The year report's: "Kết quả chung: 3/11 chỉ tiêu đạt kế hoạch năm; 1 chỉ tiêu không đạt kế hoạch năm
    (trong đó 1 chỉ tiêu theo số ước); 7 chỉ tiêu chưa có số liệu cả năm để kết luận."."""
    verdicts = Counter(i.assessment.verdict for i in indicators)
    estimated = sum(1 for i in indicators if i.assessment.verdict and i.assessment.verdict_estimate)
    pieces = [f"{verdicts[VERDICT_MET]}/{len(indicators)} chỉ tiêu đạt kế hoạch năm"]
    if verdicts[VERDICT_MISSED]:
        pieces.append(f"{verdicts[VERDICT_MISSED]} chỉ tiêu không đạt kế hoạch năm")
    if estimated:
        pieces[-1] += f" (trong đó {estimated} chỉ tiêu theo số ước)"
    if verdicts[""]:
        pieces.append(f"{verdicts['']} chỉ tiêu chưa có số liệu cả năm để kết luận")
    return f"Kết quả chung: {'; '.join(pieces)}."


def summary_line(indicators: tuple[IndicatorInput, ...], closing: bool = False) -> str:
    """ "Kết quả chung: 5/12 chỉ tiêu đạt và vượt kịch bản; 4 chỉ tiêu chậm so với kịch bản; 3 chỉ tiêu chưa
    có số liệu." — and, once full-year figures are in, how many met the year's plan; the year report
    (``closing``) counts the year's verdicts only."""
    total = len(indicators)
    if not total:
        return "Chưa có chỉ tiêu nào được theo dõi."
    if closing:
        return year_summary_line(indicators)
    counts = Counter(i.assessment.rating for i in indicators)
    pieces = [f"{counts[Rating.DAT]}/{total} chỉ tiêu đạt và vượt kịch bản"]
    pieces += [f"{counts[r]} chỉ tiêu {phrase}" for r, phrase in RATING_PHRASES[1:] if counts[r]]
    line = f"Kết quả chung: {'; '.join(pieces)}."
    judged = [i for i in indicators if i.assessment.verdict]
    if judged:
        met = sum(1 for i in judged if i.assessment.verdict == VERDICT_MET)
        estimated = sum(1 for i in judged if i.assessment.verdict_estimate)
        line += (f" Theo số liệu cả năm, {met}/{len(judged)} chỉ tiêu đạt kế hoạch năm, "
                 f"{len(judged) - met} chỉ tiêu không đạt kế hoạch năm"
                 + (f" (trong đó {estimated} chỉ tiêu theo số ước)" if estimated else "") + ".")
    return line


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip(" ;")
    return text if text.endswith((".", "!", "?")) else text + "."


def _clauses(reason: str) -> list[str]:
    return [c.strip() for c in reason.rstrip(" .").split("; ") if c.strip()]


def _gist(reason: str) -> str:
    """The comparison that gives the rating (the reason's first clause): section I says the whole reason,
    "Tồn tại, hạn chế" only the shortfall, so the report does not say the same paragraph twice."""
    clauses = _clauses(reason)
    return _sentence(clauses[0]) if clauses else ""


def _need(reason: str) -> str:
    """What the rest of the year needs ("6 tháng cuối năm cần ..."), the reason's clause for the next period's
    "Các chỉ tiêu cần tập trung chỉ đạo"; the shortfall where the reason says nothing of it."""
    clauses = _clauses(reason)
    return _sentence(next((c for c in clauses if " cần " in f" {c} "), clauses[0])) if clauses else ""


def _result_lines(indicators, tasks, projects) -> tuple[str, ...]:
    met = [i for i in indicators if i.assessment.rating == Rating.DAT]
    lines = [f"- {len(met)}/{len(indicators)} chỉ tiêu chủ yếu đạt và vượt kịch bản: {_names(met)}." if met
             else "- Chưa có chỉ tiêu chủ yếu nào đạt kịch bản của kỳ."]
    year_met = [i for i in indicators if i.assessment.verdict == VERDICT_MET]
    if year_met:
        lines.append("- Đạt kế hoạch năm: " + "; ".join(
            i.indicator.name + (" (ước)" if i.assessment.verdict_estimate else "") for i in year_met) + ".")
    if tasks:
        counts = Counter(t.assessment.status for t in tasks)
        done = counts[TaskStatus.HOAN_THANH_DUNG_HAN] + counts[TaskStatus.HOAN_THANH_QUA_HAN]
        lines.append(f"- {done}/{len(tasks)} nhiệm vụ đã hoàn thành ({counts[TaskStatus.HOAN_THANH_DUNG_HAN]} "
                     f"đúng hạn, {counts[TaskStatus.HOAN_THANH_QUA_HAN]} quá hạn)." if done
                     else f"- Chưa có nhiệm vụ nào trong {len(tasks)} nhiệm vụ báo cáo hoàn thành.")
    if projects:
        # A project without any disbursement reported is not "on track": it has no data.
        reported = [p for p in projects if p.assessment.by_period]
        on_track = sum(1 for p in reported if not p.assessment.behind)
        lines.append(f"- {on_track}/{len(projects)} dự án trọng điểm giải ngân đúng kế hoạch"
                     + (f"; {len(projects) - len(reported)} dự án chưa có số liệu giải ngân." if
                        len(reported) < len(projects) else ".") if reported
                     else f"- Chưa có số liệu giải ngân của {len(projects)} dự án trọng điểm.")
    return tuple(lines)


def _shortcoming_lines(indicators, tasks, projects) -> tuple[str, ...]:
    lines = []
    for i in indicators:
        a = i.assessment
        if a.verdict == VERDICT_MISSED:
            lines.append(f"- {i.indicator.name}: {a.verdict_label.lower()}. {_gist(a.reason)}")
        elif a.rating in BEHIND and not a.verdict:
            lines.append(f"- {i.indicator.name} ({a.rating.label.lower()}): {_gist(a.reason)}")
    missing = [i for i in indicators if i.assessment.rating == Rating.CHUA_CO_SO_LIEU]
    if missing:
        lines.append(f"- {len(missing)} chỉ tiêu chưa có số liệu để đánh giá: {_names(missing)}.")
    overdue = sum(1 for t in tasks if t.assessment.status.is_overdue)
    if overdue:
        lines.append(f"- {overdue} nhiệm vụ quá hạn chưa hoàn thành (danh sách tại mục II).")
    behind = [p for p in projects if p.assessment.behind]
    if behind:
        lines.append(f"- {len(behind)} dự án trọng điểm chậm tiến độ hoặc chậm giải ngân: "
                     + "; ".join(p.name for p in behind) + ".")
    return tuple(lines) or (NO_SHORTCOMINGS,)


def overview_parts(indicators: tuple[IndicatorInput, ...], tasks: tuple[TaskInput, ...],
                   projects: tuple[ProjectInput, ...],
                   explanations: Iterable[Explanation]) -> tuple[NarrativeGroup, ...]:
    """ "Đánh giá chung": results, shortcomings, and the causes the agencies gave."""
    return (
        NarrativeGroup(RESULTS, _result_lines(indicators, tasks, projects)),
        NarrativeGroup(SHORTCOMINGS, _shortcoming_lines(indicators, tasks, projects)),
        NarrativeGroup(CAUSES, cause_lines(explanations) or (NO_CAUSES,)),
    )


def next_period(kind: str, period: Period) -> Period:
    """The period the next one's tasks fall in: July 2025 -> August 2025; Q3 -> Q4; H1 -> H2; 9 months ->
    quarter IV; a year -> the next year."""
    after = period.end + timedelta(days=1)
    if kind == "month":
        return Period.month_of(after)
    if kind == "quarter":
        return Period.quarter_of(after)
    if kind == "h1":
        return Period.second_half(period.end.year)
    if kind == "9m":
        return Period.of_quarter(period.end.year, 4)
    if kind == "year":
        return Period.of_year(after.year)
    raise ValueError(f"unknown report kind {kind!r}")


def next_heading(kind: str, period: Period) -> str:
    """ "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG TỚI"; the year report's: "... NĂM 2026"."""
    phrase = NEXT_PHRASES.get(kind) or f"năm {next_period(kind, period).end.year}"
    return f"NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM {phrase.upper()}"


def next_parts(kind: str, period: Period, indicators: tuple[IndicatorInput, ...], tasks: tuple[TaskInput, ...],
               explanations: Iterable[Explanation]) -> tuple[NarrativeGroup, ...]:
    """The tasks due in the next period (not completed), the indicators to push, the agencies' proposals."""
    after = next_period(kind, period)
    words = after.words
    due = sorted((t for t in tasks if t.assessment.due and after.contains(t.assessment.due)
                  and not t.assessment.status.is_completed),
                 key=lambda t: (t.assessment.due, t.document, t.number))
    task_lines = [f"- Nhiệm vụ số {t.number} ({', '.join(t.lead) or 'chưa xác định cơ quan chủ trì'}): "
                  f"{' '.join(t.content.split()).rstrip(' .;')} (hạn {t.assessment.due:%d/%m/%Y})." for t in due]
    overdue = sum(1 for t in tasks if t.assessment.status.is_overdue)
    if overdue:
        task_lines.append(f"- Khẩn trương hoàn thành {overdue} nhiệm vụ quá hạn chưa hoàn thành.")
    push = [i for i in indicators if (i.assessment.rating in BEHIND and not i.assessment.verdict)]
    push_lines = [f"- {i.indicator.name}: {_need(i.assessment.reason)}" for i in push]
    return (
        NarrativeGroup(f"1. Các nhiệm vụ đến hạn trong {words}",
                       tuple(task_lines) or (f"- Không có nhiệm vụ nào đến hạn trong {words}.",)),
        NarrativeGroup("2. Các chỉ tiêu cần tập trung chỉ đạo, thúc đẩy",
                       tuple(push_lines) or ("- Các chỉ tiêu chủ yếu đều đạt kịch bản hoặc chưa đánh giá được.",)),
        NarrativeGroup("3. Đề xuất của các cơ quan", proposal_lines(explanations) or (NO_PROPOSALS,)),
    )
