"""The form of the report download page: as-of date, period kind, file format."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.web.forms import VnDateField

KIND_CHOICES = [
    ("month", _("Monthly report")),
    ("quarter", _("Quarterly report")),
    ("h1", _("Six-month report")),
    ("9m", _("Nine-month report")),
    ("year", _("Annual report")),
]
FORMAT_CHOICES = [("docx", _("Word document (.docx)")), ("pdf", _("PDF (.pdf)")),
                  ("xlsx", _("Excel appendices (.xlsx)"))]


class ReportForm(forms.Form):
    as_of = VnDateField(label=_("As of"), help_text=_("day/month/year"))
    kind = forms.ChoiceField(label=_("Report kind"), choices=KIND_CHOICES, initial="month")
    fmt = forms.ChoiceField(label=_("File format"), choices=FORMAT_CHOICES, initial="docx",
                            widget=forms.RadioSelect)
