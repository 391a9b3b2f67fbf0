"""What the tests of the preview's corrections share: a plan uploaded, its preview, its task table."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

# Kế hoạch 45/KH-UBND of Quảng Ninh: groups A / I / 1, tasks 1.1, 1.2, a "-" sub-row, 2 (lines 10-18)
QUANG_NINH = Path(__file__).resolve().parents[2] / "domain" / "importer" / "fixtures" / "quang-ninh-style-plan.txt"


def upload(client, name: str = "ke-hoach-45.txt", content: bytes | None = None) -> str:
    """Upload the plan; the preview's address."""
    response = client.post("/documents/upload/", {"file": SimpleUploadedFile(
        name, QUANG_NINH.read_bytes() if content is None else content, "text/plain")})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def table_key(page: str) -> str:
    """The key of the (first) table the preview shows: it names the form's fields."""
    return re.search(r'name="column-(\w+)-0"', page).group(1)


def row_of(page: str, line: int) -> str:
    """The preview's reading of a row, from its line number to the end of its row."""
    start = page.index(f'<td>{line}</td>')
    return page[start:page.index("</tr>", start)]


def column_head(page: str, key: str, index: int) -> str:
    start = page.index(f'name="column-{key}-{index}"')
    return page[start:page.index("</th>", start)]


def selected(fragment: str) -> str:
    return re.search(r'<option value="(\w*)" selected>', fragment).group(1)
