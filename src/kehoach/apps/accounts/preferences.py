"""A user's own choices kept with the account (``models.Preference``) and carried in their session
from sign-in, so that no page pays a query for them: the interface language."""

from __future__ import annotations

from django.conf import settings

from kehoach.apps.accounts.models import Preference

LANGUAGE_SESSION_KEY = "kehoach_language"


def language_of(user) -> str:
    """The language the user chose, else the site's (Vietnamese)."""
    chosen = Preference.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def choose_language(request, language: str) -> None:
    """Keep ``language`` for the signed-in user (account and session); nothing for a visitor."""
    if language not in dict(settings.LANGUAGES) or not request.user.is_authenticated:
        return
    Preference.objects.update_or_create(user=request.user, defaults={"language": language})
    request.session[LANGUAGE_SESSION_KEY] = language


def remember_language(sender, request, user, **kwargs) -> None:
    """On sign-in (``user_logged_in``): the user's language into the session, whatever the browser's
    cookie says (someone else may have chosen English on this computer)."""
    if request is not None and hasattr(request, "session"):
        request.session[LANGUAGE_SESSION_KEY] = language_of(user)
