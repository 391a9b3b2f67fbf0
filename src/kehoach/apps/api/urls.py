from django.urls import path

from kehoach.apps.api import views

app_name = "api-tokens"
urlpatterns = [
    path("", views.TokenListView.as_view(), name="list"),
    path("<int:pk>/revoke/", views.RevokeTokenView.as_view(), name="revoke"),
]
