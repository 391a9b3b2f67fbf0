"""Vietnamese text: NFC normalisation, diacritic folding and conversion-markup cleanup."""

from __future__ import annotations

import re
import unicodedata

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPTS = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_TAGS = re.compile(r"</?(?:b|i|u|em|strong|sup|sub|br|span)\b[^>]*>", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*{1,3}")
_SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009\u202f]+")
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")


def nfc(text: str) -> str:
    """Normalise to NFC: the one form every stored and compared string uses."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case ASCII form for matching with and without diacritics: "Giải ngân" -> "giai ngan"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return collapse_spaces(normalise_dashes(stripped)).casefold()


def folded_text(*texts: str | None) -> str:
    """The folded text a row is found by (the ``search_text`` column of the searchable models): its
    texts joined, folded. A search matches it with ``fold(query)`` as a phrase
    (``kehoach.web.search.FoldedSearchFilter``): "giai ngan" finds "Giải ngân"."""
    return fold(" ".join(text for text in texts if text))


def normalise_dashes(text: str) -> str:
    """En and em dashes, minus signs and friends become "-"."""
    return _DASHES.sub("-", text)


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def strip_markup(text: str) -> str:
    """Remove what conversion leaves around text: <b>/<i> tags, Markdown emphasis, footnote markers."""
    text = _TAGS.sub(" ", text)
    # A marker between two letters or digits stood for a space ("**Tập**trung" is two words); next to
    # punctuation or a space it stood for nothing ("IOC)*, nhiệm vụ", "*“Bình dân học vụ số”*;").
    text = _EMPHASIS.sub(lambda m: " " if _joins_words(m.string, m.start(), m.end()) else "", text)
    text = _SUPERSCRIPTS.sub("", text)
    return text


def _joins_words(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


def clean(text: str) -> str:
    """NFC, markup removed, spaces collapsed: the form a cell's text is kept in."""
    return collapse_spaces(strip_markup(nfc(text)))


def is_emphasised(raw: str) -> bool:
    """True when the whole cell was bold or italic in the source (a group or label row)."""
    s = raw.strip()
    return bool(s) and bool(
        re.fullmatch(r"(<(b|i|strong|em)>.*</\2>)|(\*{1,3}[^*].*\*{1,3})", s, re.IGNORECASE | re.DOTALL)
    )
