"""The report as PDF: the Word document converted by LibreOffice headless (``soffice``).

Each conversion runs with its own throwaway LibreOffice profile (``-env:UserInstallation``), so
conversions can run side by side and never touch a user's profile, and with a timeout. The PDF
is written next to its destination under a temporary name and moved into place: never half-written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

MISSING = "PDF needs LibreOffice (soffice) on this machine: apt-get install libreoffice-writer-nogui"
TIMEOUT_S = 120


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed (or cannot be run) here."""


class PdfFailed(RuntimeError):
    """LibreOffice ran but gave no PDF (or took too long)."""


def soffice() -> str | None:
    """The path of LibreOffice's ``soffice``, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


def docx_to_pdf(docx: bytes, timeout: float = TIMEOUT_S) -> bytes:
    """The PDF of a Word document (bytes in, bytes out)."""
    program = soffice()
    if program is None:
        raise PdfUnavailable(MISSING)
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as work:
        folder = Path(work)
        source = folder / "bao-cao.docx"
        source.write_bytes(docx)
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", str(folder / "out"), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                  env={**os.environ, "HOME": str(folder)})
        except FileNotFoundError as exc:
            raise PdfUnavailable(MISSING) from exc
        except subprocess.TimeoutExpired as exc:
            raise PdfFailed(f"LibreOffice did not finish the PDF within {timeout:g} s") from exc
        result = folder / "out" / "bao-cao.pdf"
        if done.returncode != 0 or not result.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
            raise PdfFailed(f"LibreOffice gave no PDF: {detail[0]}")
        return result.read_bytes()


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
