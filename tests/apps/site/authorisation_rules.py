"""The authorisation matrix's rule table: who may read (GET) and who may change (POST) through
every URL of the site.

``test_authorisation_matrix`` walks the URL configuration and asks this table about every pattern;
a pattern without a rule fails the test ("add a rule"). The roles are the accounts of the
``people`` fixture plus the anonymous visitor:

=============  ================================================================================
role           who
=============  ================================================================================
anonymous      not signed in
nobody         signed in, no role (public)
officer_a      reporting officer of agency A, Sở Công Thương
officer_b      reporting officer of agency B, Sở Văn hóa, Thể thao và Du lịch
leader         Phó Chủ tịch Hoàng Minh Cường (group "Lãnh đạo")
finance        Sở Tài chính (group "Sở Tài chính", staff with the group's admin permissions)
admin          administrator (superuser)
=============  ================================================================================

Every URL argument names an object of agency A (its workspace, a task it leads, an indicator it
monitors, one of its figures), so that officer_b is the "other agency" in every row.

An allowed request must work: 2xx, or a redirect that is not to a sign-in page. A refused one
must answer 302 to a sign-in page, 401, 403, 404 or 405 (a method the view does not offer) and
change nothing.

The API (``/api/v1/``, django-ninja): add one ``API_RULES`` entry per operation, keyed by the
method and the path with its parameters as ninja writes them, e.g.
``("GET", "/api/v1/indicators/{key}")``; an operation without an entry fails the test. Each role
calls the API with its own personal token (``Authorization: Bearer``), the anonymous visitor with
none. The rule's ``get`` lists the roles allowed whatever the method, ``query`` is added to the URL
and ``form`` builds the JSON body: a valid one, so that an allowed call works (2xx, rolled back
afterwards so that each allowed role starts from the same data) and a refused one is refused by
the operation's rule, not by the body's validation. A refused call must answer 401 without
credentials, 403 or 404 with a token, and write nothing.

Exports (``?export=csv|xlsx`` on every list page, ``kehoach.web.export.ExportMixin``) follow the
page's ``get`` rule: ``test_export_follows_the_page`` finds the list pages in the URL configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

ANONYMOUS, NOBODY, OFFICER_A, OFFICER_B, LEADER, FINANCE, ADMIN = (
    "anonymous", "nobody", "officer_a", "officer_b", "leader", "finance", "admin")
ROLES = (ANONYMOUS, NOBODY, OFFICER_A, OFFICER_B, LEADER, FINANCE, ADMIN)

NO_ONE: frozenset[str] = frozenset()
EVERYONE = frozenset(ROLES)
STAFF = EVERYONE - {ANONYMOUS, NOBODY}  # roles.sees_plan
OVERSEERS = frozenset({LEADER, FINANCE, ADMIN})  # roles.sees_everything
FINANCE_ROLES = frozenset({FINANCE, ADMIN})  # roles.is_finance
AGENCY_A = frozenset({OFFICER_A, ADMIN})  # roles.may_report_for(agency A)
AGENCY_A_AND_OVERSEERS = AGENCY_A | OVERSEERS
STEERS_OR_REPORTS_FOR_A = AGENCY_A | OVERSEERS  # steering.kinds_for: a comment
ADMIN_SITE_STAFF = frozenset({FINANCE, ADMIN})  # is_staff: the demo accounts "demo" and "stc"


@dataclass(frozen=True)
class Objects:
    """The objects the URLs are built with (see ``build_objects`` in the test module)."""

    agency_a: object
    indicator_a: object
    task_a: object
    project_a: object
    leader: object
    figure_a: object
    submitted_progress_a: object
    staged_upload: object  # Sở Tài chính's pending document upload
    task_content_type: object
    token_a: object = None  # officer_a's personal API token
    draft_figure_a: object = None  # officer_a's draft of an indicator agency A monitors (with its explanation)
    submitted_figure_a: object = None
    approved_figure_a: object = None
    draft_progress_a: object = None  # officer_a's draft progress of task_a (with its explanation)


@dataclass(frozen=True)
class Rule:
    get: frozenset[str]
    post: frozenset[str]
    args: Callable[[Objects], dict] = field(default=lambda o: {})
    form: Callable[[Objects], dict] = field(default=lambda o: {})
    # Reads and changes no plan data (sign-in, language): not fingerprinted.
    public: bool = False
    # Where a refused visitor may be sent instead of the sign-in page (a page they may see).
    refused_to: str = ""
    why: str = ""
    # Added to the URL (the API: its query parameters).
    query: str = ""


def _figure_form(o: Objects) -> dict:
    from tests.apps.workspace.workspace_support import figure_post

    return figure_post()


def _progress_form(o: Objects) -> dict:
    from tests.apps.workspace.workspace_support import progress_post

    return progress_post(o.task_a)


def _report_form(_o: Objects) -> dict:
    return {"as_of": "06/08/2025", "kind": "month", "fmt": "xlsx"}


def _plan_upload(_o: Objects) -> dict:
    from tests.apps.conftest import KE_HOACH_86

    return {"file": SimpleUploadedFile(KE_HOACH_86.name, KE_HOACH_86.read_bytes(), "text/plain")}


def _xlsx_upload(_o: Objects) -> dict:
    return {"file": SimpleUploadedFile("so-lieu.xlsx", b"not really a workbook",
                                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


def _template_upload(_o: Objects) -> dict:
    from kehoach.apps.reports.word_template import default

    shipped = default()
    return {"action": "upload", "file": SimpleUploadedFile(
        shipped.name, shipped.data, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")}


AS_OF = date(2025, 8, 6)

WEB_RULES: dict[str, Rule] = {
    "dashboard:overview": Rule(STAFF, NO_ONE, refused_to="/public/",
                               why="an anonymous visitor is sent to the published figures"),
    "dashboard:public": Rule(EVERYONE, NO_ONE, why="published figures only"),
    "indicators:list": Rule(STAFF, NO_ONE),
    "indicators:detail": Rule(STAFF, NO_ONE, args=lambda o: {"key": o.indicator_a.key}),
    "indicators:comment": Rule(NO_ONE, STEERS_OR_REPORTS_FOR_A, args=lambda o: {"key": o.indicator_a.key},
                               form=lambda o: {"comment-kind": "comment",
                                               "comment-text": "Đề nghị làm rõ nguyên nhân."}),
    "indicators:revise": Rule(NO_ONE, FINANCE_ROLES, args=lambda o: {"key": o.indicator_a.key},
                              form=lambda o: {"period": "2025", "value": "12,35", "unit": "%",
                                              "basis": "kế hoạch của thành phố", "source": "Văn bản điều chỉnh",
                                              "issued": "2025-07-01"}),
    "tasks:list": Rule(STAFF, NO_ONE),
    "tasks:detail": Rule(STAFF, NO_ONE, args=lambda o: {"pk": o.task_a.pk}),
    "tasks:comment": Rule(NO_ONE, STEERS_OR_REPORTS_FOR_A, args=lambda o: {"pk": o.task_a.pk},
                          form=lambda o: {"kind": "comment", "text": "Đề nghị báo cáo tiến độ."}),
    "projects:list": Rule(STAFF, NO_ONE),
    "projects:detail": Rule(STAFF, NO_ONE, args=lambda o: {"pk": o.project_a.pk}),
    "workspace:home": Rule(STAFF, NO_ONE),
    "workspace:agency": Rule(AGENCY_A_AND_OVERSEERS, NO_ONE, args=lambda o: {"pk": o.agency_a.pk}),
    "workspace:enter-figure": Rule(NO_ONE, AGENCY_A, args=lambda o: {"pk": o.agency_a.pk}, form=_figure_form),
    "workspace:submit-figure": Rule(NO_ONE, AGENCY_A, args=lambda o: {"pk": o.agency_a.pk},
                                    form=lambda o: {"action": "submit-figure", "figure": o.draft_figure_a.pk}),
    "workspace:enter-progress": Rule(NO_ONE, AGENCY_A, args=lambda o: {"pk": o.agency_a.pk}, form=_progress_form),
    "workspace:submit-progress": Rule(NO_ONE, AGENCY_A, args=lambda o: {"pk": o.agency_a.pk},
                                      form=lambda o: {"action": "submit-progress",
                                                      "progress": o.draft_progress_a.pk}),
    "workspace:record-milestone": Rule(NO_ONE, AGENCY_A, args=lambda o: {"pk": o.agency_a.pk},
                                       form=lambda o: {"action": "milestone"}),
    "workspace:record-disbursement": Rule(NO_ONE, AGENCY_A, args=lambda o: {"pk": o.agency_a.pk},
                                          form=lambda o: {"action": "disbursement"}),
    "workspace:acknowledge-directive": Rule(NO_ONE, NO_ONE, args=lambda o: {"pk": o.agency_a.pk},
                                            form=lambda o: {"action": "acknowledge", "comment": ""},
                                            why="no directive named: refused to everyone; acknowledging one "
                                                "is tests/apps/workspace/test_acknowledge_directive.py"),
    "workspace:submit-report": Rule(NO_ONE, AGENCY_A, args=lambda o: {"pk": o.agency_a.pk},
                                    form=lambda o: {"action": "submit-report", "report-kind": "tasks",
                                                    "report-period": "2025-07"}),
    "workspace:confirm-upload": Rule(NO_ONE, AGENCY_A, args=lambda o: {"pk": o.agency_a.pk},
                                     form=lambda o: {"action": "confirm", "digest": "0"}),
    "workspace:template": Rule(AGENCY_A_AND_OVERSEERS, NO_ONE, args=lambda o: {"pk": o.agency_a.pk}),
    "workspace:upload": Rule(AGENCY_A, AGENCY_A, args=lambda o: {"pk": o.agency_a.pk},
                                           form=_xlsx_upload),
    "approvals:queue": Rule(FINANCE_ROLES, NO_ONE),
    "approvals:approve-figure": Rule(NO_ONE, FINANCE_ROLES, args=lambda o: {"pk": o.submitted_figure_a.pk}),
    "approvals:return-figure": Rule(NO_ONE, FINANCE_ROLES, args=lambda o: {"pk": o.submitted_figure_a.pk},
                                    form=lambda o: {"return_reason": "Chưa khớp số liệu của Cục Thống kê."}),
    "approvals:publish-figure": Rule(NO_ONE, FINANCE_ROLES, args=lambda o: {"pk": o.approved_figure_a.pk}),
    "approvals:approve-progress": Rule(NO_ONE, FINANCE_ROLES, args=lambda o: {"pk": o.submitted_progress_a.pk}),
    "approvals:return-progress": Rule(NO_ONE, FINANCE_ROLES, args=lambda o: {"pk": o.submitted_progress_a.pk},
                                      form=lambda o: {"return_reason": "Thiếu văn bản minh chứng."}),
    # Bulk approval (the queue's tick boxes): each ticked entry approved on its own, maker-checker kept.
    "approvals:approve-figures": Rule(NO_ONE, FINANCE_ROLES,
                                      form=lambda o: {"figure": [o.submitted_figure_a.pk]},
                                      why="POST only (405 to GET)"),
    "approvals:approve-progress-many": Rule(NO_ONE, FINANCE_ROLES,
                                            form=lambda o: {"progress": [o.submitted_progress_a.pk]},
                                            why="POST only (405 to GET)"),
    # Thông báo: one's own notices, for any signed-in user (one who reports for no agency has none).
    "inbox:list": Rule(EVERYONE - {ANONYMOUS}, NO_ONE),
    "inbox:open": Rule(NO_ONE, EVERYONE - {ANONYMOUS}, form=lambda o: {"key": "no-such-notice"},
                       why="POST only; an unknown notice goes back to the inbox"),
    "inbox:read-all": Rule(NO_ONE, EVERYONE - {ANONYMOUS}, why="POST only; one's own notices"),
    "organisations:leader-home": Rule(STAFF, NO_ONE),
    "organisations:leader": Rule(STAFF, NO_ONE, args=lambda o: {"pk": o.leader.pk}),
    "documents:list": Rule(FINANCE_ROLES, NO_ONE),
    "documents:detail": Rule(FINANCE_ROLES, NO_ONE, args=lambda o: {"pk": o.task_a.document_id}),
    "documents:upload": Rule(FINANCE_ROLES, FINANCE_ROLES, form=_plan_upload),
    "documents:preview": Rule(frozenset({FINANCE}), frozenset({FINANCE}), args=lambda o: {"pk": o.staged_upload.pk},
                              form=lambda o: {"cancel": "1"},
                              why="a staged upload belongs to the one who uploaded it (404 for anyone else)"),
    "history:list": Rule(OVERSEERS, NO_ONE),
    "history:object": Rule(OVERSEERS, NO_ONE, args=lambda o: {"label": "figures.actualfigure", "pk": o.figure_a.pk}),
    "reports:index": Rule(OVERSEERS, OVERSEERS, form=_report_form),
    "reports:template": Rule(FINANCE_ROLES, frozenset({ADMIN}), form=_template_upload,
                             why="roles.may_download_report_template; replacing it: may_manage_report_template"),
    # One's own personal API tokens: any signed-in user (what a token may do is its user's rights).
    "api-tokens:list": Rule(EVERYONE - {ANONYMOUS}, EVERYONE - {ANONYMOUS}, form=lambda o: {"name": "Cục Thống kê"}),
    "api-tokens:revoke": Rule(NO_ONE, frozenset({OFFICER_A}), args=lambda o: {"pk": o.token_a.pk},
                              why="POST only; a token is revoked by its owner (404 for anyone else, the "
                                  "administrator revokes in the admin)"),
    # One's own password: any signed-in user (a wrong current password re-shows the form, changing nothing).
    "password_change": Rule(EVERYONE - {ANONYMOUS}, EVERYONE - {ANONYMOUS},
                            form=lambda o: {"old_password": "wrong", "new_password1": "x", "new_password2": "y"}),
    "password_change_done": Rule(EVERYONE - {ANONYMOUS}, NO_ONE),
    # Signing in and out, the language: no plan data.
    "login": Rule(EVERYONE, EVERYONE, public=True, form=lambda o: {"username": "x", "password": "wrong"}),
    "logout": Rule(NO_ONE, EVERYONE, public=True),
    "set_language": Rule(EVERYONE, EVERYONE, public=True, form=lambda o: {"language": "vi", "next": "/"}),
}

# The admin site's own pages (not a model's): by URL name, or by route when the pattern has none.
ADMIN_SITE_RULES: dict[str, Rule] = {
    "admin:index": Rule(ADMIN_SITE_STAFF, ADMIN_SITE_STAFF),
    "admin:login": Rule(EVERYONE, EVERYONE, public=True, form=lambda o: {"username": "x", "password": "wrong"}),
    "admin:logout": Rule(EVERYONE - ADMIN_SITE_STAFF, EVERYONE, public=True,
                         why="POST only (405 to staff's GET); anyone else is sent to the admin's index"),
    "admin:password_change": Rule(ADMIN_SITE_STAFF, ADMIN_SITE_STAFF,
                                  form=lambda o: {"old_password": "wrong", "new_password1": "x",
                                                  "new_password2": "y"},
                                  why="one's own password"),
    "admin:password_change_done": Rule(ADMIN_SITE_STAFF, NO_ONE),
    "admin:autocomplete": Rule(NO_ONE, NO_ONE, why="only with a model's field in the query: 403 without"),
    "admin:jsi18n": Rule(ADMIN_SITE_STAFF, NO_ONE),
    "admin:view_on_site": Rule(ADMIN_SITE_STAFF, ADMIN_SITE_STAFF,
                               args=lambda o: {"content_type_id": o.task_content_type.pk, "object_id": o.task_a.pk},
                               why="a redirect to the object's page, which asks its own rule"),
    "admin:app_list": Rule(ADMIN_SITE_STAFF, ADMIN_SITE_STAFF, args=lambda o: {"app_label": "tasks"}),
    "admin/(?P<url>.*)$": Rule(NO_ONE, NO_ONE, args=lambda o: {"url": "no-such-page/"},
                               why="the catch-all: sign-in for anyone not staff, 404 for staff"),
}

# Every registered model's admin pages: derived from admin.site's registry. The administrator may
# use them all (except what the model's admin refuses everyone, ADMIN_REFUSED); staff only what
# their permissions give (ADMIN_STAFF), everyone else is sent to the admin's sign-in page.
ADMIN_OPERATIONS = ("changelist", "add", "change", "delete", "history", "simple_history", "redirect",
                    "password_change")  # the last: a user's password, auth.user only
GET, POST = "GET", "POST"
BOTH = frozenset({GET, POST})

ADMIN_STAFF: dict[str, dict[str, frozenset[str]]] = {
    # FINANCE_PERMISSIONS in kehoach.apps.accounts.roles
    # The history list answers a POST as a GET (it changes nothing); the revert page ("simple_history")
    # is read-only for staff (kehoach.apps.history.admin.HistoryAdmin).
    "figures.actualfigure": {"changelist": BOTH, "change": frozenset({GET}), "history": BOTH,
                             "simple_history": frozenset({GET})},
    "tasks.taskprogress": {"changelist": BOTH, "change": BOTH, "history": BOTH, "simple_history": frozenset({GET})},
    "documents.document": {"changelist": BOTH, "add": BOTH, "change": frozenset({GET}), "history": BOTH,
                           "simple_history": frozenset({GET})},
}
# What the model's admin refuses even the administrator: (model, operation) -> methods.
ADMIN_REFUSED: dict[tuple[str, str], frozenset[str]] = {
    ("reporting.reportingsettings", "delete"): BOTH,  # the settings are never deleted
    ("api.apitoken", "add"): BOTH,  # a token is created by its owner on /accounts/tokens/ (shown once)
}

# The JSON API: (method, path with {parameters}) -> Rule; the rule's ``get`` lists the roles
# allowed (whatever the method), ``post`` is unused, ``form`` builds the JSON body. The roles are
# what each operation's first lines ask of kehoach.apps.accounts.roles (docs/api.md, "Permissions").
API_PREFIX = "api/"
API = "/api/v1/"
Q = "?as_of=2025-08-06"


def api(roles: frozenset[str], args: Callable[[Objects], dict] = lambda o: {}, body=lambda o: {}, query: str = "",
        public: bool = False, why: str = "") -> Rule:
    return Rule(roles, NO_ONE, args=args, form=body, query=query, public=public, why=why)


def _bulk_body(o: Objects) -> dict:
    return {"agency": o.agency_a.pk, "period": "2025-07", "figures": [
        {"indicator": o.draft_figure_a.indicator.key, "value": "111,5", "scope": "HP cũ",
         "source": "Chi cục Thống kê"}]}


def _progress_body(_o: Objects) -> dict:
    return {"on": "2025-08-04", "status": "in_progress", "percent": 70, "note": "Đã trình UBND thành phố",
            "cause": "Đơn hàng điện tử giảm", "difficulties": "Thiếu lao động kỹ thuật",
            "proposals": "Hỗ trợ kết nối đơn hàng"}


def _return_body(_o: Objects) -> dict:
    return {"return_reason": "Số liệu chưa khớp với báo cáo của Chi cục Thống kê"}


API_RULES: dict[tuple[str, str], Rule] = {
    # The documentation: no data, for everyone. The root is django-ninja's marker of the API's path, no
    # operation: 404 to everyone.
    ("GET", API): api(NO_ONE, public=True, why="django-ninja's default_home: always 404"),
    ("GET", API + "openapi.json"): api(EVERYONE, public=True),
    ("GET", API + "docs"): api(EVERYONE, public=True),
    ("GET", API + "documents/"): api(FINANCE_ROLES, why="roles.is_finance, as /documents/"),
    ("GET", API + "documents/{document_id}"): api(FINANCE_ROLES, args=lambda o: {"document_id": o.task_a.document_id}),
    ("GET", API + "agencies/"): api(STAFF),
    ("GET", API + "agencies/{agency_id}"): api(STAFF, args=lambda o: {"agency_id": o.agency_a.pk}),
    ("GET", API + "leaders/"): api(STAFF),
    ("GET", API + "leaders/{leader_id}"): api(STAFF, args=lambda o: {"leader_id": o.leader.pk}),
    ("GET", API + "indicators/"): api(STAFF),
    ("GET", API + "indicators/{key}"): api(STAFF, args=lambda o: {"key": o.indicator_a.key}),
    ("GET", API + "indicators/{key}/targets"): api(STAFF, args=lambda o: {"key": o.indicator_a.key}),
    ("GET", API + "indicators/{key}/trajectory"): api(STAFF, args=lambda o: {"key": o.indicator_a.key}),
    ("GET", API + "figures/"): api(STAFF),
    ("GET", API + "figures/{figure_id}"): api(
        AGENCY_A_AND_OVERSEERS, args=lambda o: {"figure_id": o.draft_figure_a.pk},
        why="a draft: those who see everything and the monitoring agency's officers (404 for agency B)"),
    ("POST", API + "figures/bulk"): api(AGENCY_A, body=_bulk_body, query=Q,
                                        why="roles.may_report_for(agency A)"),
    ("POST", API + "figures/{figure_id}/submit"): api(
        AGENCY_A, args=lambda o: {"figure_id": o.draft_figure_a.pk}, query=Q,
        why="roles.may_report_any(the indicator's monitoring agencies); agency B does not see the draft: 404"),
    ("POST", API + "figures/{figure_id}/approve"): api(
        FINANCE_ROLES, args=lambda o: {"figure_id": o.submitted_figure_a.pk}, why="roles.is_finance"),
    ("POST", API + "figures/{figure_id}/return"): api(
        FINANCE_ROLES, args=lambda o: {"figure_id": o.submitted_figure_a.pk}, body=_return_body,
        why="roles.is_finance"),
    ("POST", API + "figures/{figure_id}/publish"): api(
        FINANCE_ROLES, args=lambda o: {"figure_id": o.approved_figure_a.pk}, why="roles.is_finance"),
    ("GET", API + "public/figures"): api(EVERYONE, why="what /public/ shows"),
    ("GET", API + "tasks/"): api(STAFF, query=Q),
    ("GET", API + "tasks/{task_id}"): api(STAFF, args=lambda o: {"task_id": o.task_a.pk}, query=Q),
    ("GET", API + "tasks/{task_id}/progress"): api(STAFF, args=lambda o: {"task_id": o.task_a.pk},
                                                   why="each sees the updates tasks.services.visible_progress gives"),
    ("POST", API + "tasks/{task_id}/progress"): api(
        AGENCY_A, args=lambda o: {"task_id": o.task_a.pk}, body=_progress_body, query=Q,
        why="roles.may_report_any(the task's lead agencies)"),
    ("PUT", API + "tasks/progress/{progress_id}"): api(
        AGENCY_A, args=lambda o: {"progress_id": o.draft_progress_a.pk}, body=_progress_body,
        why="roles.may_report_any(the task's lead agencies): the lead agency edits its own draft"),
    ("POST", API + "tasks/progress/{progress_id}/submit"): api(
        AGENCY_A, args=lambda o: {"progress_id": o.draft_progress_a.pk}, query=Q,
        why="roles.may_report_any(the task's lead agencies)"),
    ("POST", API + "tasks/progress/{progress_id}/approve"): api(
        FINANCE_ROLES, args=lambda o: {"progress_id": o.submitted_progress_a.pk}, why="roles.is_finance"),
    ("POST", API + "tasks/progress/{progress_id}/return"): api(
        FINANCE_ROLES, args=lambda o: {"progress_id": o.submitted_progress_a.pk}, body=_return_body,
        why="roles.is_finance"),
    ("GET", API + "projects/"): api(STAFF),
    ("GET", API + "projects/{project_id}"): api(STAFF, args=lambda o: {"project_id": o.project_a.pk}),
    ("GET", API + "assessment/"): api(STAFF, query=Q),
    ("GET", API + "reports/"): api(OVERSEERS, query=Q + "&kind=month&fmt=xlsx", why="roles.may_download_reports"),
}
