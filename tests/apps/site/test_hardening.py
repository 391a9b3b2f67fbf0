"""Headers, sessions and input bounds (issue 14): a strict Content-Security-Policy, an idle timeout,
a password change page for every signed-in user, dates within 1900-2100 on every page (a
Vietnamese 400 page, never 500), 413 for an over-size API body, 401 for an API write without
credentials, a publication date no later than tomorrow, SQLite in WAL mode with a busy timeout and
a lock that becomes 503 with Retry-After, production settings that refuse SQLite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import reverse

import kehoach
from kehoach.web import hardening
from tests.apps.site import authorisation_rules as rules
from tests.apps.site.test_authorisation_matrix import WEB, build_objects, fill, rule_for

TEMPLATES = Path(kehoach.__file__).resolve().parent


def test_no_page_template_runs_javascript_of_its_own():
    scripted = [str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("templates/**/*.html")
                if "<script" in p.read_text(encoding="utf-8") or " on" + "click=" in p.read_text(encoding="utf-8")]
    assert scripted == []


def test_every_page_has_a_strict_content_security_policy(people, login):
    client = login(people["admin"])
    page = client.get("/indicators/?as_of=2025-08-06")
    assert "script-src 'none'" in page["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert "script-src 'self'" in client.get("/admin/")["Content-Security-Policy"]
    docs = Client().get("/api/v1/docs")
    assert docs.status_code == 200 and "script-src 'self'" in docs["Content-Security-Policy"]
    assert "unsafe-eval" not in docs["Content-Security-Policy"]


def test_an_idle_session_ends(people, login, settings):
    settings.KEHOACH_IDLE_MINUTES = 30
    client = login(people["leader"])
    assert client.get("/tasks/?as_of=2025-08-06").status_code == 200
    session = client.session
    session[hardening.LAST_SEEN] = int(time.time()) - 31 * 60
    session.save()

    response = client.get("/tasks/?as_of=2025-08-06")

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.get("/tasks/").status_code == 302  # signed out


def test_every_signed_in_user_changes_their_own_password(people, login):
    officer = people["officer_a"]
    client = login(officer)
    page = client.get("/indicators/")
    assert reverse("password_change") in page.content.decode() and "Đổi mật khẩu" in page.content.decode()
    form = client.get(reverse("password_change"))
    assert form.status_code == 200 and "Đổi mật khẩu" in form.content.decode()

    done = client.post(reverse("password_change"), {"old_password": "pw", "new_password1": "Kh0ng-doan-duoc!",
                                                     "new_password2": "Kh0ng-doan-duoc!"}, follow=True)

    assert done.redirect_chain[-1][0].endswith("/password/done/") and "mật khẩu" in done.content.decode().lower()
    officer.refresh_from_db()
    assert officer.check_password("Kh0ng-doan-duoc!")
    assert Client().get(reverse("password_change")).status_code == 302  # not signed in: the sign-in page


@pytest.mark.parametrize("day", ["0001-01-01", "01/01/0001", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_a_date_out_of_bounds_is_a_400_page_on_every_page(day, people):
    objects = build_objects(people)
    client = Client()
    client.force_login(people[rules.ADMIN])
    broken = []
    for endpoint in WEB:
        rule = rule_for(endpoint)
        if rule is None or rules.ADMIN not in rule.get or endpoint.kind != "web" or rule.public:
            continue
        kwargs = rule.args(objects)
        url = reverse(endpoint.name, kwargs=kwargs) if endpoint.name else fill(endpoint.route, kwargs)
        response = client.get(f"{url}?as_of={day}")
        if response.status_code != 400 or "nằm ngoài khoảng năm 1900–2100" not in response.content.decode():
            broken.append(f"{url}: {response.status_code}")
    api = client.get(f"/api/v1/tasks/?as_of={day}")
    assert api.status_code == 400 and "1900–2100" in api.json()["detail"]
    assert broken == []


def test_an_api_body_over_the_limit_is_413_json(people, settings):
    from kehoach.apps.api import tokens

    token = tokens.issue(people["officer_a"], "lớn").plain
    body = json.dumps({"agency": 1, "period": "2025-07", "figures": [{"note": "x" * (6 * 1024 * 1024)}]})
    response = Client().post("/api/v1/figures/bulk", body, content_type="application/json",
                             headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 413 and response["Content-Type"] == "application/json"
    assert "5 MB" in response.json()["detail"]


def test_an_api_write_without_credentials_is_401_not_a_csrf_403(demo_plan):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/figures/bulk", {"agency": 1, "period": "2025-07", "figures": []},
                           content_type="application/json")
    assert response.status_code == 401, response.content


def test_a_figure_published_after_tomorrow_or_before_1900_is_refused(people):
    from kehoach.apps.figures import entry as workspace
    from tests.apps.workspace.workspace_support import agency

    for published in ("2099-01-01", "01/01/0001", "1899-12-31"):
        row, problems = workspace.FigureChecker(agency()).check(0, {
            "indicator": "iip", "period": "2025-07", "value": "110", "scope": "HP cũ", "source": "Cục Thống kê",
            "published": published})
        assert row is None and [c for c, _m in problems] == ["published"], (published, problems)


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path, django_db_blocker):
    from django.db.utils import ConnectionHandler

    from kehoach.site.settings import database_config

    handler = ConnectionHandler({"default": database_config({"KEHOACH_DB": str(tmp_path / "k.sqlite3")})})
    connection = handler["default"]
    with django_db_blocker.unblock():
        _check_wal(connection)
    assert database_config({"DATABASE_URL": "postgres://u@h:5432/n"}).get("OPTIONS", {}) == {}


def _check_wal(connection):
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] == 20000
    finally:
        connection.close()


def test_a_lock_that_outlasts_the_timeout_is_503_with_retry_after():
    middleware = hardening.DatabaseBusy(lambda request: None)
    factory = RequestFactory()
    api = middleware.process_exception(factory.post("/api/v1/figures/bulk"), OperationalError("database is locked"))
    assert api.status_code == 503 and api["Retry-After"] == "5" and "bận" in json.loads(api.content)["detail"]
    request = factory.post("/agencies/approvals/")
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    request.user, request.session = AnonymousUser(), SessionStore()
    request._messages = FallbackStorage(request)
    page = middleware.process_exception(request, OperationalError("database is locked"))
    assert page.status_code == 503 and page["Retry-After"] == "5"
    assert middleware.process_exception(request, OperationalError("no such table: x")) is None


@pytest.mark.parametrize(("allow", "refused"), [("", True), ("1", False)])
def test_production_refuses_a_sqlite_database_unless_allowed(allow, refused, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "KEHOACH_", "DJANGO_"))}
    env.update(SECRET_KEY="x" * 60, DATABASE_URL=f"sqlite:///{tmp_path}/k.sqlite3", KEHOACH_ALLOW_SQLITE=allow)
    done = subprocess.run([sys.executable, "-c", "import kehoach.site.production"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert (done.returncode != 0) == refused, done.stderr
    if refused:
        assert "KEHOACH_ALLOW_SQLITE=1" in done.stderr


@pytest.mark.parametrize(("indicator", "period", "value", "column"), [
    ("exports", "2025-07", "-5", "value"),  # a flow: never negative
    ("iip", "2025-07", "-150", "value"),  # a growth rate below -100 %
    ("iip", "9999", "110", "period"),  # far from the plan's years
    ("iip", "1990-07", "110", "period"),
])
def test_a_value_or_period_the_indicator_cannot_have_is_refused(indicator, period, value, column, people):
    from kehoach.apps.figures import entry as workspace
    from tests.apps.workspace.workspace_support import agency

    row, problems = workspace.FigureChecker(agency()).check(0, {
        "indicator": indicator, "period": period, "value": value, "scope": "HP cũ", "source": "Cục Thống kê",
        "published": "2025-08-06"})
    assert row is None and [c for c, _m in problems] == [column], problems


def test_a_balance_may_be_negative_when_configured(people, settings):
    from kehoach.apps.figures import entry as workspace
    from tests.apps.workspace.workspace_support import agency

    settings.KEHOACH_SIGNED_INDICATORS = "exports"
    row, problems = workspace.FigureChecker(agency()).check(0, {
        "indicator": "exports", "period": "2025-07", "value": "-5", "scope": "HP cũ", "source": "Cục Thống kê",
        "published": "2025-08-06"})
    assert row is not None, problems
