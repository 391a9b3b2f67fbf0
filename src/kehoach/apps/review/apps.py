from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """The review workflow (enter, submit, approve, return): an abstract model and one service, no tables."""

    name = "kehoach.apps.review"
    label = "review"
    verbose_name = _("Review")
