"""The history pages (Lịch sử)."""

from django.urls import path

from kehoach.apps.history import views

app_name = "history"
urlpatterns = [
    path("", views.HistoryListView.as_view(), name="list"),
    path("<str:label>/<int:pk>/", views.ObjectHistoryView.as_view(), name="object"),
]
