"""``kehoach remind [--as-of YYYY-MM-DD] [--dry-run]``: reminders before the reporting deadlines and
escalations after them (see :mod:`kehoach.apps.obligations.services`). Meant to run daily from cron;
running it twice the same day sends nothing new."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kehoach.apps.attribution import attributed
from kehoach.apps.commands import open_database
from kehoach.apps.obligations.services import remind


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--as-of: not a date (YYYY-MM-DD): {text!r}") from None


class Command(BaseCommand):
    help = (
        "Remind agencies (e-mail and in-app) of the reports due within the lead days and escalate the reports "
        "past their deadline to the supervising leaders. Run it daily; a second run the same day sends nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="the day to act as of (YYYY-MM-DD; today by default)")
        parser.add_argument("--dry-run", action="store_true", help="show what would be sent; send and record nothing")

    def handle(self, *args, as_of: str | None = None, dry_run: bool = False, **options):
        day = _date(as_of) if as_of else timezone.localdate()
        open_database()

        with attributed("kehoach remind"):
            messages = remind(day, dry_run=dry_run)
        for message in messages:
            to = ", ".join(message.recipients) or "no e-mail address"
            self.stdout.write(f"{message.level}: {message.agency.name} -> {to}")
            for item in message.items:
                self.stdout.write(f"  {item.kind} {item.period} due {item.due.isoformat()}")
        reminders = sum(len(x.items) for x in messages if x.level == "reminder")
        escalations = sum(len(x.items) for x in messages if x.level == "escalation")
        verb = "would be sent (dry run: nothing sent)" if dry_run else "sent"
        self.stdout.write(f"{day.isoformat()}: {reminders} reminder(s), {escalations} escalation(s) {verb}.")
