"""The ``kehoach`` command: Django's command line with kehoach's settings.

``kehoach inspect``, ``kehoach import``, ``kehoach demo`` and every ``manage.py`` command
(``migrate``, ``createsuperuser``, ``runserver``, ``makemigrations`` ...) work through it.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(list(argv) if argv is not None else sys.argv)


if __name__ == "__main__":
    main()
