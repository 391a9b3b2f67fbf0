"""The API's error bodies: ``{"detail": "...", "errors": [{"item": 0, "field": "value", "message": "..."}]}``.

``detail`` always says what went wrong; ``errors`` (when there are several, or when a field is
to blame) names the item of a list (0-based) and the field. A 409 (``Stale``: the row changed
since the client read it, :mod:`kehoach.apps.locking`) adds ``conflict``: who saved, when,
the row as it is now and its ``row_version``.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError

from kehoach.apps import locking


class ErrorItem(Schema):
    item: int | None = None
    field: str | None = None
    message: str


class Error(Schema):
    detail: str
    errors: list[ErrorItem] = []


class ConflictOut(Schema):
    item: int | None = None
    saved_by: str
    saved_at: datetime | None
    row_version: int | None = Field(description="The row's version now (null: it was deleted).")
    current: dict | None = Field(description="The row as it is now, as the endpoint's reading shows it.")


class ConflictError(Error):
    conflict: ConflictOut


ERRORS = {400: Error, 401: Error, 403: Error, 404: Error}
CONFLICT = {**ERRORS, 409: ConflictError}  # the writes that take a row_version


class Invalid(HttpError):
    """400 with the problems of the request, each naming its item and field."""

    def __init__(self, detail: str, errors: list[dict] | None = None):
        super().__init__(400, detail)
        self.detail = detail
        self.errors = errors or []


class Stale(HttpError):
    """409: the row changed since the client read it (``locking.Conflict``); nothing was changed.
    ``schema``: the endpoint's reading of the row (``FigureOut``, ``ProgressOut``), to show it now;
    ``item``: the index of the item in a list."""

    def __init__(self, conflict: locking.Conflict, sent: int, schema: type[Schema], item: int | None = None):
        current = conflict.current
        if current is None:
            message = _("Someone else deleted this record after you read it; nothing was changed.")
        else:
            message = _("%(who)s saved this record on %(when)s, after you read it at row_version %(sent)d; it is "
                        "now at row_version %(now)d. Nothing was changed: read it again and send the new "
                        "row_version to replace it.") % {
                "who": conflict.saved_by, "when": locking.shown(conflict.saved_at), "sent": sent,
                "now": current.row_version}
        detail = message if item is None else _("Nothing was recorded: item %(item)d: %(message)s") % {
            "item": item, "message": message}
        super().__init__(409, detail)
        self.detail = detail
        self.errors = [{"item": item, "field": "row_version", "message": message}]
        self.conflict = {"item": item, "saved_by": conflict.saved_by, "saved_at": conflict.saved_at,
                         "row_version": getattr(current, "row_version", None),
                         "current": schema.from_orm(current).dict() if current is not None else None}


def validation_items(exc: ValidationError, item: int | None = None) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [{"item": item, "field": None if name == "__all__" else name, "message": message}
                for name, messages in exc.message_dict.items() for message in messages]
    missing = getattr(exc, "missing", None)  # figures.services.ExplanationRequired: the fields to fill in
    if missing:
        return [{"item": item, "field": name, "message": message} for name in missing for message in exc.messages]
    return [{"item": item, "field": None, "message": message} for message in exc.messages]


def install(api) -> None:
    """The handlers: Django's PermissionDenied → 403, ValidationError → 400, ``Invalid`` → 400,
    ``Stale`` → 409."""

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        detail = str(exc) or _("You may not do this.")
        return api.create_response(request, {"detail": detail, "errors": []}, status=403)

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        items = validation_items(exc)
        detail = " ".join(i["message"] for i in items)
        return api.create_response(request, {"detail": detail, "errors": items}, status=400)

    @api.exception_handler(Invalid)
    def invalid_items(request, exc):
        return api.create_response(request, {"detail": exc.detail, "errors": exc.errors}, status=400)

    @api.exception_handler(Stale)
    def stale(request, exc):
        body = {"detail": exc.detail, "errors": exc.errors, "conflict": exc.conflict}
        return api.create_response(request, body, status=409)
