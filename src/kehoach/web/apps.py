from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _opens_the_admin(user) -> bool:
    """Django's administration site opens for active staff accounts (the administrators)."""
    return user.is_authenticated and user.is_active and user.is_staff


class WebConfig(AppConfig):
    """What every page shares: the base template, styles, template filters, generic views."""

    name = "kehoach.web"
    label = "web"
    verbose_name = _("Web interface")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("admin", _("Administration"), "admin:index", weight=95, visible=_opens_the_admin))
