"""Tables flattened off a web page: one cell per line run, a line holding only ``|`` between cells.

A row is written ``|`` cell ``|`` cell … ``|``, so two ``|`` lines in a row mark the boundary
between two rows — and also an empty cell. Long cells wrap over several lines (joined here with a
space). A row whose cells are merged with the row above (a rowspan) is simply short. The text
between tables is prose; a run of blank lines between two ``|`` lines is a gap inside a table
flattened as several blocks.

Rows are split with the column count of the table (the longest usual row, at least the header's)
and, when the table has a number column (``STT``/``TT``), with the numbers that start rows: a
row is short when the numbers say so, and it is longer than the header when its extra cells are
empty and the next row starts with a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.domain.importer.document import Break, Cell, DocumentModel, Paragraph, TableBlock
from kehoach.domain.importer.reader import follows, is_column_numbers
from kehoach.domain.text import clean, fold

_TASK_NUMBER = re.compile(r"^\d{1,3}(\.\d{1,3})*\.?$")
_GROUP_KEY = re.compile(r"^([A-HĐ]|[IVXLC]{1,6})\.?$")
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_KEY = re.compile(r"^(\d{1,3}(\.\d{1,3})*\.?|[IVXLC]{1,6}(\.\d{1,3})*\.?|[A-HĐa-hđ][.)]?|[-+•–*])$")


@dataclass
class _Token:
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    bar: int = 0  # the line number of the | before it
    merged: bool = False  # the place of a cell merged from the row above (not written)

    @property
    def separator(self) -> bool:
        """Nothing between two | lines: a row boundary or an empty cell."""
        blank = [t for _, t in self.lines if not t.strip()]
        return len(self.lines) == len(blank) and len(blank) <= 1

    @property
    def gap(self) -> bool:
        return len(self.lines) >= 2 and all(not t.strip() for _, t in self.lines)

    @property
    def prose(self) -> bool:
        """Text that is no cell: paragraphs (a blank line inside), or a Markdown heading (the page's
        own sections after the document, "## Văn bản liên quan")."""
        texts = [t for _, t in self.lines]
        if any(_MD_HEADING.match(t) for t in texts):
            return True
        return any(not t.strip() for t in texts) and any(t.strip() for t in texts)

    @property
    def text(self) -> str:
        return " ".join(t.strip() for _, t in self.lines if t.strip())

    @property
    def line(self) -> int:
        return next((n for n, t in self.lines if t.strip()), self.bar)


def is_flattened(lines: list[str]) -> bool:
    bars = sum(1 for t in lines if t.strip() == "|")
    tabs = sum(1 for t in lines if "\t" in t)
    return bars >= 4 and bars > tabs


# a group row written as one cell: a Roman numeral or a letter, a dot, the title ("I. NÂNG CAO NHẬN THỨC…")
_LABELLED_GROUP = re.compile(r"^([IVXLC]{1,6}|[A-HĐ])\s*[.)]\s+\S")


def key_like(text: str) -> bool:
    return bool(_KEY.match(clean(text))) or bool(_LABELLED_GROUP.match(clean(text)))


def read_flattened(name: str, lines: list[str]) -> DocumentModel:
    model = DocumentModel(name=name, form="web page text (flattened tables)")
    tokens: list[_Token] = [_Token()]
    for i, text in enumerate(lines):
        if text.strip() == "|":
            tokens.append(_Token(bar=i + 1))
        else:
            tokens[-1].lines.append((i + 1, text))
    _paragraphs(model, tokens[0])
    run: list[_Token] = []
    width = 0
    for token in tokens[1:] + [_Token(lines=[(0, ""), (0, "x")])]:  # a sentinel ends the last run
        if token.gap or token.prose:
            width = _tables(model, run, width)
            run = []
            if token.gap:
                model.blocks.append(Break(token.bar, "gap"))
            else:
                _paragraphs(model, token)
                width = 0
            continue
        run.append(token)
    return model


def _tables(model: DocumentModel, tokens: list[_Token], previous_width: int) -> int:
    """The tables of a run of tokens between prose: a table ends after a full row followed by text
    instead of a row boundary; that text is prose and the next | opens another table."""
    while tokens and tokens[0].separator:
        tokens = tokens[1:]
    while tokens:
        rows, rest = _rows(tokens, previous_width)
        rows = [row for row in rows if row]
        if rows:
            table = TableBlock(rows=[], line=rows[0][0].line, number=len(model.tables()) + 1, form="flattened")
            width = max(len(row) for row in rows)
            for r, row in enumerate(rows):
                cells = [Cell(t.text, t.line, table=table.number, row=r + 1, column=k + 1, merged=t.merged)
                         for k, t in enumerate(row)]
                above = len(table.rows[r - 1]) if r else 0
                if r and (row[0].merged or _TASK_NUMBER.match(clean(row[0].text))) and len(row) < width and above > len(row):
                    # a numbered row shorter than the row above (as completed): its last cells are merged
                    # from above, however many short rows the merged cells cover
                    cells += [Cell("", row[-1].line, merged=True, table=table.number, row=r + 1, column=k + 1)
                              for k in range(len(row), min(width, above))]
                table.rows.append(cells)
            _header_spans(table)
            model.blocks.append(table)
            previous_width = table.width
        if not rest:
            break
        _paragraphs(model, rest[0])
        tokens = rest[1:]
        previous_width = 0
    return previous_width


def _rows(tokens: list[_Token], previous_width: int) -> tuple[list[list[_Token]], list[_Token]]:
    """The rows of a table, each fitted to the table's width: a row written with a blank cell between
    its number and its title ("5.1 | | Thương mại | | | |", a sub-group whose label spans two
    columns in the Word original) loses the blank cell and the empty cells past the width."""
    rows, rest, width, keyed = _split_rows(tokens, previous_width)
    if keyed:
        for row in rows[1:]:
            while len(row) > width and len(row) > 2 and row[0].text and not clean(row[1].text):
                del row[1]
            while len(row) > width and not clean(row[-1].text):
                row.pop()
    return rows, rest


def _split_rows(tokens: list[_Token], previous_width: int) -> tuple[list[list[_Token]], list[_Token], int, bool]:
    runs = _runs(tokens)
    header = runs[0] if runs else []
    continued = bool(header) and key_like(header[0].text) and previous_width > 0
    keyed = continued or bool(re.fullmatch(r"(so )?(stt|tt|thu tu)", fold(clean(header[0].text)) if header else ""))
    # the column count: the header's, or the first numbered row's when longer (a header of merged
    # cells over a row of column numbers); a table going on after a gap keeps its count
    first_numbered = next((r for r in runs[1:] if key_like(r[0].text)), []) if keyed else []
    width = max(previous_width if continued else len(header), len(first_numbered), 1)
    rows: list[list[_Token]] = []
    i, n = 0, len(tokens)
    in_header = not continued
    while i < n:
        if in_header and keyed and key_like(tokens[i].text) and clean(tokens[i].text):
            in_header = False
        if in_header:
            j = i
            limit = len(rows[-1]) if rows and not keyed else n
            while j < n and not tokens[j].separator and j - i < limit and not (j > i and _opens_table(tokens[j])):
                j += 1
            if j < n and _opens_table(tokens[j]) and (j > i or rows):
                # a number-column header starts another table; the text just before it is its caption
                if j - 1 > i:
                    rows.append(tokens[i:j - 1])
                return rows, tokens[j - 1:] if j > i else [_Token(bar=tokens[j].bar), *tokens[j:]], width, keyed
            rows.append(tokens[i:j])
            if j < n and not tokens[j].separator:  # a full row followed by text: the table ends
                return rows, tokens[j:], width, keyed
            i = j + 1
            continue
        end = i + width
        while keyed and end < n and not tokens[end].separator and not clean(tokens[end].text) and end - i < width + 2:
            end += 1  # empty cells past the width (a blank cell between a sub-group's number and its title)
        if end >= n:
            rows.append(_trim(tokens[i:n]))
            return rows, [], width, keyed
        if tokens[end].separator:
            start = end + 1
            extra = end
            # extra empty cells: the next row starts with a number two places on
            while keyed and start + 1 < n and tokens[start].separator and _starts(tokens[start + 1]):
                extra, start = start, start + 1
            if keyed and start < n and not _starts(tokens[start]) and not tokens[start].separator:
                short = _short(tokens, i, end)
                if short is not None:
                    rows.append(tokens[i:short])
                    i = short + 1
                    continue
            rows.append(tokens[i:extra])
            i = start
            continue
        if keyed and i < n and not tokens[i].separator and not key_like(tokens[i].text):
            # a continuation row: its number merged from the row above is not written
            short = _short(tokens, i, end - 1)
            if short is not None:
                rows.append([_Token(bar=tokens[i].bar, merged=True), *tokens[i:short]])
                i = short + 1
                continue
        # text where the row boundary should be: a short row, or the end of the table
        short = _short(tokens, i, end) if keyed else None
        if short is not None:
            rows.append(tokens[i:short])
            i = short + 1
            continue
        rows.append(tokens[i:end])
        return rows, tokens[end:], width, keyed
    return rows, [], width, keyed


def _opens_table(token: _Token) -> bool:
    return bool(re.fullmatch(r"(so )?(stt|tt|thu tu)", fold(clean(token.text))))


def _header_spans(table: TableBlock) -> None:
    """A two-row header whose spans the flattening lost: the first row is short, the second holds the
    sub-columns of one of its cells, and a row numbering the columns tells the width ("Năm hiện hành
    2025" over "Kế hoạch" and "Ước thực hiện"). The first cell after the item columns spans the
    sub-columns; the other places of the second row are merged from the first."""
    from kehoach.domain.importer.columns import classify_columns

    if len(table.rows) < 3:
        return
    top, sub, numbers = table.rows[:3]
    width, k = len(numbers), len(sub)
    if not is_column_numbers([clean(c.text) for c in numbers]) or len(top) + k - 1 != width or k < 2:
        return
    if any(not clean(c.text) or re.search(r"\d{3}", clean(c.text)) and not re.search(r"năm", c.text, re.I)
           for c in sub):
        return
    roles = classify_columns([[clean(c.text)] for c in top])
    j = next((c.index for c in roles if c.index and c.role not in ("key", "content", "name", "unit")), None)
    if j is None or j + k > width:
        return
    top[j].col_span = k
    line = sub[0].line
    table.rows[1] = ([Cell("", line, merged=True, table=table.number, row=2, column=c + 1) for c in range(j)] + sub
                     + [Cell("", line, merged=True, table=table.number, row=2, column=c + 1)
                        for c in range(j + k, width)])


def _trim(row: list[_Token]) -> list[_Token]:
    while row and row[-1].separator:
        row = row[:-1]
    return row


def _starts(token: _Token) -> bool:
    return bool(clean(token.text)) and key_like(token.text)


def _short(tokens: list[_Token], i: int, end: int) -> int | None:
    """The boundary of a short row starting at i: the last empty token before `end` followed by a
    number; failing that, the first one followed by a short row without a number (a continuation
    row, its number merged from above) that a numbered row follows."""
    n = len(tokens)
    numbered = [s for s in range(i + 1, end) if tokens[s].separator and s + 1 < n and _starts(tokens[s + 1])]
    current = clean(tokens[i].text)
    following = [s for s in numbered if follows(current, clean(tokens[s + 1].text))]
    if following:  # the boundary before the number that comes next after this row's
        return following[0]
    groups = [s for s in numbered if _GROUP_KEY.match(clean(tokens[s + 1].text))]
    if groups and _GROUP_KEY.match(current) and groups[0] - i <= 3:
        return groups[0]  # a group row (label and title) followed by a deeper group row: "A | …" then "I | …"
    if numbered:
        return numbered[-1]
    width = end - i
    for s in range(i + 1, end):
        if tokens[s].separator and s + 1 < n and not tokens[s + 1].separator:
            for t in range(s + 2, min(s + 1 + width, n - 1)):
                if tokens[t].separator and _starts(tokens[t + 1]):
                    return s
    return None


def _runs(tokens: list[_Token]) -> list[list[_Token]]:
    runs: list[list[_Token]] = [[]]
    for t in tokens:
        if t.separator:
            runs.append([])
        else:
            runs[-1].append(t)
    return [r for r in runs if r]


_HEADING_END = re.compile(r"\*\*\s*$")


def _paragraphs(model: DocumentModel, token: _Token) -> None:
    """Prose: paragraphs end at a blank line, and around a bold line (a heading)."""
    current: list[tuple[int, str]] = []

    def flush():
        if current:
            model.blocks.append(Paragraph(" ".join(t.strip() for _, t in current), current[0][0]))
            current.clear()

    for number, text in token.lines:
        if not text.strip():
            flush()
            continue
        if text.lstrip().startswith("**") and current and not _open_bold(current):
            flush()
        current.append((number, text))
        if _HEADING_END.search(text) and not _open_bold(current):
            flush()
    flush()


def _open_bold(lines: list[tuple[int, str]]) -> bool:
    """An odd number of ** markers: a bold span still open."""
    return sum(t.count("**") for _, t in lines) % 2 == 1
