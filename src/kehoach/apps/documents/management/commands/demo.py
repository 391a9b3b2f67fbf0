"""``kehoach demo``: a working kehoach on this machine with the shipped sample documents."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

import kehoach
from kehoach.apps.documents.importing import store
from kehoach.apps.documents.management.commands._common import open_database, parse_files, write_summary

SAMPLE_DIR = Path(kehoach.__file__).resolve().parent / "sample_data"
SAMPLE_DOCUMENTS = ["bao-cao-619-BC-TU-2024.txt", "ke-hoach-86-KH-UBND-2025.txt"]
DEMO_USERNAME = "demo"


class Command(BaseCommand):
    help = (
        "Create the database, import the sample documents, (re)set the 'demo' superuser's password "
        "and run the development server on 127.0.0.1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="port of the development server (8000)")
        parser.add_argument("--no-serve", action="store_true", help="prepare everything but do not run the server")

    def handle(self, *args, port: int = 8000, no_serve: bool = False, **options):
        open_database()
        result, contents = parse_files([str(SAMPLE_DIR / name) for name in SAMPLE_DOCUMENTS])
        summary = store(result, contents)
        write_summary(self.stdout, summary)
        password = reset_demo_user()
        url = f"http://127.0.0.1:{port}/admin/"
        self.stdout.write("")
        self.stdout.write(f"Open {url}")
        self.stdout.write(f"Login: {DEMO_USERNAME}  Password: {password}")
        self.stdout.write("(the password is shown only now; run `kehoach demo` again to reset it)")
        if not no_serve:
            # No autoreloader: its child process would run this command again and reset the password.
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)


def reset_demo_user() -> str:
    """Create or reset the demo superuser with a new random password, and return the password."""
    password = secrets.token_urlsafe(12)
    with transaction.atomic():
        user, _created = get_user_model().objects.get_or_create(username=DEMO_USERNAME)
        user.is_active = user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
    return password
