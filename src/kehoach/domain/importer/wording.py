"""The importer's warnings as a person reads them: in Vietnamese, without codes.

A warning (:class:`~kehoach.domain.entities.Finding`) keeps a stable ``code`` and its message as the
parser writes it (``kehoach inspect --json`` gives both). :func:`vietnamese` says it in Vietnamese for
everything a person reads — the upload preview, the document's warnings, ``inspect`` and ``import``
without ``--json``: each code has a sentence with the message's particulars put back in (names, cells,
lines), period codes said as periods (``2025-Q4`` → "Quý IV/2025") and indicator keys as names when
the names are given. A message of a known code whose wording is not recognised still gets its code's
sentence, never English (:data:`TITLES`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from kehoach.domain.assessment.model import period_label
from kehoach.domain.entities import Finding

# every warning code, said in a few words (also the sentence of a message whose particulars are not recognised)
TITLES: dict[str, str] = {
    "read-as": "Cách đọc tệp",
    "table-unknown": "Không xác định được nội dung của bảng",
    "rows-not-read": "Có dòng trong bảng không đọc được",
    "nothing-understood": "Văn bản có bảng nhưng không đọc được bảng nào",
    "task-table-no-deadline": "Bảng nhiệm vụ không có cột thời hạn",
    "task-row-unknown": "Dòng không phải nhiệm vụ cũng không phải nhóm",
    "agency-separator": "Hai cơ quan viết liền, không có dấu phân cách",
    "agency-typo": "Tên cơ quan có chữ viết lặp",
    "deadline-unknown": "Chưa hiểu được thời hạn",
    "deadline-missing": "Nhiệm vụ không ghi thời hạn",
    "lead-missing": "Nhiệm vụ không ghi cơ quan chủ trì",
    "row-packed": "Hai dòng viết chung một dòng",
    "task-numbering": "Số thứ tự nhiệm vụ không liên tục",
    "group-numbering": "Số thứ tự nhóm lặp lại hoặc bỏ cách",
    "no-table": "Văn bản không có bảng nào",
    "range-reversed": "Khoảng giá trị viết từ cao xuống thấp",
    "unit-mismatch": "Giá trị phần trăm trong dòng có đơn vị khác",
    "unit-incompatible": "Đơn vị không quy đổi được",
    "publication-unknown": "Chưa hiểu được kỳ công bố",
    "scenario-shifted": "Giá trị đặt ở cột của kỳ không công bố",
    "scenario-sum": "Tổng các kỳ không khớp với kỳ gộp",
    "target-changed": "Chỉ tiêu được văn bản sau đặt lại",
    "table-year": "Cột không ghi năm",
    "target-not-found": "Không tìm thấy giá trị chỉ tiêu",
    "project-group-unknown": "Nhóm dự án chưa biết",
    "project-row-unknown": "Dòng không phải nhóm cũng không phải dự án",
    "project-value-unknown": "Chưa hiểu được giá trị dự án",
    "project-funding-unknown": "Dự án không có nhóm nguồn vốn",
    "value-typo": "Giá trị có vẻ gõ nhầm dấu phân cách hàng nghìn",
    "profile-applied": "Đã áp dụng hồ sơ đọc",
    "parent-ambiguous": "Không xác định được văn bản mà phụ lục kèm theo",
}
_DUPLICATE = "Văn bản ghi trùng"  # duplicate-<kind>, found when storing

Say = Callable[[re.Match], str]

# (code, the message as the parser writes it, how it is said); the first pattern of its code that matches wins
_SAYINGS: list[tuple[str, str, Say | str]] = [
    ("read-as", r"(?P<form>.*?): text in (?P<enc>.+)", "{form}: văn bản mã hóa {enc}"),
    ("read-as", r"(?P<form>.*?): (?P<note>.+)", "{form}: {note}"),
    ("table-unknown", r"the meaning of this table cannot be determined from its header \((?P<header>.*)\); "
     r"it was not imported", "không xác định được nội dung của bảng từ dòng tiêu đề ({header}); bảng không được nhập"),
    ("rows-not-read", r"table at line (?P<line>\d+)(?P<title> «.*?»)?: (?P<n>\d+) row\(s\) not read \((?P<why>.*?)\): "
     r"(?P<rows>.*)", lambda m: f"bảng ở dòng {m['line']}{m['title'] or ''}: {m['n']} dòng không đọc được "
     f"({why_vietnamese(m['why'])}): {_lines(m['rows'])}"),
    ("nothing-understood", r"(?P<n>\d+) table\(s\) found and none understood: (?P<tables>.*)",
     lambda m: f"có {m['n']} bảng nhưng không đọc được bảng nào: {_tables(m['tables'])}"),
    ("task-table-no-deadline", r"the task table has no deadline column: tasks have no due date",
     "bảng nhiệm vụ không có cột thời hạn: các nhiệm vụ không có hạn hoàn thành"),
    ("task-row-unknown", r"row number (?P<code>.*) is neither a task number nor a group; row skipped",
     lambda m: f"số thứ tự {_quoted(m['code'])} không phải số nhiệm vụ cũng không phải nhóm; dòng bị bỏ qua"),
    ("agency-separator", r"task (?P<task>\S+): two agencies written without a separator: “(?P<written>.*?)” is read as "
     r"“(?P<a>.*?)” and “(?P<b>.*?)”; the cell is kept as written",
     "nhiệm vụ {task}: hai cơ quan viết liền, không có dấu phân cách: “{written}” được hiểu là “{a}” và “{b}”; "
     "ô giữ nguyên như văn bản"),
    ("agency-typo", r"task (?P<task>\S+): “(?P<word>.*?)” written twice: “(?P<name>.*?)” is read as one “.*?”; "
     r"the cell is kept as written", "nhiệm vụ {task}: chữ “{word}” viết hai lần: “{name}” được hiểu là một chữ "
     "“{word}”; ô giữ nguyên như văn bản"),
    ("parent-ambiguous", r"appendix (?P<file>.*?) is attached to “(?P<parent>.*?)”, which may be any of (?P<n>\d+) "
     r"stored documents \((?P<names>.*)\); it is not linked",
     "phụ lục {file} kèm theo “{parent}”, có thể là một trong {n} văn bản đã lưu ({names}); chưa liên kết "
     "với văn bản nào, giữ nguyên dòng “Kèm theo” như văn bản"),
    ("deadline-unknown", r"task (?P<task>\S+): deadline (?P<text>.*) is not understood; kept as text",
     lambda m: f"nhiệm vụ {m['task']}: chưa hiểu được thời hạn {_quoted(m['text'])}; giữ nguyên như văn bản"),
    ("deadline-missing", r"task (?P<task>\S+): no deadline written", "nhiệm vụ {task}: không ghi thời hạn"),
    ("lead-missing", r"task (?P<task>\S+): no lead agency written", "nhiệm vụ {task}: không ghi cơ quan chủ trì"),
    ("row-packed", r"rows (?P<a>\S+) and (?P<b>\S+) are written in one row: read as two rows, each with the cells it "
     r"does not write taken from the row above", "dòng {a} và {b} viết chung một dòng: được đọc thành hai dòng, ô nào "
     "dòng không ghi thì lấy theo dòng trên"),
    ("row-packed", r"task (?P<task>\S+): column (?P<col>\d+) holds (?P<next>.*?) followed by (?P<rest>.*): two rows "
     r"written in one\? kept as one task as written", lambda m: f"nhiệm vụ {m['task']}: cột {m['col']} ghi "
     f"{_quoted(m['next'])} rồi đến {_quoted(m['rest'])}: có phải hai dòng viết chung? giữ thành một nhiệm vụ như văn bản"),
    ("task-numbering", r"task number (?P<after>\S+) follows (?P<before>\S+)", "nhiệm vụ số {after} đứng sau số {before}"),
    ("group-numbering", r"group (?P<code>\S+)(?: under (?P<letter>\S+))? follows group (?P<before>\S+): the numbering "
     r"skips or repeats \(kept as written\)", lambda m: f"nhóm {m['code']}"
     + (f" thuộc phần {m['letter']}" if m["letter"] else "") + f" đứng sau nhóm {m['before']}: số thứ tự nhóm lặp lại "
     "hoặc bỏ cách (giữ nguyên như văn bản)"),
    ("no-table", r"no table of tasks, indicators or projects was found; only the document itself \(number, date, "
     r"issuer\) is read", "không tìm thấy bảng nhiệm vụ, chỉ tiêu hay dự án nào; chỉ đọc được thông tin của văn bản "
     "(số, ngày, cơ quan ban hành)"),
    ("range-reversed", r"(?P<name>.*): range (?P<cell>.*) is written high to low; read as (?P<read>.*)",
     lambda m: f"{m['name']}: khoảng {_quoted(m['cell'])} viết từ cao xuống thấp; được đọc là {_number(m['read'])}"),
    ("unit-mismatch", r"(?P<name>.*): (?P<cell>.*) is a percentage in a row counted in (?P<unit>.*); kept as text, "
     r"not compared", lambda m: f"{m['name']}: {_quoted(m['cell'])} là tỷ lệ phần trăm trong dòng tính bằng "
     f"{_quoted(m['unit'])}; giữ nguyên như văn bản, không dùng để so sánh"),
    ("unit-incompatible", r"(?P<name>.*): unit (?P<unit>.*) cannot be converted to the indicator's unit "
     r"(?P<to>.*); value kept as written", lambda m: f"{m['name']}: đơn vị {_quoted(m['unit'])} không quy đổi được "
     f"sang đơn vị {_quoted(m['to'])} của chỉ tiêu; giá trị giữ nguyên như văn bản"),
    ("publication-unknown", r"(?P<name>.*): publication periods (?P<text>.*) not understood",
     lambda m: f"{m['name']}: chưa hiểu được kỳ công bố {_quoted(m['text'])}"),
    ("scenario-shifted", r"(?P<name>.*): values stand in columns of periods it is not published for \((?P<pub>.*?)\); "
     r"placed in order into (?P<into>.*)", "{name}: giá trị nằm ở cột của các kỳ không công bố ({pub}); được xếp lần "
     "lượt vào {into}"),
    ("scenario-sum", r"(?P<name>.*?): (?P<parts>.*) = (?P<sum>.*), but (?P<total>\S+) is (?P<text>.*) \((?P<how>.*)\)",
     lambda m: f"{m['name']}: {_periods(m['parts'])} = {m['sum']}, nhưng {_periods(m['total'])} là "
     f"{_quoted(m['text'])} ({_HOW.get(m['how'], m['how'])})"),
    ("table-year", r"columns without a year are read as (?P<year>\d+), the year of the table's title or of the document",
     "cột không ghi năm được hiểu là năm {year}, năm của tiêu đề bảng hoặc của văn bản"),
    ("target-not-found", r"indicator (?P<code>\S+): no target value found in (?P<text>.*); the indicator is kept "
     r"without a target", lambda m: f"chỉ tiêu {m['code']}: không tìm thấy giá trị chỉ tiêu trong {_quoted(m['text'])}; "
     "chỉ tiêu được giữ, không có giá trị"),
    ("project-group-unknown", r"project group (?P<name>.*) is not one of .*",
     lambda m: f"nhóm dự án {_quoted(m['name'])} không thuộc nhóm khánh thành, khởi công hay chuyển tiếp"),
    ("project-row-unknown", r"row (?P<code>.*) is neither a group nor a numbered project; skipped",
     lambda m: f"dòng {_quoted(m['code'])} không phải nhóm cũng không phải dự án có số thứ tự; bị bỏ qua"),
    ("project-value-unknown", r"project (?P<n>\S+): value (?P<text>.*) not understood",
     lambda m: f"dự án {m['n']}: chưa hiểu được giá trị {_quoted(m['text'])}"),
    ("project-funding-unknown", r"project (?P<n>\S+): no funding group above it",
     "dự án {n}: không có nhóm nguồn vốn ở trên"),
    ("value-typo", r"project (?P<n>\S+): value (?P<text>.*) is about a thousand times smaller than the others "
     r"\(median (?P<median>\d+)\); it looks like (?P<like>.*) with the thousands separator typed as a decimal comma\. "
     r"Kept as written", lambda m: f"dự án {m['n']}: giá trị {_quoted(m['text'])} nhỏ hơn các dự án khác khoảng một "
     f"nghìn lần (trung vị {_number(m['median'])}); có vẻ là {_quoted(m['like'])}, gõ nhầm dấu phân cách hàng nghìn "
     "thành dấu thập phân. Giữ nguyên như văn bản"),
    ("target-changed", r"(?P<key>\S+) (?P<year>\d{4}): (?P<later>.*?) sets (?P<new>.*), (?P<earlier>\S+) set (?P<old>.*); "
     r"the later target (?P<relation>.*)", None),  # said by _target_changed (indicator names)
]
_COMPILED = [(code, re.compile(pattern, re.S), say) for code, pattern, say in _SAYINGS]
_HOW = {"beyond rounding": "chênh lệch vượt mức làm tròn"}
_PERIOD_CODE = re.compile(r"\b(19|20)\d{2}-(Q[1-4]|H[12]|9M|YTD-\d{2}|\d{2})\b")


def why_vietnamese(why: str) -> str:
    """Why rows of a table were not read, as ``_inspect_one`` says it."""
    kinds = {"task": "nhiệm vụ", "trajectory": "kịch bản tăng trưởng", "target": "chỉ tiêu", "project": "dự án",
             "indicator assignment": "giao chỉ tiêu"}
    if m := re.fullmatch(r"rows of no known kind in an? (.+) table", why):
        return f"dòng không thuộc loại nào của bảng {kinds.get(m.group(1), m.group(1))}"
    if m := re.fullmatch(r"the header \((.*)\) names no known columns", why, re.S):
        return f"dòng tiêu đề ({m.group(1)}) không nêu cột nào đã biết"
    if m := re.fullmatch(r"(.+) table that gave nothing", why):
        return f"bảng {kinds.get(m.group(1), m.group(1))} không cho dữ liệu nào"
    return why


def vietnamese(finding: Finding, indicator_names: Mapping[str, str] | None = None) -> str:
    """The warning as a person reads it, in Vietnamese (no code)."""
    code, message = finding.code, finding.message
    for known, pattern, say in _COMPILED:
        if known != code or not (m := pattern.fullmatch(message)):
            continue
        if say is None:
            return _target_changed(m, indicator_names or {})
        return say(m) if callable(say) else say.format(**{k: v or "" for k, v in m.groupdict().items()})
    if code.startswith("duplicate-"):
        return f"{_DUPLICATE}: {_quoted(message.split(' twice')[0].split(' ', 4)[-1])}"
    return TITLES.get(code, "Cảnh báo khi đọc văn bản")


def is_said(finding: Finding) -> bool:
    """Whether the warning's particulars are said in Vietnamese (its wording is recognised)."""
    return any(known == finding.code and pattern.fullmatch(finding.message) for known, pattern, _say in _COMPILED)


