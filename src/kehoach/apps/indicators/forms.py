"""The form of a directive or comment on an indicator; who may write which is decided in
``kehoach.apps.steering.services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kehoach.apps.steering import services as steering
from kehoach.apps.steering.models import Comment
from kehoach.web.forms import VnDateField

KIND_LABELS = {
    Comment.DIRECTIVE: _("Directive"),
    Comment.COMMENT: pgettext_lazy("comment kind", "Comment"),
}


def comment_kinds(user, indicator) -> list[str]:
    """The kinds of comment the user may write on the indicator (the rule: ``steering.services``)."""
    return steering.kinds_for(user, [a.pk for a in indicator.monitoring_agencies.all()])


class CommentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"))
    text = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    due = VnDateField(label=_("To be done by"), required=False,
                      help_text=_("Directives only; optional."))

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        self.fields["kind"].choices = [(k, KIND_LABELS[k]) for k in kinds]
        if kinds:
            self.fields["kind"].initial = kinds[0]
        if Comment.DIRECTIVE not in kinds:
            self.fields["kind"].widget = forms.HiddenInput()
            del self.fields["due"]

    def clean(self):
        data = super().clean()
        if data.get("kind") != Comment.DIRECTIVE and data.get("due"):
            self.add_error("due", _("Only a directive has a date to be done by."))
        return data

    def save(self, indicator, author) -> Comment:
        return steering.post(author, [a.pk for a in indicator.monitoring_agencies.all()],
                             kind=self.cleaned_data["kind"], text=self.cleaned_data["text"],
                             due=self.cleaned_data.get("due"), indicator=indicator)
