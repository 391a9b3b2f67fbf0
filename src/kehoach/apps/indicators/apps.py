from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "kehoach.apps.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from kehoach.apps.accounts import roles
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("indicators", _("Indicators"), "indicators:list", weight=20, visible=roles.sees_plan))
