"""The signature of a backup: HMAC-SHA256 of every member and of the manifest, with a secret key.

``kehoach backup`` adds to ``manifest.json`` a ``signature`` object: the algorithm, the HMAC of
every other member of the archive (by name) and the HMAC of the manifest itself (its JSON without
the signature, keys sorted). ``kehoach restore`` recomputes them with its own key and refuses a
backup whose manifest or any member differs, naming the member, or one without a signature
(unless ``--allow-unsigned``). The key: ``KEHOACH_BACKUP_KEY``, else ``SECRET_KEY``; a backup
restores only where the same key is set.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zipfile

from django.conf import settings

ALGORITHM = "HMAC-SHA256"
CHUNK = 1024 * 1024


class SignatureError(Exception):
    """The backup is not signed, or not with this key, or a member was changed after it was signed."""


def key() -> bytes:
    return (getattr(settings, "KEHOACH_BACKUP_KEY", "") or settings.SECRET_KEY).encode("utf-8")


def _canonical(manifest: dict) -> bytes:
    unsigned = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(unsigned, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def member_mac(archive: zipfile.ZipFile, name: str, secret: bytes) -> str:
    mac = hmac.new(secret, digestmod=hashlib.sha256)
    with archive.open(name) as member:
        while chunk := member.read(CHUNK):
            mac.update(chunk)
    return mac.hexdigest()


def sign(archive: zipfile.ZipFile, manifest: dict, manifest_name: str) -> dict:
    """The manifest with its ``signature``: every member of ``archive`` (open for reading) but the manifest."""
    secret = key()
    members = {name: member_mac(archive, name, secret) for name in archive.namelist() if name != manifest_name}
    signed = {**manifest}
    signed["signature"] = {"algorithm": ALGORITHM, "members": members,
                           "manifest": hmac.new(secret, _canonical(manifest), hashlib.sha256).hexdigest()}
    return signed


def verify(archive: zipfile.ZipFile, manifest: dict, manifest_name: str, allow_unsigned: bool = False) -> None:
    """Raise SignatureError, naming what differs, unless every member and the manifest carry the HMAC
    the signature says."""
    signature = manifest.get("signature")
    if signature is None:
        if allow_unsigned:
            return
        raise SignatureError("the backup is not signed (restore it anyway with --allow-unsigned)")
    if not isinstance(signature, dict) or signature.get("algorithm") != ALGORITHM \
            or not isinstance(signature.get("members"), dict):
        raise SignatureError(f"{manifest_name}: the signature is not an {ALGORITHM} signature of kehoach")
    secret = key()
    expected = hmac.new(secret, _canonical(manifest), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, str(signature.get("manifest", ""))):
        raise SignatureError(f"{manifest_name} was changed after the backup was signed, or the backup was "
                             "signed with another key (KEHOACH_BACKUP_KEY or SECRET_KEY)")
    signed = signature["members"]
    present = [name for name in archive.namelist() if name != manifest_name]
    for name in present:
        if name not in signed:
            raise SignatureError(f"{name} was added after the backup was signed")
        if not hmac.compare_digest(member_mac(archive, name, secret), str(signed[name])):
            raise SignatureError(f"{name} was changed after the backup was signed")
    for name in signed:
        if name not in present:
            raise SignatureError(f"{name} was removed after the backup was signed")
