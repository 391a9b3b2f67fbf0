"""API: the periodic report as a file (what /reports/ and `kehoach report` make), for Sở Tài chính and
the leaders (``roles.may_download_reports``). 503 when a PDF is asked for and
LibreOffice is missing (or fails), with the reason."""


from typing import Literal

from django.http import HttpResponse
from ninja import Router, Status

from kehoach.apps.accounts import roles
from kehoach.apps.api.common import Day, as_of_or_today
from kehoach.apps.api.errors import ERRORS, Error
from kehoach.apps.reports.download import CONTENT_TYPES, report_file
from kehoach.apps.reports.pdf import PdfFailed, PdfUnavailable
from kehoach.domain.report_kinds import CODES

router = Router(tags=["reports"])
FILE_RESPONSE = {"content": {t: {"schema": {"type": "string", "format": "binary"}} for t in CONTENT_TYPES.values()},
                 "description": "The report file (Content-Disposition: attachment)."}


@router.get("", response={200: None, 503: Error, **ERRORS}, openapi_extra={"responses": {200: FILE_RESPONSE}},
            summary="Download the report of the latest period of a kind ended by ?as_of=")
def download_report(request, kind: Literal[CODES],
                    fmt: Literal["docx", "xlsx", "pdf"] = "docx", as_of: Day | None = None):
    roles.require(roles.may_download_reports(request.user))
    try:
        made = report_file(as_of_or_today(as_of), kind, fmt)
    except (PdfUnavailable, PdfFailed) as exc:
        return Status(503, {"detail": str(exc), "errors": []})
    response = HttpResponse(made.data, content_type=made.content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.name}"'
    return response
