"""`kehoach assess --as-of YYYY-MM-DD [--json]`: every indicator, task and project judged as of a date."""

from __future__ import annotations

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from kehoach.apps.assessment.evaluate import assess_all
from kehoach.apps.commands import open_database


class Command(BaseCommand):
    help = "Assess indicators, tasks and key projects as of a date."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", help="the date to assess at (default: today)")
        parser.add_argument("--json", dest="as_json", action="store_true", help="print the whole assessment as JSON")

    def handle(self, *args, as_of=None, as_json: bool = False, **options):
        try:
            day = date.fromisoformat(as_of) if as_of else date.today()
        except ValueError as exc:
            raise CommandError(f"--as-of {as_of!r}: expected a date as YYYY-MM-DD", returncode=2) from exc
        open_database()
        result = assess_all(day)
        if as_json:
            self.stdout.write(_dumps(result.to_json()))
            return
        write_summary(self.stdout, result)


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def write_summary(out, result) -> None:
    """A short table for people: each assessed indicator's rating and reason, task counts."""
    out.write(f"Đánh giá đến ngày {result.as_of:%d/%m/%Y}")
    names = {i.key: i.name for i in result.snapshot.indicators}
    for a in result.indicators:
        out.write(f"  [{a.rating.label}] {names[a.indicator]}: {a.reason}")
    counts: dict[str, int] = {}
    for t in result.tasks:
        counts[t.status.label] = counts.get(t.status.label, 0) + 1
    out.write("Nhiệm vụ: " + "; ".join(f"{label}: {n}" for label, n in sorted(counts.items())))
    behind = [a for a in result.projects if a.behind]
    out.write(f"Dự án trọng điểm chậm: {len(behind)}/{len(result.projects)}")
