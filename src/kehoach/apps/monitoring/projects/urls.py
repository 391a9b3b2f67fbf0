"""The projects pages."""

from django.urls import path

from kehoach.apps.monitoring.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.ProjectListView.as_view(), name="list"),
    path("<int:pk>/", views.ProjectView.as_view(), name="detail"),
]
