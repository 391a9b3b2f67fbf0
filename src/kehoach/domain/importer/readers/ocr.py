"""A scanned PDF (pages as pictures, no text layer) read through Tesseract OCR in Vietnamese.

Pages are rendered with pypdfium2 and read with pytesseract (``lang="vie"``); the text is then
read like any converted text (:func:`.text.read_text`). Tesseract and its Vietnamese data are a
system package: when missing, the failure says how to install them.
"""

from __future__ import annotations

import io
import shutil

from kehoach.domain.entities import Location
from kehoach.domain.importer.document import DocumentModel
from kehoach.domain.importer.errors import ImportFailure

INSTALL = "Tesseract OCR with its Vietnamese data: on Debian/Ubuntu `sudo apt-get install tesseract-ocr tesseract-ocr-vie`"
LANGUAGE = "vie"


def read_scanned_pdf(name: str, raw: bytes) -> DocumentModel:
    where = Location(name, 1)
    try:
        import pypdfium2
        import pytesseract
    except ImportError:  # pragma: no cover - dependencies of the project
        raise ImportFailure("this PDF is a scan without a text layer and pytesseract/pypdfium2 are not installed",
                            where, expected="pip install pytesseract pypdfium2") from None
    if not shutil.which(pytesseract.pytesseract.tesseract_cmd):
        raise ImportFailure("this PDF is a scan without a text layer: reading it needs OCR, and Tesseract is not "
                            "installed", where, expected=INSTALL)
    try:
        languages = pytesseract.get_languages(config="")
    except pytesseract.TesseractError:
        languages = []
    if LANGUAGE not in languages:
        raise ImportFailure("this PDF is a scan without a text layer: reading it needs OCR in Vietnamese, and "
                            "Tesseract's Vietnamese data is not installed", where, expected=INSTALL)
    pages = []
    document = pypdfium2.PdfDocument(io.BytesIO(raw))
    try:
        for page in document:
            image = page.render(scale=300 / 72).to_pil()
            pages.append(pytesseract.image_to_string(image, lang=LANGUAGE))
    finally:
        document.close()
    from kehoach.domain.importer.readers.text import read_text

    text = "\n\n".join(pages)
    model = read_text(name, text, raw, "UTF-8")
    model.form = "scanned PDF (OCR, Tesseract vie)"
    model.notes = ["read by OCR: check names and numbers against the scan"]
    return model
