"""Filters of the documents list: a search by kind, number, issuer, title or file name that matches
with and without diacritics (``web.search``: "uy ban nhan dan" finds "Ủy ban nhân dân"), as every list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from kehoach.apps.documents.models import Document
from kehoach.web.search import FoldedSearchFilter


class DocumentFilterSet(django_filters.FilterSet):
    q = FoldedSearchFilter(label=_("Search"))

    class Meta:
        model = Document
        fields = ["q"]
