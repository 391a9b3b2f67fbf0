"""Task groups, tasks and their milestones (from the documents), and how the tasks progress.

Every deadline keeps its text exactly as written. ``TaskProgress`` and ``ConditionEvent`` are
entered by people, never by an import: they hang off a task (and milestone) that a re-import of
the same document keeps, since ``store`` only deletes the tasks a new version no longer has.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kehoach.apps.documents.models import Document
from kehoach.apps.organisations.models import Agency, Leader
from kehoach.apps.review.models import Reviewed
from kehoach.domain.text import folded_text


class TaskGroup(models.Model):
    """A heading of the task table ("I", "II", "A.I"). Natural key: (document, code, title): an
    unnumbered group row keeps its empty code, so several groups of a document may share one."""

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
        constraints = [models.UniqueConstraint(fields=["document", "code", "title"], name="task_group_natural_key")]

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
    lead_text = models.TextField(_("lead cell (as written)"), blank=True,
                                 help_text=_("The lead agencies exactly as the document writes them."))
    support_text = models.TextField(_("support cell (as written)"), blank=True,
                                    help_text=_("The supporting agencies exactly as the document writes them."))
    leader_text = models.TextField(_("leader cell (as written)"), blank=True)
    attributes = models.JSONField(_("other columns"), default=dict, blank=True,
                                  help_text=_("Other columns of the task's row, by their header as written."))
    deadline_text = models.TextField(_("deadline (as written)"), blank=True)
    due = models.DateField(_("due date"), null=True, blank=True)
    start = models.DateField(_("start date"), null=True, blank=True)
    recurrence = models.JSONField(_("recurrence"), null=True, blank=True)
    condition = models.TextField(_("condition"), blank=True)
    note = models.TextField(_("note"), blank=True)
    deadline_understood = models.BooleanField(_("deadline understood"), default=True)
    search_text = models.TextField(_("search text"), blank=True, editable=False,
                                   help_text=_("Folded text the task list searches (kept up to date)."))

    history = HistoricalRecords(m2m_fields=[lead, support], excluded_fields=["search_text"])

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="task_natural_key")]

    def __str__(self) -> str:
        content = self.content if len(self.content) <= 80 else self.content[:79] + "…"
        return f"{self.number}. {content}"

    def save(self, *args, **kwargs):
        """Keep ``search_text`` up to date (agencies too, once the task has them)."""
        self.search_text = self.compose_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_text"]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("tasks:detail", args=[self.pk])

    def compose_search_text(self) -> str:
        """The folded text of the number, content, result, deadline, agencies and leader (see ``search_text_of``)."""
        agencies: list = []
        if self.pk is not None:
            agencies = [*self.lead.all(), *self.support.all()]  # prefetch-friendly
        leader = self.leader if self.leader_id is not None else None
        return search_text_of(self, agencies, leader)


def search_text_of(task, agencies, leader) -> str:
    """What a task is found by, folded (``domain.text.folded_text``): "giai ngan" matches "Giải ngân".

    The one place that says which texts a task is searched by; the data migration of
    ``search_text`` and ``services.refresh_search_text`` call it too.
    """
    parts = [str(task.number or ""), task.code, task.content, task.result, task.deadline_text]
    for agency in agencies:
        parts += [agency.name, agency.short_name]
    if leader is not None:
        parts.append(leader.name)
    return folded_text(*parts)


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


# -- monitoring: what the lead agency reports on a task ---------------------------------------------


class TaskProgress(Reviewed):
    """A progress update of a task, entered by its lead agency, submitted, then approved.

    ``milestone`` says which milestone of a multi-milestone deadline it reports on (empty: the
    whole task, every milestone); ``occurrence_due`` which occurrence of a recurring deadline,
    by that occurrence's due date, the last day of its period (empty: the earliest open one).
    ``cause``, ``difficulties`` and ``proposals`` explain a task overdue or about to be: an update
    of such a task cannot be submitted without them (``services.submit_progress``). The review
    (``review_status``, who and when): ``Reviewed``.
    """

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    STATUS_CHOICES = [
        (NOT_STARTED, _("Not started")),
        (IN_PROGRESS, _("In progress")),
        (COMPLETED, _("Completed")),
    ]
    approve_permission = "tasks.approve_taskprogress"
    approve_denied = _("Only Sở Tài chính may approve progress updates.")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="progress", verbose_name=_("task"))
    on = models.DateField(_("as of"))
    status = models.CharField(_("progress status"), max_length=20, choices=STATUS_CHOICES, default=IN_PROGRESS)
    percent = models.PositiveSmallIntegerField(
        _("percent complete"), null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    note = models.TextField(_("note"), blank=True)
    evidence_reference = models.CharField(_("evidence (document number)"), max_length=200, blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="evidence/%Y/%m", blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    occurrence_due = models.DateField(_("occurrence (due date)"), null=True, blank=True)
    milestone = models.ForeignKey(
        TaskMilestone,
        on_delete=models.CASCADE,  # about a milestone that is gone: meaningless for the others
        null=True,
        blank=True,
        related_name="progress",
        verbose_name=_("milestone"),
    )
    cause = models.TextField(_("causes"), blank=True)
    difficulties = models.TextField(_("difficulties and obstacles"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["task", "on", "id"]
        verbose_name = _("task progress update")
        verbose_name_plural = _("task progress updates")
        permissions = [("approve_taskprogress", _("Can approve task progress"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent__isnull=True) | models.Q(percent__lte=100), name="task_progress_percent_max"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task.number} – {self.on:%d/%m/%Y}: {self.get_status_display()}"

    @property
    def explained(self) -> bool:
        """Causes, difficulties and proposals are all given."""
        return all(text.strip() for text in (self.cause, self.difficulties, self.proposals))

    def clean(self) -> None:
        # services imports these models (the rules on stored rows live there): the rule is asked for here,
        # at validation time, rather than the module importing its own services at load time.
        from kehoach.apps.tasks.services import occurrence_period

        errors = {}
        if self.completed_on and self.status != self.COMPLETED:
            errors["completed_on"] = _("Only a completed task has a completion date.")
        if self.status == self.COMPLETED and self.percent is None:
            self.percent = 100
        if self.status == self.COMPLETED and self.percent != 100:
            errors["percent"] = _("A completed task is at 100 percent.")
        if self.status == self.NOT_STARTED and self.percent:
            errors["percent"] = _("A task not started is at 0 percent.")
        if self.task_id is None:
            if errors:
                raise ValidationError(errors)
            return
        if self.milestone_id is not None and self.milestone.task_id != self.task_id:
            errors["milestone"] = _("The milestone belongs to another task.")
        if self.occurrence_due is not None:
            if not self.task.recurrence:
                errors["occurrence_due"] = _("Only a recurring task has occurrences.")
            elif occurrence_period(self.task, self.occurrence_due) is None:
                errors["occurrence_due"] = _("No occurrence of this task is due on that day.")
        if errors:
            raise ValidationError(errors)


class ConditionEvent(models.Model):
    """The triggering event of a conditional deadline happened ("Sau khi Đề án được phê duyệt").

    From then on the deadline has a due date: ``due`` when the event sets one, else the
    deadline's own date, else ``Thresholds.condition_days`` after the event. ``milestone``: the
    milestone whose condition it is (empty: every milestone, or the task itself).
    """

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="condition_events", verbose_name=_("task"))
    happened_on = models.DateField(_("happened on"))
    due = models.DateField(_("due date it sets"), null=True, blank=True)
    milestone = models.ForeignKey(
        TaskMilestone,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="condition_events",
        verbose_name=_("milestone"),
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["task", "happened_on", "id"]
        verbose_name = _("triggering event")
        verbose_name_plural = _("triggering events")

    def __str__(self) -> str:
        return f"{self.task.number} – {self.happened_on:%d/%m/%Y}"

    def clean(self) -> None:
        if self.task_id is None:
            return
        if self.milestone_id is not None and self.milestone.task_id != self.task_id:
            raise ValidationError({"milestone": _("The milestone belongs to another task.")})
        conditional = bool(self.task.condition) or self.task.milestones.exclude(condition="").exists()
        if not conditional:
            raise ValidationError(_("This task's deadline waits for no event."))
