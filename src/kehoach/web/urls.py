"""Sign in and out, language switch."""

from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.i18n import set_language

from kehoach.apps.accounts.throttle import ThrottledLoginForm

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True,
                                                authentication_form=ThrottledLoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", set_language, name="set_language"),
]
