"""The ``kehoach`` console entry: Django's command line with kehoach's settings."""

from kehoach import cli
from tests.apps.cli import run_kehoach


def test_kehoach_lists_its_commands_and_djangos():
    done = run_kehoach("help", env={"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"})

    assert done.returncode == 0, done.stderr
    for command in ("inspect", "import", "demo", "migrate", "runserver", "createsuperuser"):
        assert command in done.stdout


def test_main_runs_a_django_command(capsys):
    cli.main(["kehoach", "check"])

    assert "no issues" in capsys.readouterr().out
