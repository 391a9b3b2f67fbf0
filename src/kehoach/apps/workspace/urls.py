"""Đơn vị: the list of agencies and each agency's workspace (/agencies/...), one URL per action."""

from django.urls import path

from kehoach.apps.workspace import actions, views

app_name = "workspace"
urlpatterns: list = [
    path("workspace/", views.WorkspaceHomeView.as_view(), name="home"),
    path("<int:pk>/workspace/", views.WorkspaceView.as_view(), name="agency"),
    path("<int:pk>/workspace/template.xlsx", views.WorkspaceTemplateView.as_view(), name="template"),
    path("<int:pk>/workspace/upload/", views.WorkspaceUploadView.as_view(), name="upload"),
    path("<int:pk>/workspace/upload/confirm/", views.ConfirmUploadView.as_view(), name="confirm-upload"),
    path("<int:pk>/workspace/figures/", actions.EnterFigureView.as_view(), name="enter-figure"),
    path("<int:pk>/workspace/figures/submit/", actions.SubmitFigureView.as_view(), name="submit-figure"),
    path("<int:pk>/workspace/progress/", actions.EnterProgressView.as_view(), name="enter-progress"),
    path("<int:pk>/workspace/progress/submit/", actions.SubmitProgressView.as_view(), name="submit-progress"),
    path("<int:pk>/workspace/milestones/", actions.RecordMilestoneView.as_view(), name="record-milestone"),
    path("<int:pk>/workspace/disbursements/", actions.RecordDisbursementView.as_view(),
         name="record-disbursement"),
    path("<int:pk>/workspace/directives/acknowledge/", actions.AcknowledgeDirectiveView.as_view(),
         name="acknowledge-directive"),
    path("<int:pk>/workspace/reports/submit/", actions.SubmitReportView.as_view(), name="submit-report"),
]
