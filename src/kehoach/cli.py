"""The ``kehoach`` command: Django's command line with kehoach's settings.

``kehoach inspect``, ``kehoach import``, ``kehoach demo`` and every ``manage.py`` command
(``migrate``, ``createsuperuser``, ``runserver``, ``makemigrations`` ...) work through it.
``kehoach inspect`` runs without Django (``kehoach.cli_inspect``): it needs no database.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(argv) if argv is not None else sys.argv
    if len(argv) > 1 and argv[1] == "inspect":
        from kehoach import cli_inspect

        if cli_inspect.accepts(argv[2:]):  # no database, no Django: start-up is the importer's imports
            sys.exit(cli_inspect.main(argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
