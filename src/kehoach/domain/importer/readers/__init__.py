"""Readers: every input form becomes one :class:`~kehoach.domain.importer.document.DocumentModel`.

    model = read_document(Path("ke-hoach.docx"))

The form is recognised from the content first (a Word or OpenDocument zip, ``%PDF``, an HTML
page), then from the name; text is decoded as UTF-8, UTF-16 (with its byte-order mark) or
Windows-1258 and the model says which. A form that needs a program not installed (LibreOffice for
``.doc``/``.odt``, Tesseract for a scanned PDF) fails with a message saying how to install it.
"""

from __future__ import annotations

from pathlib import Path

from kehoach.domain.entities import Location
from kehoach.domain.importer.document import DocumentModel
from kehoach.domain.importer.errors import ImportFailure

__all__ = ["read_document", "SUFFIXES"]

# what the upload page and the commands accept
SUFFIXES = (".txt", ".md", ".text", ".csv", ".tsv", ".docx", ".doc", ".odt", ".rtf", ".pdf", ".html", ".htm")


def read_document(path: Path) -> DocumentModel:
    path = Path(path)
    raw = path.read_bytes()
    return read_bytes(path.name, raw)


def read_bytes(name: str, raw: bytes) -> DocumentModel:
    suffix = Path(name).suffix.lower()
    if raw[:4] == b"PK\x03\x04":
        if b"word/document.xml" in raw[:65536] or suffix == ".docx" or b"word/" in raw:
            from kehoach.domain.importer.readers.docx import read_docx

            return read_docx(name, raw)
        if b"opendocument.text" in raw[:200] or suffix == ".odt":
            from kehoach.domain.importer.readers.office import read_with_libreoffice

            return read_with_libreoffice(name, raw)
        raise ImportFailure("this is a zip archive but not a Word (.docx) or OpenDocument (.odt) file",
                            Location(name, 1), expected="a .docx, .odt, .doc, .pdf, HTML or text file")
    if raw[:5] == b"%PDF-":
        from kehoach.domain.importer.readers.pdf import read_pdf

        return read_pdf(name, raw)
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or raw[:5] == b"{\\rtf":
        from kehoach.domain.importer.readers.office import read_with_libreoffice

        return read_with_libreoffice(name, raw)
    from kehoach.domain.importer.readers.text import decode, read_text

    text, encoding = decode(name, raw)
    if suffix in (".html", ".htm") or _looks_like_html(text):
        from kehoach.domain.importer.readers.html import read_html

        return read_html(name, text, raw, encoding)
    return read_text(name, text, raw, encoding)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<html" in head and "<body" in text[:65536].lower())