def _target_changed(m: re.Match, names: Mapping[str, str]) -> str:
    relation = m["relation"]
    if relation.startswith("supersedes"):
        said = "thay thế chỉ tiêu trước"
    else:
        said = "được giữ bên cạnh chỉ tiêu trước (căn cứ khác nhau)"
    return (f"{names.get(m['key'], m['key'])} năm {m['year']}: {m['later']} đặt {_quoted(m['new'])}, {m['earlier']} "
            f"đã đặt {_quoted(m['old'])}; chỉ tiêu sau {said}")


def _quoted(text: str) -> str:
    """A cell quoted by the parser (Python's repr: '…' or "…") in Vietnamese quotes."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return f"“{text}”"


def _number(text: str) -> str:
    """ "1340-1350" -> "1.340-1.350", "2513243" -> "2.513.243": numbers as vi-VN writes them."""
    def one(m: re.Match) -> str:
        whole, _, frac = m.group(0).partition(".")
        grouped = f"{int(whole):,}".replace(",", ".")
        return f"{grouped},{frac}" if frac else grouped
    return re.sub(r"\d+(?:\.\d+)?", one, text)


def _periods(text: str) -> str:
    return _PERIOD_CODE.sub(lambda m: period_label(m.group(0)), text)


def _lines(text: str) -> str:
    return re.sub(r"(^|; )line (\d+):", r"\1dòng \2:", text)


def _tables(text: str) -> str:
    def one(m: re.Match) -> str:
        return f"bảng ở dòng {m['line']}{m['title'] or ''} ({m['n']} dòng: {why_vietnamese(m['why'])})"
    return re.sub(r"table at line (?P<line>\d+)(?P<title> «.*?»)? \((?P<n>\d+) rows: (?P<why>.*?)\)(?=; table at|$)",
                  one, text)
