from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "kehoach.apps.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from kehoach.apps.accounts import roles
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("workspace", _("Agency workspace"), "organisations:workspace-home", weight=50,
                          visible=lambda user: bool(roles.agency_ids(user)) or roles.sees_everything(user)))
        register(MenuItem("approvals", _("Approval queue"), "organisations:approvals", weight=55,
                          visible=roles.is_finance))
