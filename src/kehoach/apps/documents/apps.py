from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "kehoach.apps.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from kehoach.apps.accounts import roles
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("documents", _("Documents"), "documents:list", weight=70, visible=roles.is_finance))
