"""The site's hardening middleware (docs/security.md, issue 14).

- ``ContentSecurityPolicy``: a strict ``Content-Security-Policy`` on every response. kehoach's pages
  run no JavaScript (``script-src 'none'``); the admin and the API's documentation page (Swagger UI,
  served from ``ninja``'s static files) run their own files (``script-src 'self'``). Styles: the
  site's stylesheet and the inline SVG charts (matplotlib writes a ``<style>`` element and
  ``style`` attributes), hence ``style-src 'self' 'unsafe-inline'`` (styles cannot run code).
- ``IdleTimeout``: a signed-in session unused for ``KEHOACH_IDLE_MINUTES`` (30) ends; the next page
  asks to sign in again (the API's token calls have no session and are not concerned).
- ``BodyLimit``: an API request whose body is larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` answers
  413 with a JSON error before anything reads it.
- ``DatabaseBusy``: a database lock that outlasts SQLite's busy timeout answers 503 with
  ``Retry-After`` (JSON on the API, the Vietnamese "busy" page elsewhere), never 500.
- ``DateBounds``: an ``as_of`` outside 1900–2100 answers the Vietnamese 400 page (the API: 400 JSON).
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

SITE_POLICY = ("default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SCRIPTED_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                   "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
                   "frame-ancestors 'none'; base-uri 'none'")
SCRIPTED_PATHS = ("/admin/", "/api/v1/docs", "/static/admin/", "/static/ninja/")
LAST_SEEN = "kehoach_last_seen"


def _api(request) -> bool:
    return request.path.startswith("/api/")


class ContentSecurityPolicy:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            scripted = request.path.startswith(SCRIPTED_PATHS)
            response["Content-Security-Policy"] = SCRIPTED_POLICY if scripted else SITE_POLICY
        return response


class IdleTimeout:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is not None and user.is_authenticated and session is not None and not _api(request):
            now = int(time.time())
            idle = int(getattr(settings, "KEHOACH_IDLE_MINUTES", 30)) * 60
            last = session.get(LAST_SEEN)
            if last is not None and now - int(last) > idle:
                logout(request)
                return redirect(f"{_login_url()}?{urlencode({'next': request.get_full_path()})}")
            if last is None or now - int(last) >= 60:  # written at most once a minute
                session[LAST_SEEN] = now
        return self.get_response(request)


def _login_url() -> str:
    from django.shortcuts import resolve_url

    return resolve_url(settings.LOGIN_URL)


class BodyLimit:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _api(request):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            if limit is not None and length > limit:
                return JsonResponse({"detail": _("The request body is larger than %(limit)d MB.")
                                     % {"limit": limit // (1024 * 1024)}, "errors": []}, status=413)
        return self.get_response(request)


class DateBounds:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from kehoach.web.asof import parse_day

        text = (request.GET.get("as_of") or "").strip()
        if text and parse_day(text) is None and _looks_like_a_day(text):
            message = _("The date %(date)s is outside the years 1900–2100.") % {"date": text}
            if _api(request):
                return JsonResponse({"detail": message, "errors": [{"field": "as_of", "message": message}]},
                                    status=400)
            request.GET = request.GET.copy()
            del request.GET["as_of"]  # the error page's menu must not use it
            return render(request, "400.html", {"reason": message}, status=400)
        return self.get_response(request)


def _looks_like_a_day(text: str) -> bool:
    """``0001-01-01`` or ``01/01/0001`` that ``date`` could not take (year 0, year 10000): out of bounds."""
    parts = text.replace("/", "-").split("-")
    return len(parts) == 3 and all(p.strip().isdigit() for p in parts)


class DatabaseBusy:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError) or "locked" not in str(exception).lower():
            return None
        seconds = str(getattr(settings, "KEHOACH_RETRY_AFTER_SECONDS", 5))
        message = _("The database is busy with another change. Try again in a few seconds.")
        if _api(request):
            response = JsonResponse({"detail": message, "errors": []}, status=503)
        else:
            response = render(request, "503.html", {"reason": message}, status=503)
        response["Retry-After"] = seconds
        return response
