"""Đơn vị: the list of agencies and each agency's workspace (/agencies/...)."""

from django.urls import path

from kehoach.apps.workspace import views

app_name = "workspace"
urlpatterns: list = [
    path("workspace/", views.WorkspaceHomeView.as_view(), name="home"),
    path("<int:pk>/workspace/", views.WorkspaceView.as_view(), name="agency"),
    path("<int:pk>/workspace/template.xlsx", views.WorkspaceTemplateView.as_view(), name="template"),
    path("<int:pk>/workspace/upload/", views.WorkspaceUploadView.as_view(), name="upload"),
]
