"""API: the assessment as of a date, the object `kehoach assess --json` prints (docs/assessment.md),
for signed-in staff as on Tổng quan (``roles.sees_plan``). Its numbers are JSON numbers, as the command's."""


from typing import Any

from ninja import Router

from kehoach.apps.accounts import roles
from kehoach.apps.api.common import Day, as_of_or_today
from kehoach.apps.api.errors import ERRORS
from kehoach.apps.assessment.evaluate import current_assessment

router = Router(tags=["assessment"])


@router.get("", response={200: dict[str, Any], **ERRORS},
            summary="Every indicator's rating, task statuses, projects and scorecards as of ?as_of= (default today)")
def assessment(request, as_of: Day | None = None):
    roles.require(roles.sees_plan(request.user))
    return current_assessment(as_of_or_today(as_of)).to_json()
