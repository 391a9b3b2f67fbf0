"""``kehoach demo``: sample documents, a demo superuser, the development server."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from kehoach.apps.demo.management.commands import demo
from kehoach.apps.documents.models import Document
from kehoach.apps.tasks.models import Task

pytestmark = pytest.mark.django_db


def run_demo(*args: str) -> tuple[str, str]:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    text = out.getvalue()
    password = re.search(r"Login: demo\s+Password: (\S+)", text).group(1)
    return text, password


def test_demo_imports_the_samples_and_creates_the_demo_superuser():
    text, password = run_demo("--no-serve")

    assert set(Document.objects.values_list("number", flat=True)) == {"619-BC/TU", "86/KH-UBND"}
    assert Task.objects.exists()
    user = authenticate(username="demo", password=password)
    assert user is not None and user.is_superuser and user.is_staff
    assert "http://127.0.0.1:8000/?as_of=2025-08-06" in text
    for role, username in [("admin", "demo"), ("finance", "stc"), ("leader", "lanhdao"), ("officer", "congthuong"),
                           ("officer", "vanhoa")]:
        line = re.search(rf"Login: {username}\s+Password: (\S+)\s+\({role}: ", text)
        assert line, f"no {role} account {username} printed"
        assert authenticate(username=username, password=line.group(1)) is not None


def test_running_demo_again_resets_the_password_and_keeps_the_data():
    _, first = run_demo("--no-serve")
    documents = Document.objects.count()

    text, second = run_demo("--no-serve", "--port", "8123")

    assert second != first
    assert authenticate(username="demo", password=first) is None
    assert authenticate(username="demo", password=second) is not None
    assert get_user_model().objects.filter(username="demo").count() == 1
    assert Document.objects.count() == documents
    assert "Nothing changed" in text
    assert "http://127.0.0.1:8123/" in text


def test_demo_runs_the_server_without_the_autoreloader(monkeypatch):
    calls = []
    monkeypatch.setattr(demo, "call_command", lambda *args, **kwargs: calls.append((args, kwargs)))

    run_demo("--port", "8765")

    assert calls == [(("runserver", "127.0.0.1:8765"), {"use_reloader": False})]


def test_the_admin_shows_the_demo_data_to_the_demo_user(client):
    _, password = run_demo("--no-serve")
    assert client.login(username="demo", password=password)

    page = client.get("/admin/documents/document/").content.decode()

    assert "86/KH-UBND" in page and "619-BC/TU" in page
