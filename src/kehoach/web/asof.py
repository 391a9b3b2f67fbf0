"""The as-of date a user is looking at: chosen with ``?as_of=YYYY-MM-DD`` and kept in the session.

The date a person chose stays: in the session for every later page (signing in keeps the
session's data), and in the sign-in link's ``next`` (``sign_in_url``), so a link such as the
demo's ``/?as_of=2025-08-06`` opens, after sign-in, at that date."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.http import QueryDict
from django.shortcuts import resolve_url
from django.utils import timezone

from kehoach.domain.bounds import day_in_bounds
from kehoach.domain.days import parse_day as read_day

SESSION_KEY = "kehoach_as_of"


def parse_day(text) -> date | None:
    """``YYYY-MM-DD`` or ``dd/mm/yyyy`` (``kehoach.domain.days``) between 1900 and 2100; None for anything
    else (``kehoach.web.hardening.DateBounds`` answers 400 for a day outside the years)."""
    day = read_day(text)
    return day if day is not None and day_in_bounds(day) else None


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


def chosen_as_of(request) -> date | None:
    """The date the person chose (``?as_of=`` or the session), None when they chose none (today)."""
    chosen = parse_day(request.GET.get("as_of"))
    session = getattr(request, "session", None)
    return chosen or (parse_day(session.get(SESSION_KEY)) if session is not None else None)


def sign_in_url(request) -> str:
    """The sign-in page's address, back to this page afterwards (the overview from the public page
    or the sign-in page itself) with the chosen as-of date in ``next``."""
    login, public = resolve_url("login"), resolve_url("dashboard:public")
    if request.path in (login, public):
        path, query = resolve_url("dashboard:overview"), QueryDict(mutable=True)
    else:
        path, query = request.path, request.GET.copy()
    day = chosen_as_of(request)
    if day is not None:
        query["as_of"] = day.isoformat()
    target = f"{path}?{query.urlencode()}" if query else path
    return f"{login}?{urlencode({'next': target})}"
