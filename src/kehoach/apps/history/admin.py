"""The admin base of every kehoach model: django-simple-history's, with its history kept read-only
and concurrent edits of versioned rows refused.

* simple-history's "revert" page (``<pk>/history/<version>/``) saves the form it shows for anyone
  who may *view* the object; here only those ``roles.may_revert`` allows (administrators) may POST
  it: everyone else reads the old version and gets 403 when they send it back.
* A row with a ``row_version`` (``kehoach.apps.locking.Versioned``) carries the version
  it was read at in a hidden field; saving it after someone else did shows their change
  (``locking.conflict_message``) and keeps the form as it was typed.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from kehoach.apps import locking
from kehoach.apps.accounts import roles

EXPECTED_VERSION = "expected_version"


class HistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            roles.require(roles.may_revert(request.user))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return not roles.may_revert(request.user) or super().revert_disabled(request, obj)

    # -- optimistic locking of versioned rows ------------------------------------------------------

    def _versioned(self, obj) -> bool:
        return obj is not None and isinstance(obj, locking.Versioned)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._versioned(obj):  # the hidden field is the form's, not the model's
            fields = kwargs["fields"] if "fields" in kwargs else flatten_fieldsets(self.get_fieldsets(request, obj))
            kwargs["fields"] = None if fields is None else [f for f in fields if f != EXPECTED_VERSION]
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self._versioned(obj):
            return form
        shown = [f.name for f in self.model._meta.concrete_fields if f.editable and not f.primary_key]

        class VersionedForm(form):
            expected_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                self.fields[EXPECTED_VERSION].initial = self.instance.row_version

            def clean(self):
                data = super().clean()
                try:
                    locking.claim(self.instance, data.get(EXPECTED_VERSION))
                except locking.Conflict as exc:
                    raise ValidationError(locking.conflict_message(exc, shown)) from None
                return data

        return VersionedForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._versioned(obj) or any(EXPECTED_VERSION in options["fields"] for _t, options in fieldsets):
            return fieldsets
        (title, options), *rest = fieldsets
        return [(title, {**options, "fields": [*options["fields"], EXPECTED_VERSION]}), *rest]
