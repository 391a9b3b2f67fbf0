"""URLs: the admin is the whole user interface for now; the root redirects to it."""

from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = admin.site.site_title = "kehoach"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
]
