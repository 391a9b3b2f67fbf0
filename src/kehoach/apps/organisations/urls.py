"""The organisations pages."""

from django.urls import path

from kehoach.apps.organisations import views_leaders, views_workspace

app_name = "organisations"
urlpatterns: list = [
    # Workspace
    path("workspace/", views_workspace.WorkspaceHomeView.as_view(), name="workspace-home"),
    path("<int:pk>/workspace/", views_workspace.WorkspaceView.as_view(), name="workspace"),
    path("<int:pk>/workspace/template.xlsx", views_workspace.WorkspaceTemplateView.as_view(),
         name="workspace-template"),
    path("<int:pk>/workspace/upload/", views_workspace.WorkspaceUploadView.as_view(), name="workspace-upload"),
    path("approvals/", views_workspace.ApprovalsView.as_view(), name="approvals"),
    # Leaders
    path("leaders/", views_leaders.LeaderHomeView.as_view(), name="leader-home"),
    path("leaders/<int:pk>/", views_leaders.LeaderView.as_view(), name="leader"),
]
