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
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from django.contrib import admin
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from kehoach.apps.accounts import preferences, throttle
        from kehoach.apps.accounts.roles import ensure_groups

        post_migrate.connect(ensure_groups, sender=self, dispatch_uid="kehoach.accounts.ensure_groups")
        user_login_failed.connect(throttle.record_failure, dispatch_uid="kehoach.accounts.login_failed")
        user_logged_in.connect(throttle.clear_failures, dispatch_uid="kehoach.accounts.logged_in")
        user_logged_in.connect(preferences.remember_language, dispatch_uid="kehoach.accounts.language")
        admin.site.login_form = throttle.ThrottledAdminLoginForm
