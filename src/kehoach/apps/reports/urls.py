from django.urls import path

from kehoach.apps.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.ReportIndexView.as_view(), name="index"),
    path("template/", views.ReportTemplateView.as_view(), name="template"),
]
