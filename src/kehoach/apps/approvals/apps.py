from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApprovalsConfig(AppConfig):
    """Duyệt: the queue of submitted figures and progress updates (no tables of its own)."""

    name = "kehoach.apps.approvals"
    label = "approvals"
    verbose_name = _("Approval queue")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from kehoach.apps.accounts import roles
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("approvals", _("Approval queue"), "approvals:queue", weight=55, visible=roles.is_finance))
