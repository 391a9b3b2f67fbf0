"""Who issued a document, when, under which number, and who signed it.

Nghị định 30/2020/NĐ-CP fixes the shape of an administrative document: number and symbol
("Số: 86/KH-UBND"), place and date ("Hải Phòng, ngày 31 tháng 3 năm 2025"), the kind as a title
("KẾ HOẠCH"), the signature block ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / name"). Conversion may lose
some of these; an appendix then still names its document ("Kèm theo Báo cáo số 619-BC/TU, ngày
03/12/2024 của Thành uỷ Hải Phòng"), which is used as a fallback.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date

from kehoach.domain.entities import Document, TargetBasis
from kehoach.domain.importer.document import DocumentModel
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.territories import scope_for
from kehoach.domain.text import clean, fold

# symbol code -> kind, as Phụ lục III of Nghị định 30/2020/NĐ-CP abbreviates them
KINDS: dict[str, str] = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QyĐ": "Quy định",
    "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình", "KH": "Kế hoạch", "PA": "Phương án",
    "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình", "CV": "Công văn",
    "KL": "Kết luận", "TT": "Thông tư", "NĐ": "Nghị định",
}
_KIND_WORDS = sorted({v for v in KINDS.values()}, key=len, reverse=True)

# the issuing-body code after the kind in a symbol
ISSUERS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TU": "Thành ủy", "TU-tỉnh": "Tỉnh ủy",
    "BCĐ": "Ban Chỉ đạo", "VPCP": "Văn phòng Chính phủ", "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ",
    "QH15": "Quốc hội", "BTC": "Bộ Tài chính", "STC": "Sở Tài chính",
}

_NUMBER = re.compile(r"^\s*S[ốo]\s*:?\s*([0-9][0-9.\s]*)\s*/\s*([A-Za-zĐđ0-9\-/]+)", re.IGNORECASE)
_ATTACHED = re.compile(
    r"k[eè]m theo\s+(?P<kind>[^\d(]+?)\s+s[ốo]\s*[.:\s…_]*(?P<num>\d*)[.\s…_]*(?P<sym>[/-][A-Za-zĐđ\-/0-9]+)"
    r"[,\s]*(?:ng[àa]y\s*(?P<d>\d{1,2})\s*[./]+\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4}))?"
    r"(?:[^()]*?\s*của\s+(?P<issuer>[^)*]+))?",
    re.IGNORECASE,
)
_PLACE_DATE = re.compile(
    r"^\s*(?P<place>[^\d,]{2,40}),\s*ng[àa]y\s*(?P<d>\d{1,2})\s*th[áa]ng\s*(?P<m>\d{1,2})\s*n[ăa]m\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_SIGN_BLOCK = re.compile(r"^\s*\**\s*(TM\.|T/M|KT\.|Q\.|TL\.|TUQ\.)\s*(.*)$", re.IGNORECASE)
_NAME = re.compile(r"^[A-ZĐÀ-Ỵ][a-zà-ỹđ]+(?: [A-ZĐÀ-Ỵ][a-zà-ỹđ]+){1,4}$")


_HEADER_BODY = re.compile(
    r"^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|THÀNH ỦY|THÀNH UỶ|TỈNH ỦY|TỈNH UỶ|"
    r"BAN CHẤP HÀNH ĐẢNG BỘ|VĂN PHÒNG CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ|QUỐC HỘI|BỘ [A-ZĐÀ-Ỹ ,]+|"
    r"SỞ [A-ZĐÀ-Ỹ ,]+)\s*(.*)$"
)
_HEADER_PLACE = re.compile(r"^(TỈNH|THÀNH PHỐ|TP\.?)\s+(.+)$")
# bodies that speak for the whole country: their name takes no place
_NATIONAL = re.compile(r"^(văn phòng chính phủ|thủ tướng|chính phủ|quốc hội|bộ )", re.IGNORECASE)
# the rule drawn under a letterhead ("-------", "________", "***")
_RULE = re.compile(r"\s*[-–—_=─*]{3,}\s*")


def _national(issuer: str) -> bool:
    return bool(_NATIONAL.match(issuer.strip()))


def read_metadata(source: DocumentModel) -> Document:
    # the header block is often laid out as a table: read every cell as a line of its own
    lines = [clean(cell) for text in source.texts() for part in text.split("\n")
             for cell in re.split(r"(?<!\S)\|(?!\S)", part)]
    number, symbol_kind, issuer_code = _number(lines)
    place, when = _place_date(lines)
    attached = _attached(lines, number)
    parent = ""
    kind = symbol_kind or _kind_from_title(lines) or (attached.get("kind") if attached else "")
    if not number and attached and attached["blank"]:
        # a stand-alone appendix of a document not yet numbered ("Kèm theo Nghị quyết số    /NQ-CP"):
        # the appendix is the document, linked to its parent as written
        parent, kind = attached["written"], _kind_from_title(lines) if _kind_from_title(lines) else "Phụ lục"
    elif not number and attached:
        number = attached["number"]
        issuer_code = issuer_code or _issuer_code(number)
        kind = kind or KINDS.get(_kind_code(number), "")
    if not kind:
        raise ImportFailure(
            "this file is not an official document: no number and symbol and no document title near the top",
            source.location(1),
            expected="a line such as 'Số: 86/KH-UBND' or a title such as 'KẾ HOẠCH' or 'BÁO CÁO'",
        )
    if when is None and attached and attached.get("date"):
        when = attached["date"]
    issuer = attached.get("issuer", "") if attached else ""
    if not place and issuer:
        place = _place_of(issuer)
    header_issuer, header_place, national = _header_block(lines)
    if issuer and place and fold(place) not in fold(issuer) and not national and not _national(issuer):
        issuer = f"{issuer} {place}"
    place = place or header_place
    if header_issuer and (header_place or national or not issuer):
        issuer = header_issuer  # the letterhead names the issuer; an attached line may name another body
    if not issuer and issuer_code:
        issuer = _issuer_name(issuer_code, place, lines)
    signer, signer_title = _signature(lines)
    return Document(
        kind=kind, number=number, issuer=issuer, date=when, title=_title(lines, kind), signer=signer,
        signer_title=signer_title, place=place, file=source.name, scope=scope_for(place, when), parent=parent,
    )


def default_basis(document: Document) -> TargetBasis:
    """A plan of the People's Committee sets the city's stretch targets; resolutions and the Party
    committee's reports set the assigned ones."""
    code = _issuer_code(document.number)
    if fold(document.kind) in ("ke hoach", "chuong trinh", "phuong an") and code == "UBND":
        return TargetBasis.STRETCH
    return TargetBasis.COUNCIL


