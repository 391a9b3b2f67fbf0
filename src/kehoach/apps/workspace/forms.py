"""The forms of the agency workspace (Đơn vị).

Each form offers only the agency's own objects (the indicators it monitors, the tasks it leads,
its projects) and checks what is typed; the rules are those of ``figures.entry``, ``tasks.entry``
and ``projects.entry``.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kehoach.apps.figures import entry as figure_entry
from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.projects import entry as project_entry
from kehoach.apps.review.services import entry_day
from kehoach.apps.tasks import entry as task_entry
from kehoach.apps.tasks.models import TaskProgress
from kehoach.domain.assessment.model import QUALIFIERS, read_period
from kehoach.web.forms import VnDateField

TEXTAREA = forms.Textarea(attrs={"rows": 2})
EXPLANATION_HELP = _("Required when the figure is rated “Chậm” or worse, or the task is overdue or due soon.")


class TaskChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        content = obj.content if len(obj.content) <= 90 else obj.content[:89] + "…"
        return f"{obj.number}. {content}"


class MilestoneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        planned = f" ({obj.planned:%d/%m/%Y})" if obj.planned else ""
        return f"{obj.project.number}. {obj.project.name[:60]} – {obj}{planned}"


PERIOD_HELP = _("As it is said: Tháng 7/2025, Quý III/2025, 6 tháng đầu năm 2025, 9 tháng năm 2025, Năm 2025, "
                "Lũy kế 7 tháng năm 2025.")


def clean_period_words(form) -> str:
    """The period a person wrote in words (or as a code), as its code (``read_period``); text that is
    not a period is left as written for the row's checks to report with the other problems."""
    text = form.cleaned_data["period"]
    try:
        return read_period(text).code
    except ValueError:
        return text


