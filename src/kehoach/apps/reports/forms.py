"""The forms of the report pages: the download (as-of date, period kind, file format) and the template upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.apps.reports.services import MAX_BYTES
from kehoach.domain.report_kinds import REPORT_KINDS
from kehoach.web.forms import VnDateField

# the labels are message ids of the table (domain.report_kinds), translated in this app's catalogue
KIND_CHOICES = [(kind.code, _(kind.label)) for kind in REPORT_KINDS]
FORMAT_CHOICES = [("docx", _("Word document (.docx)")), ("pdf", _("PDF (.pdf)")),
                  ("xlsx", _("Excel appendices (.xlsx)"))]


class ReportForm(forms.Form):
    as_of = VnDateField(label=_("As of"), help_text=_("day/month/year"))
    kind = forms.ChoiceField(
        label=_("Report kind"), choices=KIND_CHOICES, initial="month",
        help_text=_("The report covers the latest period of this kind that has ended by the as-of date: as of "
                    "06/08/2025 the monthly report is that of July 2025, the quarterly one that of the second "
                    "quarter and the annual one that of 2024."))
    fmt = forms.ChoiceField(label=_("File format"), choices=FORMAT_CHOICES, initial="docx",
                            widget=forms.RadioSelect)


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label=_("Word template (.docx)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".docx"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".docx"):
            raise forms.ValidationError(_("%(name)s: expected a Word document (.docx).") % {"name": upload.name})
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("%(name)s: the file is larger than 5 MB.") % {"name": upload.name})
        return upload