def basis_from_words(text: str) -> TargetBasis | None:
    f = fold(text)
    if "trung uong giao" in f or "chinh phu giao" in f or "thu tuong" in f:
        return TargetBasis.CENTRAL
    if "hdnd" in f or "hoi dong nhan dan" in f:
        return TargetBasis.COUNCIL
    if "phan dau" in f:
        return TargetBasis.STRETCH
    return None


def _header_block(lines: list[str]) -> tuple[str, str, bool]:
    """ "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NINH" at the top left -> ("Ủy ban nhân dân tỉnh Quảng Ninh", "Quảng Ninh",
    False); "BỘ NỘI VỤ -------" -> ("Bộ Nội vụ", "", True). The rule under the letterhead is not part of it."""
    for i, text in enumerate(lines[:_TOP]):
        text = _RULE.sub(" ", text).strip()
        m = _HEADER_BODY.match(text)
        if not m or not text.isupper():
            continue
        following = [m.group(2).strip()] if m.group(2).strip() else [_RULE.sub(" ", t).strip() for t in lines[i + 1 : i + 4]]
        where = next((w for w in (_HEADER_PLACE.match(t) for t in following) if w), None)
        body = _as_name(m.group(1).strip())
        if where:
            level = "tỉnh" if where.group(1).startswith("TỈNH") else "thành phố"
            place = where.group(2).title()
            return f"{body} {level} {place}", place, False
        return body, "", _national(body)
    return "", "", False


