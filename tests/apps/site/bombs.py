"""Decompression bombs of about 150 KB: an .xlsx (a sheet "Chỉ tiêu"), a .docx and a backup, each
with one member that inflates to about 150 MB."""

from __future__ import annotations

import zipfile
from pathlib import Path

BLANK = b" " * (1024 * 1024)  # white space inside the XML: deflate's best ratio, about 1000 to 1


def _huge(archive: zipfile.ZipFile, name: str, megabytes: int = 150) -> None:
    with archive.open(name, "w", force_zip64=True) as member:
        member.write(b'<?xml version="1.0"?><worksheet>')
        for _ in range(megabytes):
            member.write(BLANK)


def xlsx_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                          'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="Chỉ tiêu" sheetId="1"/></sheets></workbook>')
        _huge(z, "xl/worksheets/sheet1.xml")
    return path


def docx_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        _huge(z, "word/document.xml")
    return path


def backup_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("manifest.json", '{"format": "kehoach-backup", "format_version": 1, "migrations": {}, '
                                    '"tables": {"auth.user": {"rows": 1, "member": "data/auth.user.jsonl"}}}')
        _huge(z, "data/auth.user.jsonl")
    return path
