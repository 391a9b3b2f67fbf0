"""What the domain apps' ``api.py`` share: the as-of date of a request, a user's agency checks."""

from __future__ import annotations

from datetime import date

from django.utils import timezone


def as_of_or_today(as_of: date | None) -> date:
    """The ``?as_of=YYYY-MM-DD`` of a request, today when it is not given (as the web pages)."""
    return as_of or timezone.localdate()
