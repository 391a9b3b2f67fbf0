"""Sign-in throttling, in the database (offline, shared by every server process).

After ``KEHOACH_LOGIN_FAILURES`` failed sign-ins of one user name within
``KEHOACH_LOGIN_WINDOW_MINUTES`` minutes (or four times as many from one address, whatever the
names), the sign-in form refuses to check the password, with a message saying when to try again;
a successful sign-in clears the user name's failures. The sign-in page and the admin's use
``ThrottledLoginForm``; Django's ``user_login_failed`` and ``user_logged_in`` signals count.
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kehoach.apps.accounts.models import LoginFailure

ADDRESS_FACTOR = 4


def _limit() -> int:
    return settings.KEHOACH_LOGIN_FAILURES


def _window() -> timedelta:
    return timedelta(minutes=settings.KEHOACH_LOGIN_WINDOW_MINUTES)


def client_address(request) -> str | None:
    """The client's address: ``REMOTE_ADDR``, or behind a reverse proxy the header it sets
    (``KEHOACH_CLIENT_ADDRESS_HEADER``, e.g. ``HTTP_X_REAL_IP``; otherwise every sign-in would
    come from the proxy's address)."""
    if request is None:
        return None
    value = request.META.get(settings.KEHOACH_CLIENT_ADDRESS_HEADER, "").split(",")[0].strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def _normal(username: str) -> str:
    return (username or "").strip().lower()[:150]


def blocked(username: str, address: str | None) -> bool:
    """True while the user name (or the address) has too many recent failures."""
    since = timezone.now() - _window()
    recent = LoginFailure.objects.filter(at__gte=since)
    if recent.filter(username=_normal(username)).count() >= _limit():
        return True
    return address is not None and recent.filter(address=address).count() >= _limit() * ADDRESS_FACTOR


def record_failure(sender, credentials, request=None, **kwargs) -> None:
    LoginFailure.objects.create(username=_normal(credentials.get("username", "")), address=client_address(request))


def clear_failures(sender, request, user, **kwargs) -> None:
    LoginFailure.objects.filter(username=_normal(user.get_username())).delete()


class ThrottleMixin:
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed sign-ins. For your safety, signing in as this user is paused: try again "
                       "in %(minutes)d minutes."),
    }

    def clean(self):
        if blocked(self.data.get("username", ""), client_address(self.request)):
            self.throttled = True
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled",
                                        params={"minutes": settings.KEHOACH_LOGIN_WINDOW_MINUTES})
        return super().clean()


class ThrottledLoginForm(ThrottleMixin, AuthenticationForm):
    throttled = False


class ThrottledAdminLoginForm(ThrottleMixin, AdminAuthenticationForm):
    throttled = False
