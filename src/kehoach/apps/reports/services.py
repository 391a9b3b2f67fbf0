"""Replacing the report's Word template (the one in force is ``word_template.active_template``).

``replace_template`` renders a real month report with the new file before it stores anything, so a
template that cannot give a whole report is refused (``TemplateBroken``) and the old one stays.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from kehoach.apps.reports import docx
from kehoach.apps.reports.build import build_report
from kehoach.apps.reports.models import ReportTemplate
from kehoach.apps.reports.word_template import WordTemplate

MAX_BYTES = 5 * 1024 * 1024


def stored() -> ReportTemplate | None:
    """The uploaded template (without its bytes), or None."""
    return ReportTemplate.objects.select_related("uploaded_by").defer("content").first()


def check_template(template: WordTemplate, as_of: date) -> None:
    """Render the month report as of ``as_of`` with ``template``; raises ``TemplateBroken``."""
    docx.render(build_report(as_of, "month"), template)


def safe_name(name: str) -> str:
    return Path(unicodedata.normalize("NFC", name or "")).name.replace("\x00", "") or "mau-bao-cao.docx"


def replace_template(name: str, data: bytes, user, as_of: date) -> ReportTemplate:
    """Check the file by rendering a report with it, then make it the active template (one row, a new
    version in the history with ``user``)."""
    template = WordTemplate(safe_name(name), data)
    check_template(template, as_of)
    with transaction.atomic():
        row = ReportTemplate.objects.select_for_update().first() or ReportTemplate()
        row.file_name, row.content = template.name, data
        row.sha256 = hashlib.sha256(data).hexdigest()
        row.uploaded_by, row.uploaded_at = user, timezone.now()
        row._history_user = user
        row.save()
    return row


def reset_template(user) -> bool:
    """Go back to the shipped template (the stored one's deletion is in the history with ``user``).
    False when the shipped template was already active."""
    with transaction.atomic():
        row = ReportTemplate.objects.select_for_update().first()
        if row is None:
            return False
        row._history_user = user
        row.delete()
    return True
