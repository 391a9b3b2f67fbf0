"""Task groups, tasks and their milestones. Every deadline keeps its text exactly as written."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.apps.documents.models import Document
from kehoach.apps.organisations.models import Agency, Leader


class TaskGroup(models.Model):
    """A heading of the task table ("I", "II", "A.I"). Natural key: (document, code)."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="task_groups", verbose_name=_("document")
    )
    code = models.CharField(_("code"), max_length=50)
    title = models.TextField(_("title"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "id"]
        verbose_name = _("task group")
        verbose_name_plural = _("task groups")
        constraints = [models.UniqueConstraint(fields=["document", "code"], name="task_group_natural_key")]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}" if self.code else self.title


class Task(models.Model):
    """A task of a plan. Natural key: (document, number)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("document"))
    number = models.PositiveIntegerField(_("number"))
    code = models.CharField(_("code as written"), max_length=50, blank=True)
    group = models.ForeignKey(TaskGroup, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("group"))
    content = models.TextField(_("content"))
    result = models.TextField(_("expected result"), blank=True)
    lead = models.ManyToManyField(Agency, blank=True, related_name="lead_tasks", verbose_name=_("lead agencies"))
    support = models.ManyToManyField(
        Agency, blank=True, related_name="support_tasks", verbose_name=_("supporting agencies")
    )
    leader = models.ForeignKey(
        Leader,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("leader in charge"),
    )
    deadline_text = models.TextField(_("deadline (as written)"), blank=True)
    due = models.DateField(_("due date"), null=True, blank=True)
    start = models.DateField(_("start date"), null=True, blank=True)
    recurrence = models.JSONField(_("recurrence"), null=True, blank=True)
    condition = models.TextField(_("condition"), blank=True)
    note = models.TextField(_("note"), blank=True)
    deadline_understood = models.BooleanField(_("deadline understood"), default=True)

    history = HistoricalRecords(m2m_fields=[lead, support])

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="task_natural_key")]

    def __str__(self) -> str:
        content = self.content if len(self.content) <= 80 else self.content[:79] + "…"
        return f"{self.number}. {content}"


class TaskMilestone(models.Model):
    """A step of a task's deadline ("Quý II/2025: trình ...; Quý IV/2025: ..."). Natural key: (task, order)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("task"))
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("text"))
    due = models.DateField(_("due date"), null=True, blank=True)
    condition = models.TextField(_("condition"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["task", "order"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [models.UniqueConstraint(fields=["task", "order"], name="task_milestone_natural_key")]

    def __str__(self) -> str:
        return self.text
