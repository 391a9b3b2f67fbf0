"""Changes made by a command say which command and which operating-system user made them
(simple-history's change reason; a web change has its user instead)."""

from __future__ import annotations

import getpass
from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.documents.models import Document
from kehoach.apps.figures.models import ActualFigure
from tests.apps.conftest import BAO_CAO_619, KE_HOACH_86, SAMPLES


@pytest.mark.django_db
def test_the_import_commands_record_the_command_and_the_os_user():
    call_command("import", str(BAO_CAO_619), str(KE_HOACH_86), stdout=StringIO())
    call_command("actuals", "import", str(SAMPLES / "haiphong-2025-figures.csv"), stdout=StringIO())

    imported = Document.history.all()
    assert {r.history_change_reason for r in imported} == {f"kehoach import (OS user: {getpass.getuser()})"}
    figures = ActualFigure.history.all()
    assert figures.exists()
    assert {r.history_change_reason for r in figures} == {f"kehoach actuals import (OS user: {getpass.getuser()})"}
    assert not figures.exclude(history_user=None).exists()  # no web user behind a command


@pytest.mark.django_db
def test_the_progress_import_records_the_command_and_the_os_user(tmp_path):
    from kehoach.apps.tasks.models import TaskProgress
    from tests.apps.tasks.test_progress_import_command import ROWS, write_csv

    call_command("import", str(BAO_CAO_619), str(KE_HOACH_86), stdout=StringIO())
    call_command("progress", "import", str(write_csv(tmp_path / "tiendo.csv", ROWS)), stdout=StringIO())

    records = TaskProgress.history.all()
    assert records.count() >= 2
    assert {r.history_change_reason for r in records} == {f"kehoach progress import (OS user: {getpass.getuser()})"}
