"""Text inputs: their encoding, then tab-separated or Markdown pipe tables, or the tables of a
web page flattened to one cell per line run (:mod:`.flattened`)."""

from __future__ import annotations

import re

from kehoach.domain.entities import Location
from kehoach.domain.importer.document import Cell, DocumentModel, Paragraph, TableBlock
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.text import nfc

_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# letters and combining tone marks only Vietnamese text has, as Windows-1258 decodes them
_VIETNAMESE_1258 = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
_VIETNAMESE_ONLY = re.compile("[ăđơưĂĐƠƯ\u0309\u0323]")


def decode(name: str, raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was found in: UTF-8 (with or without a byte-order mark),
    UTF-16 (byte-order mark, or the zero bytes of ASCII text without one) or Windows-1258."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _text(raw.decode("utf-8-sig")), "UTF-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _text(raw.decode("utf-16")), "UTF-16"
        except UnicodeDecodeError:
            pass
    head = raw[:4096]
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        encoding = "utf-16-le" if odd > len(head) // 4 and even < odd // 8 else (
            "utf-16-be" if even > len(head) // 4 and odd < even // 8 else "")
        if encoding:
            try:
                return _text(raw.decode(encoding)), "UTF-16"
            except UnicodeDecodeError:
                pass
        raise ImportFailure("this is a binary file, not a document the importer knows", Location(name, 1),
                            expected="a .docx, .doc, .odt, .pdf, HTML or text (UTF-8, UTF-16, Windows-1258) file")
    try:
        return _text(raw.decode("utf-8")), "UTF-8"
    except UnicodeDecodeError as exc:
        failure = exc
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and len(_VIETNAMESE_ONLY.findall(text)) >= 3 and len(_VIETNAMESE_1258.findall(text)) * 50 >= len(
            re.findall(r"[^\x00-\x7f]", text)):
        return _text(text), "Windows-1258"
    line = raw[: failure.start].count(b"\n") + 1
    raise ImportFailure(f"byte {failure.start} is not UTF-8, and the text is not Vietnamese in Windows-1258",
                        Location(name, line), expected="UTF-8, UTF-16 or Windows-1258 text")


def _text(text: str) -> str:
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def read_text(name: str, text: str, raw: bytes, encoding: str) -> DocumentModel:
    lines = text.split("\n")
    from kehoach.domain.importer.readers import flattened, lines_export

    if flattened.is_flattened(lines):
        model = flattened.read_flattened(name, lines)
    elif not any(split_cells(t) for t in lines) and lines_export.is_lines_export(lines):
        model = lines_export.read_lines_export(name, lines)
    else:
        model = read_separated(name, lines)
    model.raw = raw
    model.notes.insert(0, f"text in {encoding}")
    model.form = f"{model.form} ({encoding})"
    return model


# a group row written as one cell: a Roman numeral or a letter, a dot, the title
_LABELLED_GROUP = re.compile(r"^(\*\*)?([IVXLC]{1,6}|[A-HĐ])\s*[.)]\s+\S")


def split_cells(text: str) -> list[str] | None:
    """The cells of a tab-separated or Markdown pipe line, [] for a |---| line, None for prose."""
    if "\t" in text:
        return text.split("\t")
    stripped = text.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        if _PIPE_SEPARATOR.match(stripped):
            return []
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return [c.strip() for c in inner.split("|")]
    return None


def read_separated(name: str, lines: list[str]) -> DocumentModel:
    """Tables as runs of tab-separated or pipe lines; every other line a paragraph (blank ones kept)."""
    model = DocumentModel(name=name, form="text")
    table: TableBlock | None = None
    for i, text in enumerate(lines):
        number = i + 1
        cells = split_cells(text)
        if cells is None and table is not None and _LABELLED_GROUP.match(text.strip()) and i + 1 < len(lines) \
                and split_cells(lines[i + 1]):
            cells = [text.strip()]  # a group row written as one cell ("I. NÂNG CAO NHẬN THỨC…") inside the table
        if cells is None:
            table = None
            model.blocks.append(Paragraph(text, number))
            continue
        if cells == []:
            continue
        if table is None:
            table = TableBlock(rows=[], line=number, number=len(model.tables()) + 1,
                               form="tab" if "\t" in text else "pipe")
            model.blocks.append(table)
        r = len(table.rows) + 1
        table.rows.append([Cell(c, number, table=table.number, row=r, column=k + 1) for k, c in enumerate(cells)])
    return model
