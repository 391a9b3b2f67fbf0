from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "kehoach.apps.projects"
    label = "projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from kehoach.apps.accounts import roles
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("projects", _("Key projects"), "projects:list", weight=40, visible=roles.sees_plan))
