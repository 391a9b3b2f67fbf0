from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """Tổng quan (the leaders' overview) and the public page of published figures."""

    name = "kehoach.apps.dashboard"
    label = "dashboard"
    verbose_name = _("Overview")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from kehoach.apps.accounts import roles
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("overview", _("Overview"), "dashboard:overview", weight=10, visible=roles.sees_plan))
        register(MenuItem("public", _("Published figures"), "dashboard:public", weight=90,
                          visible=lambda user: not roles.sees_plan(user)))
