"""Generic edit and action views, beside the list and detail views (``generic.py``).

A page that changes something declares what it acts on and what it does; these views do the rest,
the same way everywhere:

* the rights first (``allowed`` of ``StaffMixin``; ``may_act(obj)``): 403 and nothing changes;
* a ``ValidationError`` (a rule of a service, the review workflow's, an ``ExplanationRequired``)
  goes to the form: on its fields when it names them (the explanation's fields when causes,
  difficulties or proposals are missing), otherwise above the form, and the page is shown again
  with the user's input;
* a ``Conflict`` (``kehoach.apps.locking``: someone saved the row since the form was
  read) answers 409 with the page again, the other change shown on the form
  (``conflict_message``) and its edit version in the form, so that saving again is deliberate;
* success: a message, then a redirect (``success_url``); ``message_place`` (an extra tag such as
  ``place-figures``) lets the page show it where the action was (``places`` in the page's context).

``ObjectActionView`` is one button on one object (approve, return, publish, submit ...):
``queryset``, ``perform(obj, form)``, an optional ``form_class`` (a reason ...), ``done_message(obj)``.
Without a form of its own, a refusal is a message on the page it returns to.

``FormActionView`` is a form that records something (enter a figure, a progress update ...):
``form_class``, ``get_form_kwargs()``, ``perform(form)`` returning the message; on a refusal
(``refuse(form, exc)``, by default ``add_errors``) it renders ``render_invalid(form, status)``.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import View

from kehoach.apps import locking
from kehoach.web.views.generic import StaffMixin

EXPLANATION_FIELDS = ("cause", "difficulties", "proposals")


def add_errors(form: forms.Form, exc: ValidationError) -> None:
    """A refusal on the form, said once, where it belongs: on the fields it names, else above the form.

    ``ExplanationRequired``: the rule (why the entry needs its causes, difficulties and proposals) is
    said once, at the first missing field the form shows; the other missing fields say only that
    they are required. Above the form only when the form shows none of them.
    """
    missing = getattr(exc, "missing", None)
    if missing is not None:
        shown = [name for name in missing if name in form.fields]
        message = exc.messages[0] if exc.messages else _("Required: give the causes, difficulties and proposals.")
        if not shown:
            form.add_error(None, message)
        for number, name in enumerate(shown):
            form.add_error(name, message if number == 0 else _("Required."))
        return
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
        return
    form.add_error(None, exc)


def show_conflict(form: forms.Form, conflict: locking.Conflict, fields) -> None:
    """The other user's change on the form (``locking.conflict_message``), with their version in the
    hidden fields: the user's input stays, and saving again replaces theirs deliberately."""
    form.add_error(None, locking.conflict_message(conflict, list(fields)))
    if conflict.current is not None:
        form.data = form.data.copy()
        form.data[form.add_prefix("version")] = str(conflict.current.row_version)
        form.data[form.add_prefix("draft")] = str(conflict.current.pk)


class ObjectActionView(StaffMixin, View):
    """One action on one object, by POST (see the module doc)."""

    queryset = None
    form_class: type[forms.Form] | None = None
    lookup = "pk"  # the URL argument that names the object
    http_method_names = ["post"]

    def get_object(self):
        return get_object_or_404(self.queryset, pk=self.kwargs[self.lookup])

    def may_act(self, obj) -> bool:
        return True

    def perform(self, obj, form):
        raise NotImplementedError

    def done_message(self, obj) -> str:
        return ""

    def get_success_url(self, obj) -> str:
        raise NotImplementedError

    def refused(self, obj, form, exc: ValidationError):
        """A refusal: said once, as a message on the page the user returns to."""
        messages.error(self.request, " ".join(dict.fromkeys(exc.messages)))
        return HttpResponseRedirect(self.get_success_url(obj))

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        if not self.may_act(obj):
            raise PermissionDenied
        form = self.form_class(request.POST) if self.form_class else None
        if form is not None and not form.is_valid():
            return self.refused(obj, form, ValidationError([e for errors in form.errors.values() for e in errors]))
        try:
            with transaction.atomic():
                self.perform(obj, form)
        except ValidationError as exc:
            return self.refused(obj, form, exc)
        message = self.done_message(obj)
        if message:
            messages.success(request, message)
        return HttpResponseRedirect(self.get_success_url(obj))


class FormActionView(StaffMixin, View):
    """A form that records something, by POST (see the module doc)."""

    form_class: type[forms.Form]
    conflict_fields: tuple[str, ...] = ()  # what the conflict message shows of the other change
    message_place = ""  # the message's extra tag: where the page shows it (see the module doc)
    template_name = ""
    http_method_names = ["post"]

    def get_form_kwargs(self) -> dict:
        return {}

    def get_form(self):
        return self.form_class(self.request.POST, self.request.FILES, **self.get_form_kwargs())

    def perform(self, form) -> str:
        """Record what the form says; returns the message to show. Raise ``ValidationError`` to refuse."""
        raise NotImplementedError

    def get_success_url(self, form) -> str:
        raise NotImplementedError

    def render_invalid(self, form, status: int = 200):
        raise NotImplementedError

    def refuse(self, form, exc: ValidationError) -> None:
        """A service's refusal on the form (by default ``add_errors``)."""
        add_errors(form, exc)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_invalid(form)
        try:
            with transaction.atomic():
                message = self.perform(form)
        except locking.Conflict as exc:
            show_conflict(form, exc, self.conflict_fields)
            return self.render_invalid(form, status=409)
        except ValidationError as exc:
            self.refuse(form, exc)
            return self.render_invalid(form)
        if message:
            messages.success(request, message, extra_tags=self.message_place)
        return HttpResponseRedirect(self.get_success_url(form))
