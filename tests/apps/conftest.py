"""Fixtures of the Django apps' tests (tests/domain runs without a database and never sees these)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

import kehoach

SAMPLES = Path(kehoach.__file__).resolve().parent / "sample_data"
BAO_CAO_619 = SAMPLES / "bao-cao-619-BC-TU-2024.txt"
KE_HOACH_86 = SAMPLES / "ke-hoach-86-KH-UBND-2025.txt"

# The smallest valid PNG: a 1x1 transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
PROSE = (
    "Hôm nay trời đẹp. Chúng tôi đi dạo quanh hồ và nói chuyện về những cuốn sách đã đọc.\n\n"
    "Buổi chiều, cả nhà cùng nấu cơm và xem phim. Không có bảng nào ở đây cả.\n"
)


def history_rows() -> int:
    """All rows of every historical table (models and many-to-many fields)."""
    return sum(m.objects.count() for m in apps.get_models() if m.__name__.startswith("Historical"))


@pytest.fixture
def png_file(tmp_path: Path) -> Path:
    path = tmp_path / "scan.png"
    path.write_bytes(PNG)
    return path


@pytest.fixture
def prose_file(tmp_path: Path) -> Path:
    path = tmp_path / "thu-gui-ban.txt"
    path.write_text(PROSE, encoding="utf-8")
    return path


@pytest.fixture
def sample_documents(db):
    """Kế hoạch 86/KH-UBND and Báo cáo 619-BC/TU imported as `kehoach import` does: the plan's indicators."""
    call_command("import", str(BAO_CAO_619), str(KE_HOACH_86), stdout=StringIO())


@pytest.fixture
def stored_plan(db):
    """The hand-built plan of tests.apps.factories, stored."""
    from kehoach.apps.documents.importing import store
    from tests.apps.factories import files_for, plan

    result = plan()
    store(result, files_for(result))
    return result
