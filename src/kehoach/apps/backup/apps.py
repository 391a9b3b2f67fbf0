from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupConfig(AppConfig):
    """``kehoach backup`` and ``kehoach restore``: every table in one portable file (``archive.py``)."""

    name = "kehoach.apps.backup"
    label = "backup"
    verbose_name = _("Backup and restore")
