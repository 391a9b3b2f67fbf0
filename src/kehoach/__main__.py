"""``python -m kehoach``: the same as the ``kehoach`` command."""

from kehoach.cli import main

main()
