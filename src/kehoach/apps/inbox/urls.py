"""Thông báo: the inbox and its two actions."""

from django.urls import path

from kehoach.apps.inbox import views

app_name = "inbox"
urlpatterns: list = [
    path("", views.InboxView.as_view(), name="list"),
    path("open/", views.OpenNoticeView.as_view(), name="open"),
    path("read/", views.MarkAllReadView.as_view(), name="read-all"),
]
