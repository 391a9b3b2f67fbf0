"""The API's error bodies: ``{"detail": "...", "errors": [{"item": 0, "field": "value", "message": "..."}]}``.

``detail`` always says what went wrong; ``errors`` (when there are several, or when a field is
to blame) names the item of a list (0-based) and the field.
"""


from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import HttpError


class ErrorItem(Schema):
    item: int | None = None
    field: str | None = None
    message: str


class Error(Schema):
    detail: str
    errors: list[ErrorItem] = []


ERRORS = {400: Error, 401: Error, 403: Error, 404: Error}


class Invalid(HttpError):
    """400 with the problems of the request, each naming its item and field."""

    def __init__(self, detail: str, errors: list[dict] | None = None):
        super().__init__(400, detail)
        self.detail = detail
        self.errors = errors or []


def validation_items(exc: ValidationError, item: int | None = None) -> list[dict]:
    if hasattr(exc, "error_dict"):
        return [{"item": item, "field": None if name == "__all__" else name, "message": message}
                for name, messages in exc.message_dict.items() for message in messages]
    missing = getattr(exc, "missing", None)  # figures.services.ExplanationRequired: the fields to fill in
    if missing:
        return [{"item": item, "field": name, "message": message} for name in missing for message in exc.messages]
    return [{"item": item, "field": None, "message": message} for message in exc.messages]


def install(api) -> None:
    """The handlers: Django's PermissionDenied → 403, ValidationError → 400, ``Invalid`` → 400."""

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
