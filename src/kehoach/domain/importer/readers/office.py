"""Legacy Word (.doc), OpenDocument (.odt) and RTF files: converted to .docx by LibreOffice
headless, then read as Word (:mod:`.docx`). When LibreOffice is not installed the failure says how
to install it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kehoach.domain.entities import Location
from kehoach.domain.importer.document import DocumentModel
from kehoach.domain.importer.errors import ImportFailure

INSTALL = "LibreOffice: on Debian/Ubuntu `sudo apt-get install libreoffice-writer-nogui` (or save the file as .docx)"
TIMEOUT_SECONDS = 120


def read_with_libreoffice(name: str, raw: bytes) -> DocumentModel:
    where = Location(name, 1)
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if not program:
        raise ImportFailure(f"{Path(name).suffix or 'this'} files are read through LibreOffice, which is not installed",
                            where, expected=INSTALL)
    with tempfile.TemporaryDirectory(prefix="kehoach-office-") as folder:
        source = Path(folder) / ("input" + (Path(name).suffix.lower() or ".doc"))
        source.write_bytes(raw)
        profile = Path(folder) / "profile"
        try:
            subprocess.run(
                [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder, str(source)],
                check=True, capture_output=True, timeout=TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired:
            raise ImportFailure(f"LibreOffice did not convert the file within {TIMEOUT_SECONDS} s", where,
                                expected="a Word or OpenDocument file LibreOffice can open") from None
        except subprocess.CalledProcessError as exc:
            raise ImportFailure(f"LibreOffice could not convert the file: {exc.stderr.decode(errors='replace')[:200]}",
                                where, expected="a Word or OpenDocument file LibreOffice can open") from None
        converted = source.with_suffix(".docx")
        if not converted.exists():
            raise ImportFailure("LibreOffice could not convert the file", where,
                                expected="a Word or OpenDocument file LibreOffice can open")
        from kehoach.domain.importer.readers.docx import read_docx

        model = read_docx(name, converted.read_bytes())
    model.form = f"{Path(name).suffix.lstrip('.').upper() or 'office'} file (converted by LibreOffice)"
    model.raw = raw
    return model
