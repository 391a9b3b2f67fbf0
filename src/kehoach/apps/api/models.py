"""Personal API tokens: a user's key to the JSON API (``Authorization: Bearer <token>``).

Only the SHA-256 of a token is stored: the token itself is shown once, when it is created
(``kehoach.apps.api.tokens.issue``), and cannot be read back. ``prefix`` (its first characters)
lets the owner tell their tokens apart. A revoked token stays in the table (and its history).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=12, help_text=_("The first characters of the token."))
    digest = models.CharField(_("SHA-256 of the token"), max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("created"), default=timezone.now)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["last_used"])

    class Meta:
        ordering = ["-created", "pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} · {self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
