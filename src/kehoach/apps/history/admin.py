"""The admin base of every kehoach model: django-simple-history's, with its history kept read-only.

simple-history's "revert" page (``<pk>/history/<version>/``) saves the form it shows for anyone
who may *view* the object; here only those ``roles.may_revert`` allows (administrators) may POST
it: everyone else reads the old version and gets 403 when they send it back.
"""

from __future__ import annotations

from simple_history.admin import SimpleHistoryAdmin

from kehoach.apps.accounts import roles


class HistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            roles.require(roles.may_revert(request.user))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return not roles.may_revert(request.user) or super().revert_disabled(request, obj)
