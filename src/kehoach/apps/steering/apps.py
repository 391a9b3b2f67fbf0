from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SteeringConfig(AppConfig):
    name = "kehoach.apps.steering"
    label = "steering"
    verbose_name = _("Steering")
    default_auto_field = "django.db.models.BigAutoField"
