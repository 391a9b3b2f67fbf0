from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    """Lịch sử: the change history of every record (read-only; kept by django-simple-history)."""

    name = "kehoach.apps.history"
    label = "history"
    verbose_name = _("History")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from simple_history.signals import pre_create_historical_record

        from kehoach.apps.accounts import roles
        from kehoach.apps.attribution import mark_history_record
        from kehoach.web.navigation import MenuItem, register

        pre_create_historical_record.connect(mark_history_record, dispatch_uid="kehoach-history-attribution")

        register(MenuItem("history", _("History"), "history:list", weight=80, visible=roles.sees_everything))
