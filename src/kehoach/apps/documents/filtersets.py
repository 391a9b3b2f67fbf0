import django_filters
from django.utils.translation import gettext_lazy as _

from kehoach.apps.documents.models import Document


class DocumentFilterSet(django_filters.FilterSet):
    kind = django_filters.CharFilter(label=_("kind"), lookup_expr="icontains")
    issuer = django_filters.CharFilter(label=_("issuer"), lookup_expr="icontains")

    class Meta:
        model = Document
        fields = ["kind", "issuer"]
