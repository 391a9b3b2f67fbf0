"""Issuing, finding and revoking personal API tokens (the one place that knows how a token is made).

A token is ``secrets.token_urlsafe(32)`` (256 random bits) prefixed with ``kh_``; the database
keeps its SHA-256 only. A slow hash is not needed for a value of that entropy, and a fast one
lets every request find its token with one indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from kehoach.apps.api.models import ApiToken

MARK = "kh_"
PREFIX_LENGTH = 8  # "kh_" and five characters of the secret: shown in the list of tokens
LAST_USED_EVERY = timedelta(minutes=1)  # last_used is written at most this often per token


@dataclass(frozen=True)
class Issued:
    token: ApiToken
    plain: str  # shown once, never stored


def digest_of(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def issue(user, name: str) -> Issued:
    plain = MARK + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name.strip(), prefix=plain[:PREFIX_LENGTH],
                                    digest=digest_of(plain))
    return Issued(token, plain)


def find(plain: str) -> ApiToken | None:
    """The active token with this value (its user loaded), or None; notes when it was used."""
    if not plain:
        return None
    token = (ApiToken.objects.select_related("user").filter(digest=digest_of(plain), revoked_at__isnull=True)
             .first())
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token


def revoke(token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def tokens_of(user):
    return ApiToken.objects.filter(user=user)
