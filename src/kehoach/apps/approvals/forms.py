from django import forms
from django.utils.translation import gettext_lazy as _


class ReturnForm(forms.Form):
    """Why an entry goes back to its agency (the agency reads it, corrects the entry and resubmits it)."""

    return_reason = forms.CharField(label=_("Reason for returning"), widget=forms.Textarea(attrs={"rows": 2}),
                                    max_length=2000)
