"""Documents of the family for the appendix tests: a Government resolution, and a stand-alone appendix
attached to a resolution not yet numbered ("Kèm theo Nghị quyết số     /NQ-CP ngày    tháng 11 năm 2025")."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.core.management import call_command

TABLE = ["", "STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn", "1\tXây dựng đề án\tBộ Tài chính\tQuý IV/2025", ""]
PARENT_AS_WRITTEN = "Nghị quyết số /NQ-CP ngày tháng 11 năm 2025 của Chính phủ"


def resolution(folder: Path, number: str, day: int, month: int = 11, year: int = 2025) -> Path:
    path = folder / f"nghi-quyet-{number.split('/')[0]}.txt"
    path.write_text("\n".join(["CHÍNH PHỦ", f"Số: {number}", f"Hà Nội, ngày {day} tháng {month} năm {year}", "",
                               "NGHỊ QUYẾT", "Về nhiệm vụ trọng tâm năm 2026", *TABLE]) + "\n", encoding="utf-8")
    return path


def appendix(folder: Path, name: str = "phu-luc.txt") -> Path:
    path = folder / name
    path.write_text("\n".join(["PHỤ LỤC", "DANH MỤC NHIỆM VỤ TRỌNG TÂM",
                               "(Kèm theo Nghị quyết số     /NQ-CP ngày    tháng 11 năm 2025 của Chính phủ)",
                               *TABLE]) + "\n", encoding="utf-8")
    return path


def run_import(*paths: Path) -> str:
    out = StringIO()
    call_command("import", *map(str, paths), stdout=out)
    return out.getvalue()


def page(client, document) -> str:
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, element_id: str) -> str:
    """The element with that id, up to its closing tag's line."""
    start = html.index(f'id="{element_id}"')
    return html[start:html.index("</", html.index(">", start) + 1) + 200]
