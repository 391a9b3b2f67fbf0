"""URLs: every app's pages under its own prefix and namespace; the admin for administrators."""

from django.contrib import admin
from django.urls import include, path

from kehoach.apps.documents import urls as document_urls
from kehoach.apps.plan_import import urls as upload_urls
from kehoach.site.api import api

admin.site.site_header = admin.site.site_title = "kehoach"

urlpatterns = [
    path("", include("kehoach.apps.dashboard.urls")),
    path("indicators/", include("kehoach.apps.monitoring.indicators.urls")),
    path("tasks/", include("kehoach.apps.monitoring.tasks.urls")),
    path("projects/", include("kehoach.apps.monitoring.projects.urls")),
    path("agencies/", include("kehoach.apps.monitoring.leaders.urls")),
    path("agencies/", include("kehoach.apps.approvals.urls")),
    path("agencies/", include("kehoach.apps.workspace.urls")),
    # the stored documents (documents) and their upload, which stores the plan (plan_import): one namespace
    path("documents/", include(([*document_urls.urlpatterns, *upload_urls.urlpatterns], "documents"))),
    path("inbox/", include("kehoach.apps.inbox.urls")),
    path("history/", include("kehoach.apps.history.urls")),
    path("reports/", include("kehoach.apps.reports.urls")),
    path("accounts/tokens/", include("kehoach.apps.api.urls")),
    path("accounts/", include("kehoach.web.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
