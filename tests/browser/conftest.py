"""Real-browser tests: Playwright drives Debian's Chromium against the live test server.

Skipped, with the reason, only where no Chromium is installed (`.ci/run` installs it). The
screenshots of the main pages are saved under ``artifacts/screenshots/`` (or
``$KEHOACH_ARTIFACTS/screenshots``) as test artefacts.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.apps.conftest import fast_password_hashing, load_demo_plan, role_users  # noqa: F401 (a fixture)

# Playwright's sync API keeps an event loop in this thread; the tests' own ORM calls are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("KEHOACH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("KEHOACH_ARTIFACTS", "artifacts")) / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture
def people(transactional_db) -> dict:
    """The demo plan and the role accounts, committed: the live server's thread must see them."""
    load_demo_plan()
    return role_users()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) to run the "
                    "browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.skip("Playwright for Python is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    yield tab
    context.close()


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2, base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    yield tab
    context.close()


def shoot(tab, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def sign_in(tab, username: str, password: str = "pw") -> None:
    tab.goto("/accounts/login/")
    tab.get_by_label("Tên đăng nhập").fill(username)
    tab.get_by_label("Mật khẩu").fill(password)
    tab.get_by_role("button", name="Đăng nhập").click()
    tab.wait_for_load_state()


def sign_out(tab) -> None:
    tab.get_by_role("button", name="Đăng xuất").click()
    tab.wait_for_load_state()
