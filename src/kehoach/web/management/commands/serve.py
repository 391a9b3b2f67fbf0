"""``kehoach serve``: the production server, gunicorn with the static files served by whitenoise."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

from django.core.management.base import BaseCommand, CommandError

PRODUCTION_SETTINGS = "kehoach.site.production"
EXIT_BAD_INPUT = 2


def default_workers() -> int:
    """gunicorn's advice, two per core plus one, kept small: every worker holds the plan in memory."""
    return min(2 * (os.cpu_count() or 1) + 1, 8)


class Command(BaseCommand):
    help = (
        "Run the production web server: collect the static files into KEHOACH_STATIC_ROOT, then replace this "
        "process with gunicorn serving kehoach.site.wsgi (static files by whitenoise). Apply migrations first "
        "(kehoach migrate). Put it behind a reverse proxy that terminates TLS (docs/deployment.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind", default="127.0.0.1:8000", metavar="HOST:PORT",
            help="address to listen on (default 127.0.0.1:8000; also unix:/path/to/socket)",
        )
        parser.add_argument(
            "--workers", type=int, default=default_workers(), metavar="N",
            help=f"worker processes (default {default_workers()}: two per core plus one, at most 8)",
        )
        parser.add_argument(
            "--timeout", type=int, default=120, metavar="SECONDS",
            help="restart a worker silent for this long (default 120: a PDF report takes a while)",
        )
        parser.add_argument(
            "--no-collectstatic", action="store_true",
            help="do not collect the static files first (they are already in KEHOACH_STATIC_ROOT)",
        )

    def handle(self, *args, bind: str, workers: int, timeout: int, no_collectstatic: bool, **options):
        # Django's own --settings option: given, it also configured this process; otherwise production.
        settings_module = options.get("settings") or PRODUCTION_SETTINGS
        if workers < 1:
            raise CommandError(f"--workers: expected a number of processes of at least 1, got {workers}",
                               returncode=EXIT_BAD_INPUT)
        try:
            found = importlib.util.find_spec(settings_module)
        except ModuleNotFoundError:
            found = None
        if found is None:
            raise CommandError(f"--settings: no settings module {settings_module}", returncode=EXIT_BAD_INPUT)
        environ = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
        if not no_collectstatic:
            done = subprocess.run(
                [sys.executable, "-m", "kehoach", "collectstatic", "--noinput", "--verbosity", "0"],
                env=environ, capture_output=True, text=True,
            )
            if done.returncode != 0:
                raise CommandError(f"collecting the static files failed: {done.stderr.strip()}",
                                   returncode=done.returncode)
        command = [
            sys.executable, "-m", "gunicorn", "kehoach.site.wsgi:application",
            "--bind", bind, "--workers", str(workers), "--timeout", str(timeout),
            "--access-logfile", "-", "--error-logfile", "-",
        ]
        self.stdout.write(f"kehoach serve: gunicorn on {bind}, {workers} worker(s), settings {settings_module}")
        self.stdout.flush()
        sys.stderr.flush()
        os.execve(sys.executable, command, environ)  # gunicorn takes this process: signals reach it directly
