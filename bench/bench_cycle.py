"""The monthly cycle, timed and counted per role: the steps of the browser test
``tests/browser/test_monthly_cycle.py`` (``tests/browser/cycle.py``), run once against a live
server on a fresh SQLite database with the demo plan, in Debian's Chromium (1280×900). Printed: the
clicks (buttons, links, tick boxes, choosing a file; not typing) and the seconds each role needed,
sign-in and sign-out included. Before issue 15 the officer's month took about 26 clicks.
Run: python bench/bench_cycle.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["KEHOACH_DB"] = str(Path(tempfile.mkdtemp(prefix="kehoach-bench-")) / "bench.sqlite3")
os.environ.pop("DATABASE_URL", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "kehoach.site.settings"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop in this thread; plain ORM reads
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from io import StringIO  # noqa: E402

from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.testcases import LiveServerThread  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from tests.apps.conftest import load_demo_plan  # noqa: E402
from tests.browser import cycle  # noqa: E402
from tests.browser.conftest import ARGS, CHROMIUM  # noqa: E402


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])  # load_demo_plan's "pw"
def main() -> None:
    call_command("migrate", verbosity=0, stdout=StringIO())
    load_demo_plan()
    server = LiveServerThread("localhost", StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    tally = cycle.Tally()
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900},
                                          base_url=f"http://localhost:{server.port}")
            tab = context.new_page()
            tab.set_default_timeout(20_000)
            try:
                for _stage, _state in cycle.run(tab, tally, Path(tmp)):
                    pass
            except Exception:
                print(tab.url, tab.locator("body").inner_text()[:600], file=sys.stderr)
                raise
            browser.close()
    finally:
        server.terminate()
    print("The monthly cycle (tests/browser/cycle.py), per role:")
    for line in tally.lines():
        print("  " + line)


if __name__ == "__main__":
    main()
