"""The one way every list searches text with or without diacritics and in any case.

A searchable model keeps a ``search_text`` column: its texts folded (``kehoach.domain.text.folded_text``,
kept up to date on save). ``FoldedSearchFilter`` matches the folded query against it as a phrase,
in the database, alike on SQLite and PostgreSQL: "giai ngan" and "GIẢI NGÂN" find "Giải ngân".
Used by the tasks', the indicators' and the documents' list filters and the tasks API.
"""

from __future__ import annotations

import django_filters
from django.db.models import Q

from kehoach.domain.text import fold


def folded_search(value: str | None, column: str = "search_text") -> Q | None:
    """The condition "the folded query occurs in ``column``"; None for an empty query."""
    words = fold(value or "")
    return Q(**{f"{column}__contains": words}) if words else None


class FoldedSearchFilter(django_filters.CharFilter):
    """A search box over the model's ``search_text``; ``also`` adds other matches for the same query
    (a function of the folded query giving a ``Q`` or None, e.g. the task number)."""

    def __init__(self, *args, column: str = "search_text", also=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.column, self.also = column, also

    def filter(self, qs, value):
        found = folded_search(value, self.column)
        if found is None:
            return qs
        extra = self.also(fold(value)) if self.also else None
        return qs.filter(found | extra if extra is not None else found)
