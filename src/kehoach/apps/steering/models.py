"""Directives and comments of leaders (and Sở Tài chính) on a task or an indicator.

A directive (ý kiến chỉ đạo) is addressed to the responsible agencies: the lead agencies of the
task, the monitoring agencies of the indicator; they see it in their workspace until they
acknowledge it. A comment is a remark in the thread, answered by anyone who may see the object.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Comment(models.Model):
    DIRECTIVE = "directive"
    COMMENT = "comment"
    KIND_CHOICES = [(DIRECTIVE, _("Directive")), (COMMENT, _("Comment"))]

    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default=COMMENT)
    task = models.ForeignKey("tasks.Task", on_delete=models.CASCADE, null=True, blank=True,
                             related_name="comments", verbose_name=_("task"))
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="comments", verbose_name=_("indicator"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments",
                               verbose_name=_("author"))
    text = models.TextField(_("text"))
    due = models.DateField(_("to be done by"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                        related_name="+", verbose_name=_("acknowledged by"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("directive or comment")
        verbose_name_plural = _("directives and comments")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(task__isnull=False, indicator__isnull=True)
                           | models.Q(task__isnull=True, indicator__isnull=False)),
                name="comment_on_one_object",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    def clean(self) -> None:
        if (self.task_id is None) == (self.indicator_id is None):
            raise ValidationError(_("A directive or comment is about exactly one task or one indicator."))
