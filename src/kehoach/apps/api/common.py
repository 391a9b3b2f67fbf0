"""What the domain apps' ``api.py`` share: the as-of date of a request, a user's agency checks, the body of
a return (``ReturnIn``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from django.utils import timezone
from ninja import Schema
from pydantic import Field


def as_of_or_today(as_of: date | None) -> date:
    """The ``?as_of=YYYY-MM-DD`` of a request, today when it is not given (as the web pages)."""
    return as_of or timezone.localdate()


# Integers a database can hold: a larger one is refused with 422, not passed on to SQL (where SQLite
# and PostgreSQL would fail with a server error).
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
RowVersion = Annotated[int, Field(ge=1, le=2**31 - 1)]  # a row_version (kehoach.apps.locking)
Year = Annotated[int, Field(ge=1, le=9999)]
# Text of a request: anything but the NUL character, which PostgreSQL cannot store or compare.
Text = Annotated[str, Field(pattern=r"^[^\x00]*$")]
# A day to assess as of: years the calendar arithmetic can handle.
Day = Annotated[date, Field(ge=date(1900, 1, 1), le=date(2999, 12, 31))]


class ReturnIn(Schema):
    """The body of returning a submitted entry (a figure, a progress update) to its agency."""

    return_reason: Text = Field(description="Why the entry is returned: the agency reads it to correct the entry "
                                            "and submits it again. Required.")
