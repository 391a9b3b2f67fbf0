"""Uploading a document (Văn bản): in the ``documents`` namespace with the stored documents' pages
(``kehoach.site.urls`` puts them together)."""

from django.urls import path

from kehoach.apps.plan_import import views

urlpatterns = [
    path("upload/", views.UploadView.as_view(), name="upload"),
    path("upload/<int:pk>/", views.PreviewView.as_view(), name="preview"),
]
