from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "kehoach.apps.figures"
    label = "figures"
    verbose_name = _("Actual figures")
