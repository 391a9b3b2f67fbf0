"""The forms of the task pages: a directive or a comment on a task (a reply, for its lead agencies)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.apps.steering.models import Comment
from kehoach.web.forms import VnDateField


class CommentForm(forms.Form):
    """``kinds``: what the user may write (``services.comment_kinds``); with one kind only, no choice is shown."""

    kind = forms.ChoiceField(label=_("Kind"), widget=forms.RadioSelect)
    text = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000,
                           error_messages={"required": _("Write something.")})
    due = VnDateField(label=_("To be done by (directives)"), required=False)

    LABELS = {Comment.DIRECTIVE: _("Directive"), Comment.COMMENT: _("Comment (reply)")}

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = list(kinds)
        self.fields["kind"].choices = [(kind, self.LABELS[kind]) for kind in self.kinds]
        if self.kinds:
            self.fields["kind"].initial = self.kinds[0]
        if len(self.kinds) == 1:
            self.fields["kind"].widget = forms.HiddenInput()
            self.fields["kind"].required = False
        if Comment.DIRECTIVE not in self.kinds:
            del self.fields["due"]

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or self.kinds[0]
