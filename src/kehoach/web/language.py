"""The interface language: Vietnamese, whatever the browser's Accept-Language says.

English only when the person chose it with the language switch (Django's ``set_language`` view,
``/accounts/language/``), which keeps the choice in the language cookie of that browser
(``settings.LANGUAGE_COOKIE_NAME``, one year). Nothing else picks the language: not the
Accept-Language header (office PCs often send ``en-US``), not a URL prefix.

The JSON API (``/api/``) is for programs, not people at a browser: there an explicit
``Accept-Language: en`` still gives English messages (docs/api.md).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

API_PREFIX = "/api/"


def chosen_language(request) -> str:
    """The language the person chose in the switch, else the site's (Vietnamese)."""
    if request.path.startswith(API_PREFIX):
        return translation.get_language_from_request(request)
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


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
