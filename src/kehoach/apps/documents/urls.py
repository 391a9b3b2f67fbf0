"""The documents pages (Văn bản)."""

from django.urls import path

from kehoach.apps.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.DocumentListView.as_view(), name="list"),
    path("<int:pk>/", views.DocumentView.as_view(), name="detail"),
    path("upload/", views.UploadView.as_view(), name="upload"),
    path("upload/<int:pk>/", views.PreviewView.as_view(), name="preview"),
]
