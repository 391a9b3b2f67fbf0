"""Who may do what: the ONE place where a user's role and rights are decided.

Roles (docs/architecture.md, "Accounts and roles"):

============  ===============================================================================
role          how a user gets it; what it may do
============  ===============================================================================
admin         ``is_superuser``; everything, including the settings and the admin site
finance       member of the group "Sở Tài chính"; sees everything, manages plans and documents,
              approves submitted figures and progress, publishes figures
leader        linked to a ``Leader`` (``Leader.user``) or member of the group "Lãnh đạo";
              sees everything, their own portfolio first; writes directives and comments
officer       a ``Membership`` of an agency; sees the plan, enters and submits only the
              figures of the indicators their agency monitors, the progress of the tasks it
              leads and the updates of the projects it is responsible for
public        anyone not signed in (or signed in with none of the above): published figures only
============  ===============================================================================

Views and the API ask these functions; nothing else compares a user with a group name.
"""

from __future__ import annotations

from enum import StrEnum

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext as _

FINANCE_GROUP = "Sở Tài chính"
LEADERS_GROUP = "Lãnh đạo"

# The permissions each group holds (app_label.codename); the migration and `kehoach demo` apply them.
FINANCE_PERMISSIONS = [
    "figures.approve_actualfigure",
    "figures.view_actualfigure",
    "tasks.view_taskprogress",
    "tasks.change_taskprogress",
    "tasks.approve_taskprogress",
    "documents.add_document",
    "documents.view_document",
]
LEADERS_PERMISSIONS = ["figures.view_actualfigure", "tasks.view_taskprogress", "documents.view_document"]


class Role(StrEnum):
    ADMIN = "admin"
    FINANCE = "finance"
    LEADER = "leader"
    OFFICER = "officer"
    PUBLIC = "public"


def _groups(user) -> set[str]:
    cache = getattr(user, "_kehoach_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True)) if user.is_authenticated else set()
        user._kehoach_groups = cache
    return cache


def agency_ids(user) -> frozenset[int]:
    """The agencies the user reports for (their memberships)."""
    if not user.is_authenticated:
        return frozenset()
    cache = getattr(user, "_kehoach_agencies", None)
    if cache is None:
        cache = frozenset(user.memberships.values_list("agency_id", flat=True))
        user._kehoach_agencies = cache
    return cache


def leader_of(user):
    """The ``Leader`` whose account this is, or None."""
    if not user.is_authenticated:
        return None
    return getattr(user, "leader", None)  # the Leader's one-to-one link to its account (organisations)


def roles_of(user) -> set[Role]:
    if not user.is_authenticated:
        return {Role.PUBLIC}
    roles: set[Role] = set()
    if user.is_superuser:
        roles.add(Role.ADMIN)
    groups = _groups(user)
    if FINANCE_GROUP in groups:
        roles.add(Role.FINANCE)
    if LEADERS_GROUP in groups or hasattr(user, "leader"):
        roles.add(Role.LEADER)
    if agency_ids(user):
        roles.add(Role.OFFICER)
    return roles or {Role.PUBLIC}


def is_finance(user) -> bool:
    return bool(roles_of(user) & {Role.ADMIN, Role.FINANCE})


def may_revise_targets(user) -> bool:
    """Sở Tài chính (and administrators) revise a target or scenario value on the indicator page."""
    return is_finance(user)


def sees_everything(user) -> bool:
    """Sở Tài chính, leaders and administrators see every agency's work, drafts included."""
    return bool(roles_of(user) & {Role.ADMIN, Role.FINANCE, Role.LEADER})


def sees_plan(user) -> bool:
    """Signed-in staff (any role but public) read the plan: tasks, indicators, projects, assessment."""
    return Role.PUBLIC not in roles_of(user)


def may_download_reports(user) -> bool:
    """Sở Tài chính and the leaders (and administrators) download the periodic report."""
    return bool(roles_of(user) & {Role.ADMIN, Role.FINANCE, Role.LEADER})


def may_direct(user) -> bool:
    """Leaders (and administrators) write directives (ý kiến chỉ đạo)."""
    return bool(roles_of(user) & {Role.ADMIN, Role.LEADER})


def may_steer(user) -> bool:
    """Leaders (and administrators) write directives; Sở Tài chính comments too."""
    return bool(roles_of(user) & {Role.ADMIN, Role.FINANCE, Role.LEADER})


def may_report_for(user, agency_id: int | None) -> bool:
    """Only an agency's own officers (and administrators) enter and submit its figures and progress."""
    if agency_id is None or not user.is_authenticated:
        return False
    return user.is_superuser or agency_id in agency_ids(user)


def may_open_workspace(user, agency_id: int | None) -> bool:
    """An agency's workspace: its own officers (who write there), Sở Tài chính, leaders and
    administrators (who read it). Pages link to a workspace only for those who may open it."""
    return may_report_for(user, agency_id) or sees_everything(user)


def may_report_any(user, agency_ids_of_object) -> bool:
    """True when the user reports for one of the object's responsible agencies."""
    return any(may_report_for(user, a) for a in agency_ids_of_object)


def may_revert(user) -> bool:
    """Only administrators bring an old version of a record back (the admin's history "revert")."""
    return Role.ADMIN in roles_of(user)


def require(allowed: bool) -> None:
    """Raise 403 unless ``allowed``."""
    if not allowed:
        raise PermissionDenied


def ensure_groups(**_kwargs) -> None:
    """Create the role groups with their permissions (run after every migrate; idempotent)."""
    from django.contrib.auth.models import Group, Permission

    for name, codes in ((FINANCE_GROUP, FINANCE_PERMISSIONS), (LEADERS_GROUP, LEADERS_PERMISSIONS)):
        group, _created = Group.objects.get_or_create(name=name)
        wanted = []
        for code in codes:
            app_label, codename = code.split(".")
            wanted += Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        group.permissions.add(*wanted)


def may_manage_report_template(user) -> bool:
    """Only administrators replace the report's Word template or go back to the shipped one."""
    return Role.ADMIN in roles_of(user)


def may_download_report_template(user) -> bool:
    """Administrators and Sở Tài chính download the report's Word template (the active one, the shipped one)."""
    return bool(roles_of(user) & {Role.ADMIN, Role.FINANCE})


# -- maker-checker ---------------------------------------------------------------------------------


class SelfApprovalRefused(PermissionDenied):
    """The one who entered or submitted an entry may not approve or publish it (maker-checker)."""


def makers_of(entry) -> set[int]:
    """The ids of the users who entered or submitted an entry (a figure, a progress update)."""
    return {pk for pk in (getattr(entry, "entered_by_id", None), getattr(entry, "submitted_by_id", None)) if pk}


def check_maker_checker(entry, user, action: str) -> None:
    """Refuse ``action`` ("approve" or "publish") of ``entry`` by whoever entered or submitted it.

    Called by the approve and publish services. With ``KEHOACH_ALLOW_SELF_APPROVAL`` (a one-person
    office) the action goes ahead and the entry's history record says so (its change reason).
    """
    if user is None or user.pk not in makers_of(entry):
        return
    if not getattr(settings, "KEHOACH_ALLOW_SELF_APPROVAL", False):
        if action == "publish":
            raise SelfApprovalRefused(_("You entered or submitted this figure: someone else must publish it."))
        raise SelfApprovalRefused(_("You entered or submitted this entry: someone else must approve it."))
    with translation.override(settings.LANGUAGE_CODE):
        entry._change_reason = _("Approved or published by the one who entered it (allowed by the settings)")[:100]
