"""The tasks pages."""

from django.urls import path

from kehoach.apps.monitoring.tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.TaskListView.as_view(), name="list"),
    path("<int:pk>/", views.TaskDetailView.as_view(), name="detail"),
    path("<int:pk>/comment/", views.TaskCommentView.as_view(), name="comment"),
]
