"""``kehoach demo``: a working kehoach on this machine with the shipped sample documents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Max

import kehoach
from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.assessment.management.commands.assess import write_summary as write_assessment
from kehoach.apps.commands import open_database
from kehoach.apps.demo.accounts import ensure_demo_accounts
from kehoach.apps.figures.importing import import_file
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.figures.services import publish
from kehoach.apps.obligations.services import ensure_plan_obligations
from kehoach.apps.plan_import.document_commands import parse_files, write_summary
from kehoach.apps.plan_import.importing import store

SAMPLE_DIR = Path(kehoach.__file__).resolve().parent / "sample_data"
SAMPLE_DOCUMENTS = ["bao-cao-619-BC-TU-2024.txt", "ke-hoach-86-KH-UBND-2025.txt"]
SAMPLE_FIGURES = "haiphong-2025-figures.csv"  # the published 2025 figures (a copy of ../shared/data)
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
        load_sample_figures(self.stdout)
        added = ensure_plan_obligations(start=date(2025, 1, 1))
        self.stdout.write(f"Reporting obligations added: {added} (monthly task, figure and project reports)")
        write_demo_assessment(self.stdout)
        accounts = ensure_demo_accounts()
        publish_sample_figures()
        as_of = demo_as_of()
        url = f"http://127.0.0.1:{port}/" + (f"?as_of={as_of.isoformat()}" if as_of else "")
        self.stdout.write("")
        self.stdout.write(f"Open {url}  (administration: http://127.0.0.1:{port}/admin/)")
        for account in accounts:
            self.stdout.write(f"Login: {account.username}  Password: {account.password}  ({account.role}: {account.who})")
        self.stdout.write("(the passwords are shown only now; run `kehoach demo` again to reset them)")
        if not no_serve:
            # No autoreloader: its child process would run this command again and reset the password.
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)


def load_sample_figures(out) -> None:
    """Import the published figures of 2025 as approved figures, as `kehoach actuals import` does."""

    report = import_file(SAMPLE_DIR / SAMPLE_FIGURES)
    if report.problems:
        raise CommandError("the sample figures could not be loaded:\n" + "\n".join(map(str, report.problems)))
    out.write(
        f"Figures loaded: {report.loaded} from {SAMPLE_FIGURES} ({report.created} new, "
        f"{report.revised} revised, {report.unchanged} unchanged)"
    )


def demo_as_of():
    """The day the newest sample figure was published: the demo assesses the plan as of then."""


    return ActualFigure.objects.aggregate(day=Max("published"))["day"]


def write_demo_assessment(out) -> None:
    """The sample plan judged against the published figures, as `kehoach assess` prints it."""

    as_of = demo_as_of()
    if as_of is None:
        return
    out.write("")
    write_assessment(out, assess_all(as_of))


def publish_sample_figures() -> None:
    """The sample figures were published by the city: show them on the public page too."""

    admin = get_user_model().objects.get(username=DEMO_USERNAME)
    for figure in ActualFigure.objects.filter(review_status="approved", is_current=True, public=False):
        publish(figure, admin)