def _as_name(capitals: str) -> str:
    """ "BỘ NỘI VỤ" -> "Bộ Nội vụ", "ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân": a body's word, then its name."""
    words = capitals.replace("UỶ", "ỦY").lower().split()
    if words[0] in ("bộ", "sở") and len(words) > 1:
        return " ".join([words[0].capitalize(), words[1].capitalize(), *words[2:]])
    if words[:3] == ["văn", "phòng", "chính"]:
        return "Văn phòng Chính phủ"
    return " ".join([words[0].capitalize(), *words[1:]]).replace("chính phủ", "Chính phủ").replace("quốc hội", "Quốc hội")


# how far from the top the number and the place and date line are looked for: a web page's text may
# start with the site's box of cells (Số hiệu, Loại văn bản, Nơi ban hành...) before the letterhead
_TOP = 120


def _number(lines: list[str]) -> tuple[str, str, str]:
    for text in lines[:_TOP]:
        if m := _NUMBER.match(text):
            digits = re.sub(r"[\s.]", "", m.group(1))
            symbol = m.group(2).strip("-/ ")
            number = f"{digits}/{symbol}"
            return number, KINDS.get(_kind_code(number), ""), _issuer_code(number)
    return "", "", ""


def _kind_code(number: str) -> str:
    m = re.search(r"[/-]([A-Za-zĐđ]+)(?:[/-]|$)", number)
    if not m:
        return ""
    code = m.group(1)
    return next((k for k in KINDS if k.casefold() == code.casefold()), code)


def _issuer_code(number: str) -> str:
    parts = re.split(r"[/-]", number)
    return parts[-1] if len(parts) >= 3 else ""


def _issuer_name(code: str, place: str, lines: list[str]) -> str:
    body = ISSUERS.get(code, code)
    if code == "TU":
        return f"{body} {place}".strip()
    if _national(body):
        return body  # "Văn phòng Chính phủ", not "… thành phố Hà Nội" where it sits
    level = "tỉnh" if any("ủy ban nhân dân tỉnh" in t.casefold() for t in lines) else "thành phố"
    return f"{body} {level} {place}".strip() if place else body


def _place_of(issuer: str) -> str:
    m = re.search(r"(?:thành phố|tỉnh|thành ủy|thành uỷ|tỉnh ủy|tỉnh uỷ)\s+(.+)$", issuer, re.IGNORECASE)
    return m.group(1).strip() if m else ""


def _place_date(lines: list[str]) -> tuple[str, date | None]:
    for text in lines[:_TOP]:
        if m := _PLACE_DATE.match(text):
            try:
                return m.group("place").strip(), date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                return m.group("place").strip(), None
    return "", None


def _attached(lines: list[str], own_number: str = "") -> dict | None:
    """The "Kèm theo …" line naming the document an appendix belongs to: the one naming the document's
    own number when it has one, else the first written as a caption "(Kèm theo …)", else the first
    (a "kèm theo Thông tư số 69/2017/TT-BTC" inside a sentence is a reference, not a parent)."""
    found: list[tuple[str, re.Match]] = [(text, m) for text in lines if (m := _ATTACHED.search(text))]
    if not found:
        return None
    own = [(t, m) for t, m in found if own_number and f"{m.group('num')}{m.group('sym')}" == own_number]
    captions = [(t, m) for t, m in found if re.search(r"\(\s*\**\s*k[eè]m theo", t, re.IGNORECASE)]
    text, m = (own or captions or found)[0]
    number = f"{m.group('num')}{m.group('sym')}"
    out: dict = {"number": number, "kind": clean(m.group("kind")).capitalize(), "blank": not m.group("num"),
                 "written": clean(m.group(0)).removeprefix(m.group(0)[: len("kèm theo")]).strip(" .)*")}
    if m.group("y"):
        with contextlib.suppress(ValueError):
            out["date"] = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if m.group("issuer"):
        out["issuer"] = m.group("issuer").strip(" .)")
    return out