class FigureForm(forms.Form):
    """A figure of one of the agency's indicators, read as the figures importer reads a row."""

    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None, to_field_name="key")
    period = forms.CharField(label=_("Period"), max_length=40,
                             help_text=PERIOD_HELP)
    value = forms.CharField(label=_("Value"), max_length=100,
                            help_text=_("As published, in Vietnamese format: 1.234,5 (“hơn 8,58” also reads)."))
    qualifier = forms.ChoiceField(label=_("Qualifier"), required=False,
                                  choices=[("", "—")] + [(q, q) for q in QUALIFIERS])
    unit = forms.CharField(label=_("Unit as published"), max_length=100, required=False,
                           help_text=_("Empty: the indicator's unit. Another unit is converted (nghìn tỷ đồng → tỷ đồng)."))
    comparison = forms.CharField(label=_("Compared with"), max_length=300, required=False,
                                 help_text=_("“tăng so với cùng kỳ” makes a percentage of an index a growth rate."))
    scope = forms.CharField(label=_("Territorial scope"), max_length=200, required=False,
                            help_text=_("HP cũ, HP mới, a place or a scope label; empty: the city on the period's "
                                        "last day."))
    source = forms.CharField(label=_("Source"), required=False, widget=TEXTAREA)
    published = VnDateField(label=_("Published on"), required=False)
    cause = forms.CharField(label=_("Causes"), required=False, widget=TEXTAREA, help_text=EXPLANATION_HELP)
    difficulties = forms.CharField(label=_("Difficulties and obstacles"), required=False, widget=TEXTAREA)
    proposals = forms.CharField(label=_("Proposals"), required=False, widget=TEXTAREA)
    # A draft opened for editing and the version it was read at (optimistic locking).
    draft = forms.IntegerField(required=False, widget=forms.HiddenInput)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    FIELD_OF = {"indicator": "indicator", "period": "period", "value": "value", "qualifier": "qualifier",
                "unit": "unit", "comparison": "comparison", "scope": "scope", "source": "source",
                "published": "published"}

    def __init__(self, *args, agency, as_of, checker: figure_entry.FigureChecker | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency, self.as_of = agency, as_of
        self.checker = checker
        self.fields["indicator"].queryset = figure_entry.indicators_of(agency)
        self.entry: figure_entry.FigureEntry | None = None

    clean_period = clean_period_words

    def clean_draft(self):
        pk = self.cleaned_data.get("draft")
        if pk is None:
            return None
        figure = ActualFigure.objects.filter(pk=pk, indicator__in=figure_entry.indicators_of(self.agency)).first()
        if figure is None:
            raise ValidationError(_("This figure is not one of the agency's: enter a new figure."))
        return figure

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        indicator = data["indicator"]
        published = data.get("published") or entry_day(self.as_of)
        cells = {"indicator": indicator.key, "period": data["period"], "value": data["value"],
                 "qualifier": data.get("qualifier", ""), "unit": data.get("unit", ""),
                 "comparison": data.get("comparison", ""), "scope": data.get("scope", ""),
                 "source": data.get("source", ""), "published": published.isoformat()}
        checker = self.checker or figure_entry.FigureChecker(self.agency)
        row, problems = checker.check(1, cells)
        for column, message in problems:
            self.add_error(self.FIELD_OF.get(column), message)
        if row is not None:
            self.entry = figure_entry.FigureEntry(0, row, data.get("cause", ""), data.get("difficulties", ""),
                                              data.get("proposals", ""))
        return data


class ProgressForm(forms.Form):
    """A progress update of one of the tasks the agency leads."""

    task = TaskChoiceField(label=_("Task"), queryset=None)
    on = VnDateField(label=_("As of"))
    status = forms.ChoiceField(label=_("Progress status"), choices=TaskProgress.STATUS_CHOICES,
                               initial=TaskProgress.IN_PROGRESS)
    percent = forms.IntegerField(label=_("Percent complete"), required=False, min_value=0, max_value=100)
    note = forms.CharField(label=_("Note"), required=False, widget=TEXTAREA)
    evidence_reference = forms.CharField(label=_("Evidence (document number)"), max_length=200, required=False)
    cause = forms.CharField(label=_("Causes"), required=False, widget=TEXTAREA, help_text=EXPLANATION_HELP)
    difficulties = forms.CharField(label=_("Difficulties and obstacles"), required=False, widget=TEXTAREA)
    proposals = forms.CharField(label=_("Proposals"), required=False, widget=TEXTAREA)
    draft = forms.IntegerField(required=False, widget=forms.HiddenInput)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)  # of the draft, as read

    def __init__(self, *args, agency, as_of, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.fields["task"].queryset = task_entry.tasks_of(agency)
        self.fields["on"].initial = entry_day(as_of)

    @property
    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) if name in ("on", "percent") else self.cleaned_data.get(name, "")
                for name in task_entry.PROGRESS_FIELDS}

    def clean_draft(self):
        pk = self.cleaned_data.get("draft")
        if pk is None:
            return None
        draft = TaskProgress.objects.filter(pk=pk, task__lead=self.agency).first()
        if draft is None:
            raise ValidationError(_("This draft is no longer a draft: enter a new update."))
        return draft  # submitted since it was opened: the service says so (a conflict with the version)


class MilestoneForm(forms.Form):
    milestone = MilestoneChoiceField(label=_("Milestone"), queryset=None)
    actual = VnDateField(label=_("Actual date"))
    note = forms.CharField(label=_("Note"), required=False, widget=TEXTAREA)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        from kehoach.apps.projects.models import ProjectMilestone

        self.fields["milestone"].queryset = ProjectMilestone.objects.filter(project__agency=agency).select_related(
            "project").order_by("project__number", "planned", "pk")


class DisbursementForm(forms.Form):
    project = forms.ModelChoiceField(label=_("Project"), queryset=None)
    period = forms.CharField(label=_("Period"), max_length=30,
                             help_text=PERIOD_HELP)
    amount = forms.CharField(label=_("Disbursed in the period (million VND)"), max_length=40,
                             help_text=_("In Vietnamese format: 1.234,5"))
    reported_on = VnDateField(label=_("Reported on"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=TEXTAREA)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = project_entry.projects_of(agency)

    clean_period = clean_period_words

    def clean_amount(self):
        return project_entry.parse_amount(self.cleaned_data["amount"])


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Filled template (.xlsx)"))

    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("The file is larger than 5 MB."))
        return upload


class ConfirmUploadForm(forms.Form):
    digest = forms.CharField(widget=forms.HiddenInput)
    submit = forms.BooleanField(label=_("Submit them for approval as well"), required=False)
