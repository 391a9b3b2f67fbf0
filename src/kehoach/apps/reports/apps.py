from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "kehoach.apps.reports"
    label = "reports"
    verbose_name = _("Reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from kehoach.apps.accounts.roles import may_download_reports
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("reports", _("Reports"), "reports:index", weight=65, visible=may_download_reports))
