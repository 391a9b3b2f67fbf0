from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    """Lịch sử: the change history of every record (read-only; kept by django-simple-history)."""

    name = "kehoach.apps.history"
    label = "history"
    verbose_name = _("History")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kehoach.apps.accounts import roles
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("history", _("History"), "history:list", weight=80, visible=roles.sees_everything))
