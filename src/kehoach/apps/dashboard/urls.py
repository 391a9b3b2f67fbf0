from django.urls import path

from kehoach.apps.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("public/", views.PublicView.as_view(), name="public"),
]
