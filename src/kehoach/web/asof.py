"""The as-of date a user is looking at: chosen with ``?as_of=YYYY-MM-DD`` and kept in the session."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from kehoach.domain.days import parse_day

SESSION_KEY = "kehoach_as_of"


def as_of_for(request) -> date:
    """``?as_of=`` when given (and remembered), else the remembered date, else today."""
    chosen = parse_day(request.GET.get("as_of"))
    session = getattr(request, "session", None)
    if chosen is not None:
        if session is not None and session.get(SESSION_KEY) != chosen.isoformat():
            session[SESSION_KEY] = chosen.isoformat()  # written only when it changes: no save per request
        return chosen
    remembered = parse_day(session.get(SESSION_KEY)) if session is not None else None
    return remembered or timezone.localdate()
