"""The indicators pages."""

from django.urls import path

from kehoach.apps.indicators import views_revise
from kehoach.apps.monitoring.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="list"),
    path("<str:key>/", views.IndicatorView.as_view(), name="detail"),
    path("<str:key>/comment/", views.CommentView.as_view(), name="comment"),
    path("<str:key>/revise/", views_revise.ReviseTargetView.as_view(), name="revise"),
]
