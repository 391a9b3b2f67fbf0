"""The approval queue (/agencies/approvals/) and one URL per review action."""

from django.urls import path

from kehoach.apps.approvals import views

app_name = "approvals"
urlpatterns: list = [
    path("approvals/", views.ApprovalsView.as_view(), name="queue"),
    path("approvals/figures/<int:pk>/approve/", views.ApproveFigureView.as_view(), name="approve-figure"),
    path("approvals/figures/<int:pk>/return/", views.ReturnFigureView.as_view(), name="return-figure"),
    path("approvals/figures/<int:pk>/publish/", views.PublishFigureView.as_view(), name="publish-figure"),
    path("approvals/progress/<int:pk>/approve/", views.ApproveProgressView.as_view(), name="approve-progress"),
    path("approvals/progress/<int:pk>/return/", views.ReturnProgressView.as_view(), name="return-progress"),
]
urlpatterns += [
    path("approvals/figures/approve/", views.ApproveFiguresView.as_view(), name="approve-figures"),
    path("approvals/progress/approve/", views.ApproveProgressManyView.as_view(), name="approve-progress-many"),
]
