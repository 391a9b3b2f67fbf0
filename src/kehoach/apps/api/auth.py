"""How the API knows who is calling: a personal token (``Authorization: Bearer <token>``) or the
browser's session (with Django's CSRF check on unsafe methods).

Without either, every endpoint but the public ones answers 401; a token that is unknown or
revoked answers 401 even when a session cookie comes with it. Who may do what once known is
decided by :mod:`kehoach.apps.accounts.roles`, as on the web pages.
"""

from __future__ import annotations

from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from kehoach.apps.api import tokens


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        found = tokens.find(token.strip())
        if found is None:
            raise AuthenticationError  # a wrong key is refused outright, never passed on to the session
        request.user = found.user
        return found.user


class BrowserSession(SessionAuth):
    """Django's session; ``SessionAuth`` runs the CSRF check for POST, PUT, PATCH and DELETE.

    A request without a signed-in session has no credentials to forge: it gets 401, as docs/api.md
    says, not a 403 from the CSRF check."""

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super().__call__(request)


AUTH = [TokenAuth(), BrowserSession()]
