"""CSRF everywhere: the middleware is on and no view is exempt, except the API's operations
(django-ninja's views are exempt at Django's level and check CSRF or a token themselves)."""

from __future__ import annotations

from django.conf import settings
from django.urls import URLResolver, get_resolver


def views(patterns=None, prefix=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            yield from views(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def module_of(view) -> str:
    while hasattr(view, "func") or hasattr(view, "__wrapped__"):
        view = getattr(view, "func", None) or view.__wrapped__
    return getattr(view, "__module__", "") or ""


def test_the_csrf_middleware_is_on():
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE


def test_no_view_is_csrf_exempt_but_the_api():
    exempt = [route for route, view in views()
              if getattr(view, "csrf_exempt", False) and not module_of(view).startswith("ninja.")]
    assert exempt == []
