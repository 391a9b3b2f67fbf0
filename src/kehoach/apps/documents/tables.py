import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from kehoach.apps.documents.models import Document


class DocumentTable(tables.Table):
    kind = tables.Column(linkify=True)  # to the document's page
    number = tables.Column(verbose_name=_("number and symbol"), linkify=False)
    date = tables.DateColumn(format="d/m/Y")
    task_count = tables.Column(verbose_name=_("tasks"), orderable=False)
    target_count = tables.Column(verbose_name=_("targets"), orderable=False)
    warning_count = tables.Column(verbose_name=_("warnings"), orderable=False)
    imported_at = tables.DateTimeColumn(format="d/m/Y H:i")

    class Meta:
        model = Document
        fields = ["kind", "number", "issuer", "date", "title", "task_count", "target_count", "warning_count",
                  "imported_at"]
        attrs = {"class": "table"}

    # The downloads (?export=): dates as dates.
    def value_date(self, value):
        return value

    def value_imported_at(self, value):
        return value
