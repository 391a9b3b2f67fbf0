from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    """Thông báo: directives, returned entries, reports due and overdue (``notices``), read or unread
    per user (``models.Read``); the header's badge (``context.inbox``) and the inbox page."""

    name = "kehoach.apps.inbox"
    label = "inbox"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"
