"""Form pieces every page shares: dates are written and read the Vietnamese way (dd/mm/yyyy)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]


class VnDateInput(forms.DateInput):
    """A text box showing ``dd/mm/yyyy`` (a browser's own date picker follows its locale, not the page's)."""

    def __init__(self, attrs=None):
        defaults = {"placeholder": _("dd/mm/yyyy"), "inputmode": "numeric", "size": "10", "autocomplete": "off"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y")


class VnDateField(forms.DateField):
    widget = VnDateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)
