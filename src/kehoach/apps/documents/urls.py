"""The stored documents' pages (Văn bản); the upload's are ``kehoach.apps.plan_import.urls``, in the
same ``documents`` namespace (``kehoach.site.urls`` puts them together)."""

from django.urls import path

from kehoach.apps.documents import views

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="list"),
    path("<int:pk>/", views.DocumentView.as_view(), name="detail"),
]
