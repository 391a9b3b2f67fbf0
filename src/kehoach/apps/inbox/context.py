"""The header's badge: how many notices the signed-in user has not read (``notices.unread_count``),
computed only when a page shows it."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from kehoach.apps.accounts import roles
from kehoach.apps.inbox.notices import unread_count
from kehoach.web.asof import as_of_for


def inbox(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not roles.agency_ids(user):
        return {"inbox_shown": False, "inbox_unread": 0}
    return {"inbox_shown": True, "inbox_unread": SimpleLazyObject(lambda: unread_count(user, as_of_for(request)))}
