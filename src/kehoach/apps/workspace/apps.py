from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """Đơn vị: each agency's workspace and the list of agencies (no tables of its own)."""

    name = "kehoach.apps.workspace"
    label = "workspace"
    verbose_name = _("Agency workspace")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from kehoach.apps.accounts import roles
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("workspace", _("Agency workspace"), "workspace:home", weight=50,
                          visible=lambda user: bool(roles.agency_ids(user)) or roles.sees_everything(user)))
