from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "kehoach.apps.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from kehoach.apps.accounts import roles
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("indicators", _("Indicators"), "indicators:list", weight=20, visible=roles.sees_plan))
