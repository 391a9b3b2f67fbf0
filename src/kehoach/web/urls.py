"""Sign in and out, one's own password, language switch."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from kehoach.apps.accounts.throttle import ThrottledLoginForm
from kehoach.web.language import choose_language

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True,
                                                authentication_form=ThrottledLoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # every signed-in user changes their own password (Django's views, the site's look, in Vietnamese)
    path("password/", auth_views.PasswordChangeView.as_view(
        template_name="registration/kehoach_password_change.html", success_url=reverse_lazy("password_change_done")),
        name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(
        template_name="registration/kehoach_password_change_done.html"), name="password_change_done"),
    path("language/", choose_language, name="set_language"),
]
