"""Which notice each user has read. Notices themselves are not stored: they are what stands now
(``notices.notices_for``); a notice's ``key`` names the event (a directive, one return of an entry,
a report's deadline in one state), so that a second return of the same entry is a new notice."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Read(models.Model):
    """A user read the notice ``key``."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices_read",
                             verbose_name=_("user"))
    key = models.CharField(_("notice"), max_length=200)
    read_at = models.DateTimeField(_("read at"), default=timezone.now)

    class Meta:
        verbose_name = _("notice read")
        verbose_name_plural = _("notices read")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="inbox_read_once")]

    def __str__(self) -> str:
        return f"{self.user}: {self.key}"
