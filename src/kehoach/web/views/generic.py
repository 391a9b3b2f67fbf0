"""Generic views: a page declares a queryset, a filterset, a form or a table; these do the work.

* ``StaffMixin``: signed-in staff only (anonymous users go to the login page, public accounts
  get 403), the rule of ``kehoach.apps.accounts.roles.sees_plan``.
* ``ObjectListView``: ``queryset`` + ``filterset`` (django-filter) + ``table`` (django-tables2),
  paginated; ``?export=csv`` and ``?export=xlsx`` download the whole filtered list
  (``kehoach.web.export``).
* ``ObjectView``: one object and whatever ``extra_context_for(obj)`` adds.
"""

from __future__ import annotations

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.views.generic import DetailView, TemplateView
from django_tables2 import RequestConfig

from kehoach.apps.accounts import roles
from kehoach.web.asof import as_of_for
from kehoach.web.export import ExportMixin


class StaffMixin(AccessMixin):
    """The plan is for signed-in officials; the public sees published figures only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.allowed(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, request) -> bool:
        return roles.sees_plan(request.user)

    @property
    def as_of(self):
        return as_of_for(self.request)


class ObjectListView(ExportMixin, StaffMixin, TemplateView):
    queryset = None
    filterset = None
    table = None
    template_name = "web/object_list.html"
    title = ""
    per_page = 50

    def get_queryset(self):
        return self.queryset.all()

    def get_table_data(self, queryset):
        return queryset

    def filtered_table(self):
        """(filterset, table of the whole filtered list)."""
        queryset = self.get_queryset()
        data = self.request.GET.copy()
        data.pop("export", None)  # the download asks for the list the page shows
        filterset = self.filterset(data or None, queryset=queryset, request=self.request) \
            if self.filterset else None
        if filterset is not None:
            queryset = filterset.qs
        return filterset, self.table(self.get_table_data(queryset), request=self.request)

    def export_table(self):
        return self.filtered_table()[1]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset, table = self.filtered_table()
        RequestConfig(self.request, paginate={"per_page": self.per_page}).configure(table)
        context.update(filterset=filterset, table=table, title=self.title)
        return context


class ObjectView(StaffMixin, DetailView):
    context_object_name = "object"

    def extra_context_for(self, obj) -> dict:
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.extra_context_for(self.object))
        return context