@dataclass(frozen=True)
class Reference:
    """The document a "Kèm theo …" line names, as far as it says: its kind, its number (the symbol alone,
    "/NQ-CP", when the number is left blank), its date and year when written."""

    kind: str
    number: str
    blank: bool  # the number is left blank: only the symbol is known
    date: date | None = None
    year: int | None = None


_YEAR = re.compile(r"n[ăa]m\s+(\d{4})", re.IGNORECASE)
_DAY_IN_WORDS = re.compile(r"ng[àa]y\s*(\d{1,2})\s*th[áa]ng\s*(\d{1,2})\s*n[ăa]m\s*(\d{4})", re.IGNORECASE)


def reference(written: str) -> Reference | None:
    """The document an appendix's parent text (``Document.parent``, the "Kèm theo" line as written without
    "Kèm theo") names; None when it names no kind and number or symbol."""
    m = _ATTACHED.search(f"Kèm theo {written}")
    if m is None:
        return None
    when = None
    if m.group("y"):
        with contextlib.suppress(ValueError):
            when = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    elif words := _DAY_IN_WORDS.search(written):
        with contextlib.suppress(ValueError):
            when = date(int(words.group(3)), int(words.group(2)), int(words.group(1)))
    year = when.year if when else (int(y.group(1)) if (y := _YEAR.search(written)) else None)
    return Reference(kind=clean(m.group("kind")).capitalize(), number=f"{m.group('num')}{m.group('sym')}",
                     blank=not m.group("num"), date=when, year=year)


def _kind_from_title(lines: list[str]) -> str:
    for text in lines[:_TOP]:
        head = text.lstrip("# ").strip()
        for word in _KIND_WORDS:
            if fold(head).startswith(fold(word)) and head[: len(word)].isupper():
                return word
    return ""


def _title(lines: list[str], kind: str) -> str:
    """The subject under the kind ("KẾ HOẠCH" / "Phát triển kinh tế số…"): the rest of the kind's line or
    the next line; a subject written in capitals ends where the capitals end (a Word paragraph may go on
    with the opening sentence)."""
    for i, text in enumerate(lines[:_TOP]):
        head = text.lstrip("# ").strip()
        if not kind or not fold(head).startswith(fold(kind)) or not head[: len(kind)].isupper():
            continue
        rest = head[len(kind):].strip()
        if not rest:
            rest = next((t.lstrip("# ").strip() for t in lines[i + 1 : i + 4] if t.strip()), "")
        rest = re.split(r"Phần thứ|PHẦN THỨ", rest)[0].strip()
        words = rest.split()
        capitals = 0
        while capitals < len(words) and not any(c.islower() for c in words[capitals]):
            capitals += 1
        if capitals >= 2 and any(w.isupper() for w in words[:capitals]):
            rest = " ".join(words[:capitals])
        if rest and not rest[1:2].isupper():
            rest = rest[:1].lower() + rest[1:]  # "Kế hoạch phát triển…"; a subject in capitals stays as written
        return f"{kind} {rest}".strip() if rest else kind
    return kind


def _signature(lines: list[str]) -> tuple[str, str]:
    for i, text in enumerate(lines):
        m = _SIGN_BLOCK.match(text)
        if not m:
            continue
        title_lines = [m.group(1) + " " + m.group(2).strip(" *")]
        j = i + 1
        while j < len(lines) and lines[j].strip(" *"):
            title_lines.append(lines[j].strip(" *"))
            j += 1
        while j < len(lines) and not lines[j].strip(" *"):
            j += 1
        name = lines[j].strip(" *") if j < len(lines) else ""
        office = title_lines[-1] if len(title_lines) > 1 else ""
        if _NAME.match(name):
            if office.isupper():
                office = office.capitalize().replace("bí thư", "Bí thư")
            return name, office
    return "", ""
