"""The organisations pages: the leaders (Lãnh đạo)."""

from django.urls import path

from kehoach.apps.monitoring.leaders import views as views_leaders

app_name = "organisations"
urlpatterns: list = [
    path("leaders/", views_leaders.LeaderHomeView.as_view(), name="leader-home"),
    path("leaders/<int:pk>/", views_leaders.LeaderView.as_view(), name="leader"),
]
