from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.apps.plan_import.uploads import ALLOWED_SUFFIXES, MAX_BYTES


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Document (Word, PDF, OpenDocument, web page or text)"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(ALLOWED_SUFFIXES):
            raise forms.ValidationError(_("%(name)s: expected a Word (.docx, .doc), PDF, OpenDocument (.odt), web page (.html) or text (.txt, .md) file.")
                % {"name": upload.name})
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("%(name)s: the file is larger than 5 MB.") % {"name": upload.name})
        return upload
