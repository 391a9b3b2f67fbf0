"""Roles are Django groups and memberships (see roles.py); this app's one table counts failed
sign-ins for the throttle (``throttle.py``). The module also makes Django send this app
post_migrate, where the role groups are created."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LoginFailure(models.Model):
    """One failed sign-in: the user name typed and the address it came from."""

    username = models.CharField(_("user name"), max_length=150, db_index=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True, db_index=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")

    def __str__(self) -> str:
        return f"{self.username} {self.address or ''} {self.at:%d/%m/%Y %H:%M}"


class Preference(models.Model):
    """What a user chose for themselves, kept with the account (not the browser): the interface
    language (``kehoach.web.language``; Vietnamese when they chose none)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference",
                                verbose_name=_("user"))
    language = models.CharField(_("interface language"), max_length=10, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)

    class Meta:
        verbose_name = _("user preference")
        verbose_name_plural = _("user preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_language_display()}"
