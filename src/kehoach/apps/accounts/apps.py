from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Roles and their groups (``roles.py``); listed last in INSTALLED_APPS so that every
    permission exists when ``ensure_groups`` runs after ``migrate``."""

    name = "kehoach.apps.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kehoach.apps.accounts.roles import ensure_groups

        post_migrate.connect(ensure_groups, sender=self, dispatch_uid="kehoach.accounts.ensure_groups")
