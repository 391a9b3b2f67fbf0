"""What every page's template knows: the user's roles, the as-of date, the menu."""

from __future__ import annotations

from kehoach.apps.accounts import roles
from kehoach.web.asof import as_of_for, sign_in_url
from kehoach.web.navigation import menu_for


def kehoach(request) -> dict:
    user = request.user
    return {
        "as_of": as_of_for(request),
        "nav": menu_for(user),
        "user_roles": {r.value for r in roles.roles_of(user)},
        "is_finance": roles.is_finance(user),
        "sees_everything": roles.sees_everything(user),
        "sign_in_url": sign_in_url(request) if not user.is_authenticated else "",
        # an assessment of older data served while another server process computes the new one
        "assessment_stale": any(a.stale for a in getattr(request, "_kehoach_assessments", {}).values()),
    }
