"""Fixtures of the Django apps' tests (tests/domain runs without a database and never sees these)."""

from __future__ import annotations

from datetime import date
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


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many accounts: a fast hasher (production uses Django's default)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
    from kehoach.apps.plan_import.importing import store
    from tests.apps.factories import files_for, plan

    result = plan()
    store(result, files_for(result))
    return result


ROLE_USERNAMES = {"admin": "demo", "finance": "stc", "leader": "lanhdao", "officer_a": "congthuong",
                  "officer_b": "vanhoa", "nobody": "nobody"}


def load_demo_plan() -> None:
    """The sample documents, the published 2025 figures and one account per role (password "pw"),
    as `kehoach demo` loads them, plus "nobody": signed in, with no role."""
    from django.contrib.auth import get_user_model
    from django.test import override_settings

    from kehoach.apps.demo.accounts import ensure_demo_accounts
    from kehoach.apps.figures.importing import import_file
    from kehoach.apps.obligations.services import ensure_plan_obligations

    call_command("import", str(BAO_CAO_619), str(KE_HOACH_86), stdout=StringIO())
    report = import_file(SAMPLES / "haiphong-2025-figures.csv")
    assert not report.problems
    ensure_plan_obligations(start=date(2025, 1, 1))
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        ensure_demo_accounts(password=lambda _username: "pw")
        get_user_model().objects.create_user(username="nobody", password="pw")


def role_users() -> dict:
    from django.contrib.auth import get_user_model

    users = {u.username: u for u in get_user_model().objects.filter(username__in=ROLE_USERNAMES.values())}
    return {role: users[username] for role, username in ROLE_USERNAMES.items()}


@pytest.fixture(scope="module")
def _demo_plan_of_the_module(django_db_setup, django_db_blocker):
    """``load_demo_plan`` once per test module, inside a transaction rolled back when the module ends;
    each test runs in a savepoint within it (pytest-django's ``db``), so tests never see each
    other's changes. Loading the plan for every test would cost about 2 s each."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_demo_plan()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo_plan(_demo_plan_of_the_module, db):
    """The sample plan of Hải Phòng with its 2025 figures and the role accounts (``load_demo_plan``)."""


@pytest.fixture
def people(demo_plan) -> dict:
    """One user per role, password "pw": admin, finance (Sở Tài chính), leader (Hoàng Minh Cường),
    officer_a (Sở Công Thương), officer_b (Sở Văn hóa, Thể thao và Du lịch), and nobody (no role)."""
    return role_users()


@pytest.fixture
def login(client):
    """login(user) signs the test client in as that user and returns the client."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
