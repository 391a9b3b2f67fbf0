from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """What every page shares: the base template, styles, template filters, generic views."""

    name = "kehoach.web"
    label = "web"
    verbose_name = _("Web interface")
