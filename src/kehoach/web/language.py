"""The interface language: Vietnamese, whatever the browser's Accept-Language says.

English only when the person chose it with the language switch (``choose_language``,
``/accounts/language/``: Django's ``set_language``, which keeps the choice in the language cookie of
that browser, ``settings.LANGUAGE_COOKIE_NAME``). A signed-in user's choice is kept with their account
(``accounts.Preference``) and carried in their session from sign-in
(``accounts.preferences.remember_language``): it follows them to any computer, and someone else's
English on a shared computer does not become theirs. The cookie speaks only for visitors not signed
in. Nothing else picks the language: not the Accept-Language header (office PCs often send
``en-US``), not a URL prefix.

The JSON API (``/api/``) is for programs, not people at a browser: there an explicit
``Accept-Language: en`` still gives English messages (docs/api.md).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.i18n import set_language

from kehoach.apps.accounts import preferences
from kehoach.apps.accounts.preferences import LANGUAGE_SESSION_KEY

API_PREFIX = "/api/"


def chosen_language(request) -> str:
    """The language the person chose in the switch, else the site's (Vietnamese)."""
    if request.path.startswith(API_PREFIX):
        return translation.get_language_from_request(request)
    session = getattr(request, "session", None)
    code = session.get(LANGUAGE_SESSION_KEY) if session is not None else None
    if code is None:
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def choose_language(request):
    """The language switch: Django's ``set_language`` (the browser's cookie, back to ``next``), and
    for a signed-in user the choice kept with their account."""
    response = set_language(request)
    if request.method == "POST":
        preferences.choose_language(request, request.POST.get("language", ""))
    return response


class ChosenLanguageMiddleware:
    """Django's LocaleMiddleware without Accept-Language: activates ``chosen_language``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie") if request.path.startswith(API_PREFIX)
                           else ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
