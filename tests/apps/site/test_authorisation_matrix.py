"""Only the right people read or change data: the authorisation matrix.

The cases are generated from the URL configuration: every pattern of ``get_resolver()`` (walked
recursively), every model registered with the admin site, every operation of the API. For each
one and each role, the allowed requests work and the refused ones answer 302-to-sign-in, 401,
403, 404 or 405 and change nothing: no INSERT, UPDATE or DELETE reaches the database during the
request, and a fingerprint of every table (row count and checksum of the rows, history tables
included) is the same afterwards. Unsafe requests are POSTed with a valid CSRF token and a
plausible form, so a refusal is the view's, not the CSRF middleware's. The API is called with
each role's own personal token and a valid JSON body (none for the anonymous visitor: 401). The
list pages' ``?export=csv|xlsx`` downloads follow their page's rule.

The rules: ``tests/apps/site/authorisation_rules.py``. A pattern without a rule fails.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import CSRF_SECRET_LENGTH
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse
from django.utils.crypto import get_random_string

from tests.apps.site import authorisation_rules as rules

RULES_FILE = "tests/apps/site/authorisation_rules.py"


# -- the URL configuration, walked -------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    kind: str  # "web", "admin-site", "admin-model", "api"
    key: str  # the URL name, or the route when the pattern has none (API: "METHOD /path")
    route: str
    name: str | None = None
    model: str = ""  # admin-model: app_label.model_name
    operation: str = ""  # admin-model: changelist, add, change, ...
    method: str = ""  # api
    view: object = field(default=None, compare=False, repr=False)  # web: the pattern's view

    def __str__(self) -> str:
        return f"{self.key} (/{self.route})"


def _admin_models() -> dict[str, type]:
    return {f"{m._meta.app_label}/{m._meta.model_name}/": m for m in admin.site._registry}


def _ninja_path_view(callback):
    if not getattr(callback, "__module__", "").startswith("ninja."):
        return None
    for cell in callback.__closure__ or ():
        if hasattr(cell.cell_contents, "operations"):
            return cell.cell_contents
    return None


def _module_of(view) -> str:
    """The module that defines a view, through functools.partial and decorators."""
    while hasattr(view, "func") or hasattr(view, "__wrapped__"):
        view = getattr(view, "func", None) or view.__wrapped__
    return getattr(view, "__module__", "") or ""


def _api_path(route: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def endpoints(resolver: URLResolver | None = None) -> list[Endpoint]:
    """Every URL pattern of the configuration, classified."""
    resolver = resolver or get_resolver()
    models = _admin_models()
    found: list[Endpoint] = []
    seen_path_views: set[int] = set()

    def walk(patterns, prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
                continue
            assert isinstance(pattern, URLPattern)
            route = prefix + str(pattern.pattern)
            name = f"{namespace}{pattern.name}" if pattern.name else None
            path_view = _ninja_path_view(pattern.callback)
            if path_view is not None:
                if id(path_view) in seen_path_views:  # ninja adds one pattern per operation of a path
                    continue
                seen_path_views.add(id(path_view))
                for operation in path_view.operations:
                    for method in operation.methods:
                        found.append(Endpoint("api", f"{method} {_api_path(route)}", route, name, method=method))
            elif _module_of(pattern.callback).startswith("ninja."):  # the OpenAPI document, the docs page
                found.append(Endpoint("api", f"GET {_api_path(route)}", route, name, method="GET"))
            elif namespace.startswith("admin:"):
                model_prefix = next((p for p in models if prefix.endswith(f"/{p}")), None)
                if model_prefix is not None:
                    model = models[model_prefix]
                    base = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
                    operation = name.removeprefix(base) if name else "redirect"
                    found.append(Endpoint("admin-model", name or route, route, name,
                                          model=model._meta.label_lower, operation=operation))
                else:
                    found.append(Endpoint("admin-site", name or route, route, name))
            else:
                found.append(Endpoint("web", name or route, route, name, view=pattern.callback))

    walk(resolver.url_patterns, "", "")
    return found


def rule_for(endpoint: Endpoint) -> rules.Rule | None:
    if endpoint.kind == "web":
        return rules.WEB_RULES.get(endpoint.key)
    if endpoint.kind == "admin-site":
        return rules.ADMIN_SITE_RULES.get(endpoint.key)
    if endpoint.kind == "api":
        return rules.API_RULES.get((endpoint.method, _api_path(endpoint.route)))
    if endpoint.operation in rules.ADMIN_OPERATIONS:
        return admin_model_rule(endpoint)
    return None


def missing_rules(found: list[Endpoint]) -> list[str]:
    """One message per pattern the rule table does not know."""
    return [f"No authorisation rule for {e.kind} URL {e}: add one to {RULES_FILE} "
            f"(who may GET, who may POST, the URL's arguments)." for e in found if rule_for(e) is None]


ENDPOINTS = endpoints()


# -- the admin's rules, from its registry ------------------------------------------------------------


def admin_model_rule(endpoint: Endpoint) -> rules.Rule:
    if endpoint.operation == "redirect":  # <pk>/ -> <pk>/change/, which asks its own rule
        return rules.Rule(rules.ADMIN_SITE_STAFF, rules.ADMIN_SITE_STAFF)
    allowed = {rules.GET: set(), rules.POST: set()}
    for method in (rules.GET, rules.POST):
        if method not in rules.ADMIN_REFUSED.get((endpoint.model, endpoint.operation), ()):
            allowed[method].add(rules.ADMIN)
        if method in rules.ADMIN_STAFF.get(endpoint.model, {}).get(endpoint.operation, ()):
            allowed[method].add(rules.FINANCE)
    return rules.Rule(frozenset(allowed[rules.GET]), frozenset(allowed[rules.POST]))


# -- what a request did ------------------------------------------------------------------------------


# The visitor's own session (e.g. the as-of date the error page's menu remembers) is not data.
NOT_DATA = {"sessions.Session": "django_session"}


def fingerprint() -> dict[str, tuple[int, str]]:
    """Row count and checksum of every table (history and many-to-many tables included)."""
    out = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed or model._meta.label in NOT_DATA:
            continue
        rows = list(model._base_manager.order_by("pk").values_list())
        out[model._meta.label] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return out


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(label for label in before.keys() | after.keys() if before.get(label) != after.get(label))


@contextmanager
def writes() -> Iterator[list[str]]:
    """The INSERT, UPDATE and DELETE statements run inside the block."""
    seen: list[str] = []

    def spy(execute, sql, params, many, context):
        written = re.match(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+["`]?(\w+)', sql, re.IGNORECASE)
        if written and written[1] not in NOT_DATA.values():
            seen.append(sql[:200])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        yield seen


def sign_in_pages() -> set[str]:
    return {resolve_url(settings.LOGIN_URL), reverse("admin:login")}


def refused(response, elsewhere: str = "") -> bool:
    if response.status_code in (401, 403, 404, 405):
        return True
    return response.status_code == 302 and response["Location"].split("?")[0] in sign_in_pages() | {elsewhere} - {""}


def works(response) -> bool:
    if 200 <= response.status_code < 300:
        return True
    return response.status_code in (301, 302, 303) and response["Location"].split("?")[0] not in sign_in_pages()


def describe(response) -> str:
    where = f" -> {response['Location']}" if response.has_header("Location") else ""
    return f"{response.status_code}{where}"


# -- the objects of agency A and the clients of each role ----------------------------------------------


def build_objects(people, for_api: bool = False) -> rules.Objects:
    """Agency A's objects; ``for_api``: its draft, submitted and approved figures and a draft update too."""
    from kehoach.apps.api import tokens
    from kehoach.apps.figures import services as figure_services
    from kehoach.apps.figures.models import ActualFigure
    from kehoach.apps.indicators.models import Indicator
    from kehoach.apps.organisations.models import Leader
    from kehoach.apps.plan_import import uploads
    from kehoach.apps.projects.models import Project
    from kehoach.apps.tasks import services as task_services
    from kehoach.apps.tasks.models import Task
    from tests.apps.conftest import KE_HOACH_86
    from tests.apps.workspace.workspace_support import EXPLANATION, VAN_HOA, agency, task_of

    agency_a, agency_b = agency(), agency(VAN_HOA)
    officer_a = people[rules.OFFICER_A]
    task_a = task_of()
    progress = task_services.record_progress(task_a, on=rules.AS_OF, status="in_progress", percent=40,
                                             note="Đang triển khai", user=officer_a, **EXPLANATION)
    task_services.submit_progress(progress, officer_a, as_of=rules.AS_OF)
    api_objects = {}
    if for_api:
        draft = figure_of(agency_a, officer_a, "2025-07", "110")
        api_objects = dict(
            draft_figure_a=draft,
            submitted_figure_a=figure_services.submit(figure_of(agency_a, officer_a, "2025-06", "108,5"), officer_a),
            approved_figure_a=ActualFigure.objects.filter(indicator=draft.indicator, review_status="approved",
                                                          is_current=True).order_by("pk").first(),
            draft_progress_a=task_services.record_progress(
                task_a, on=date(2025, 8, 5), status="in_progress", percent=45, note="Đã trình dự thảo",
                user=officer_a, **EXPLANATION))
    indicator_a = (Indicator.objects.filter(monitoring_agencies=agency_a)
                   .exclude(monitoring_agencies=agency_b).order_by("pk").first())
    return rules.Objects(
        agency_a=agency_a,
        indicator_a=indicator_a,
        task_a=task_a,
        project_a=Project.objects.filter(agency=agency_a).first() or Project.objects.order_by("pk").first(),
        leader=Leader.objects.get(name="Hoàng Minh Cường"),
        figure_a=ActualFigure.objects.filter(indicator=indicator_a).order_by("pk").first(),
        submitted_progress_a=progress,
        staged_upload=uploads.stage(people[rules.FINANCE], KE_HOACH_86.name, KE_HOACH_86.read_bytes()),
        task_content_type=ContentType.objects.get_for_model(Task),
        token_a=tokens.issue(officer_a, "Đồng bộ số liệu").token,
        **api_objects,
    )


def figure_of(agency, user, period: str, value: str):
    """A draft of IIP (which agency A monitors) entered as the workspace and the API enter one."""
    from kehoach.apps.figures import entry
    from tests.apps.workspace.workspace_support import EXPLANATION

    row, problems = entry.FigureChecker(agency).check(0, {
        "indicator": "iip", "period": period, "value": value, "qualifier": "", "unit": "", "comparison": "",
        "scope": "HP cũ", "source": "Chi cục Thống kê", "published": "2025-08-06"})
    assert row is not None, problems
    figure, _action = entry.enter_figure(agency, entry.FigureEntry(0, row, **EXPLANATION), user)
    return figure


def client_for(role: str, people) -> Client:
    client = Client(enforce_csrf_checks=True)
    if role != rules.ANONYMOUS:
        client.force_login(people[role])
    client.csrf_secret = get_random_string(CSRF_SECRET_LENGTH)
    client.cookies[settings.CSRF_COOKIE_NAME] = client.csrf_secret
    return client


def send(client: Client, method: str, url: str, form: dict):
    if method == rules.GET:
        return client.get(url)
    for value in form.values():  # an upload is read by every role's request: from its start each time
        if hasattr(value, "seek"):
            value.seek(0)
    return client.post(url, {**form, "csrfmiddlewaretoken": client.csrf_secret})


def fill(route: str, kwargs: dict) -> str:
    """A route with its parameters filled in (for patterns without a name)."""
    url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m[1]]), route)
    url = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m[1]]), url)
    return "/" + url.replace("^", "").replace("$", "")


@dataclass(frozen=True)
class Case:
    endpoint: Endpoint
    rule: rules.Rule
    url: str
    forms: dict  # method -> POST data


def check(cases: list[Case], clients: dict[str, Client]) -> None:
    """Every role's refused requests first (nothing may change), then the allowed ones (they must work)."""

    def allowed(case: Case, role: str, method: str) -> bool:
        return role in (case.rule.get if method == rules.GET else case.rule.post)

    before = fingerprint()
    for case in cases:
        for role, client in clients.items():
            for method in (rules.GET, rules.POST):
                if allowed(case, role, method):
                    continue
                with writes() as statements:
                    response = send(client, method, case.url, case.forms[method])
                what = f"{method} {case.url} as {role} ({case.endpoint})"
                assert refused(response, case.rule.refused_to), f"{what} must be refused, got {describe(response)}"
                if not case.rule.public:
                    assert not statements, f"{what} was refused but wrote to the database: {statements}"
    if not any(case.rule.public for case in cases):
        after = fingerprint()
        assert after == before, f"refused requests to {[c.url for c in cases]} changed {changed_tables(before, after)}"
    for case in cases:
        for role, client in clients.items():
            for method in (rules.GET, rules.POST):
                if allowed(case, role, method):
                    response = send(client, method, case.url, case.forms[method])
                    assert works(response), \
                        f"{method} {case.url} as {role} ({case.endpoint}) must work, got {describe(response)}"


# -- the matrix ----------------------------------------------------------------------------------------

WEB = [e for e in ENDPOINTS if e.kind in ("web", "admin-site")]
API = [e for e in ENDPOINTS if e.kind == "api"]


def test_every_url_has_a_rule():
    assert missing_rules(ENDPOINTS) == []


def test_every_rule_names_a_url_that_exists():
    keys = {e.key for e in ENDPOINTS}
    stale = [key for key in [*rules.WEB_RULES, *rules.ADMIN_SITE_RULES] if key not in keys]
    stale += [" ".join(key) for key in rules.API_RULES if f"{key[0]} {key[1]}" not in keys]
    assert stale == [], f"rules for URLs that no longer exist, remove them from {RULES_FILE}"


@pytest.mark.parametrize("endpoint", WEB, ids=str)
def test_web_page(endpoint: Endpoint, people):
    rule = rule_for(endpoint)
    assert rule is not None, missing_rules([endpoint])[0]
    objects = build_objects(people, for_api=True)  # the review actions name those entries too
    kwargs = rule.args(objects)
    url = reverse(endpoint.name, kwargs=kwargs) if endpoint.name else fill(endpoint.route, kwargs)
    if endpoint.kind == "web" and not rule.public:
        url += "?as_of=2025-08-06"
    clients = {role: client_for(role, people) for role in rules.ROLES}
    check([Case(endpoint, rule, url, {rules.GET: {}, rules.POST: rule.form(objects)})], clients)


ADMIN_MODEL_ENDPOINTS = [e for e in ENDPOINTS if e.kind == "admin-model"]


def test_the_admin_registry_is_in_the_matrix():
    """Every registered model has its changelist, add, change, delete and history pages in the matrix."""
    for model in admin.site._registry:
        label = model._meta.label_lower
        operations = {e.operation for e in ADMIN_MODEL_ENDPOINTS if e.model == label}
        assert {"changelist", "add", "change", "delete", "history"} <= operations, label


def admin_url(endpoint: Endpoint, obj, version) -> str:
    pk = obj.pk if obj is not None else 0
    if endpoint.operation in ("changelist", "add"):
        return reverse(endpoint.name)
    if endpoint.operation == "simple_history":
        return reverse(endpoint.name, args=[pk, version or 0])
    if endpoint.operation == "redirect":
        return fill(endpoint.route, {"object_id": pk})
    return reverse(endpoint.name, args=[pk])


@pytest.mark.parametrize("role", rules.ROLES)
def test_admin_pages(role: str, people):
    """The admin of every registered model: the administrator, staff as far as their permissions go, no one else.

    The delete pages come last: the administrator's POST does delete (and what cascades from it)."""
    client = client_for(role, people)
    by_model: dict[str, list[Endpoint]] = {}
    for endpoint in ADMIN_MODEL_ENDPOINTS:
        by_model.setdefault(endpoint.model, []).append(endpoint)
    cases, deletes = [], []
    for label, group in sorted(by_model.items()):
        model = apps.get_model(label)
        # a user who is not the one signed in (the administrator deletes it)
        obj = people[rules.NOBODY] if label == "auth.user" else model._default_manager.order_by("pk").first()
        if obj is not None and hasattr(obj, "history") and not obj.history.exists():
            obj.save()  # rows a migration seeded (the territories) have no history row until they are saved
        version = obj.history.order_by("-history_id").values_list("history_id", flat=True).first() \
            if obj is not None and hasattr(obj, "history") else None
        for endpoint in group:
            rule = rule_for(endpoint)
            assert rule is not None, missing_rules([endpoint])[0]
            url = admin_url(endpoint, obj, version)
            forms = {rules.GET: {}, rules.POST: {"post": "yes"} if endpoint.operation == "delete" else {}}
            if obj is None and endpoint.operation not in ("changelist", "add"):
                # No row to open: the allowed get a redirect or a 404 from the admin, the others are refused.
                for method in (rules.GET, rules.POST):
                    response = send(client, method, url, forms[method])
                    assert refused(response) or (role in getattr(rule, method.lower()) and works(response)), url
                continue
            (deletes if endpoint.operation == "delete" else cases).append(Case(endpoint, rule, url, forms))
    check(cases + deletes, {role: client})


def api_clients(people) -> dict[str, Client]:
    """A client per role with that user's own new API token (none for the anonymous visitor)."""
    from kehoach.apps.api import tokens

    clients = {rules.ANONYMOUS: Client()}
    for role in rules.ROLES[1:]:
        issued = tokens.issue(people[role], f"matrix {role}")
        tokens.find(issued.plain)  # its first use noted now: the calls below do not write last_used
        clients[role] = Client(headers={"Authorization": f"Bearer {issued.plain}"})
    return clients


@pytest.mark.parametrize("endpoint", API, ids=str)
def test_api_operation(endpoint: Endpoint, people):
    """Refused calls first: 401 without a token, 403 or 404 with one, and nothing written. Then each
    allowed role's call works (each in a savepoint rolled back, so every role starts from the same data)."""
    rule = rule_for(endpoint)
    assert rule is not None, missing_rules([endpoint])[0]
    objects = build_objects(people, for_api=True)
    url = fill(endpoint.route, rule.args(objects)) + rule.query
    body = rule.form(objects)
    clients = api_clients(people)

    def call(client: Client):
        return client.generic(endpoint.method, url, data=json.dumps(body) if body else "",
                              content_type="application/json")

    before = fingerprint()
    for role, client in clients.items():
        if role in rule.get:
            continue
        with writes() as statements:
            response = call(client)
        # Without credentials: 401 (django-ninja's root, which is no operation, is 404 to everyone).
        expected = ((401, 404) if rule.public else (401,)) if role == rules.ANONYMOUS else (403, 404)
        assert response.status_code in expected, \
            f"{endpoint} as {role} must be refused with {expected}, got {describe(response)}: {response.content[:300]}"
        assert not statements, f"{endpoint} as {role} was refused but wrote to the database: {statements}"
    after = fingerprint()
    assert after == before, f"refused calls of {endpoint} changed {changed_tables(before, after)}"
    for role in sorted(rule.get):
        with transaction.atomic():
            response = call(clients[role])
            transaction.set_rollback(True)
        assert works(response), f"{endpoint} as {role} must work, got {describe(response)}: {response.content[:300]}"


# -- the exports of the list pages -------------------------------------------------------------------


def _exports(endpoint: Endpoint) -> bool:
    """The page's view mixes in ExportMixin: it answers ``?export=csv|xlsx``."""
    from kehoach.web.export import ExportMixin

    view_class = getattr(endpoint.view, "view_class", None)
    return view_class is not None and issubclass(view_class, ExportMixin)


EXPORTS = [e for e in WEB if e.kind == "web" and e.name and _exports(e)]


def test_the_list_pages_offer_exports():
    """The generator below sees the list pages (a page that stops mixing in ExportMixin drops out)."""
    assert {"indicators:list", "tasks:list", "history:list", "dashboard:public"} <= {e.key for e in EXPORTS}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("endpoint", EXPORTS, ids=str)
def test_export_follows_the_page(endpoint: Endpoint, fmt: str, people):
    """``?export=csv|xlsx`` on a list page: a file for those who may GET the page, refused as the page is to
    everyone else, and nothing written."""
    from kehoach.web.export import FORMATS

    rule = rule_for(endpoint)
    assert rule is not None, missing_rules([endpoint])[0]
    kwargs = rule.args(build_objects(people)) if "<" in endpoint.route else {}  # the lists take no arguments
    url = reverse(endpoint.name, kwargs=kwargs) + f"?as_of=2025-08-06&export={fmt}"
    for role in rules.ROLES:
        client = client_for(role, people)
        with writes() as statements:
            response = client.get(url)
        if role in rule.get and response.status_code == 302 and works(response):
            # A home page that sends an officer to their own agency's page, a leader to theirs (whose own
            # rules are rows of the matrix): not a file, and not a refusal.
            assert not statements, f"{url} as {role} wrote to the database: {statements}"
            continue
        if role in rule.get:
            assert response.status_code == 200 and response["Content-Type"] == FORMATS[fmt], \
                f"{url} as {role} must be a {fmt} file, got {describe(response)}"
        else:
            assert refused(response, rule.refused_to), f"{url} as {role} must be refused, got {describe(response)}"
        assert not statements, f"{url} as {role} wrote to the database: {statements}"


# -- a URL without a rule fails ------------------------------------------------------------------------


def _secret_view(request):
    return HttpResponse("every agency's figures")


_URLCONFS = itertools.count()


def _urlconf_with(*extra) -> str:
    """A URL configuration: the site's plus ``extra`` patterns (a module made for the test)."""
    from kehoach.site import urls as site_urls

    module = types.ModuleType(f"tests_apps_site_extra_urls_{next(_URLCONFS)}")
    module.urlpatterns = [*site_urls.urlpatterns, *extra]
    sys.modules[module.__name__] = module
    return module.__name__


def test_a_page_without_a_rule_fails_and_says_where_to_add_one():
    urlconf = _urlconf_with(path("secret/", _secret_view, name="secret-figures"))
    with override_settings(ROOT_URLCONF=urlconf):
        problems = missing_rules(endpoints(get_resolver(urlconf)))
    assert problems == [f"No authorisation rule for web URL secret-figures (/secret/): add one to {RULES_FILE} "
                        "(who may GET, who may POST, the URL's arguments)."]


def test_an_unnamed_page_without_a_rule_fails_too():
    urlconf = _urlconf_with(path("export/<int:year>/", _secret_view))
    problems = missing_rules(endpoints(get_resolver(urlconf)))
    assert len(problems) == 1 and "export/<int:year>/" in problems[0]


def test_an_api_operation_without_a_rule_fails():
    ninja = pytest.importorskip("ninja")
    api = ninja.NinjaAPI(urls_namespace="matrix-probe")

    @api.get("/secrets/{key}")
    def secret(request, key: str):
        return {"key": key}

    urlconf = _urlconf_with(path("api/probe/", api.urls))
    problems = missing_rules(endpoints(get_resolver(urlconf)))
    assert [p for p in problems if "GET /api/probe/secrets/{key}" in p] == [
        f"No authorisation rule for api URL GET /api/probe/secrets/{{key}} (/api/probe/secrets/<key>): add one to "
        f"{RULES_FILE} (who may GET, who may POST, the URL's arguments)."]
    assert all("api URL" in p for p in problems), problems  # the OpenAPI document and the docs page as well


def test_the_fingerprint_and_the_write_spy_see_a_change_that_leaves_no_history(people):
    """What the matrix relies on: a silent UPDATE (no history row) is still seen."""
    from kehoach.apps.organisations.models import Agency

    before = fingerprint()
    with writes() as statements:
        Agency.objects.filter(name="Sở Công Thương").update(email="khac@haiphong.gov.vn")
    assert changed_tables(before, fingerprint()) == ["organisations.Agency"]
    assert len(statements) == 1 and "organisations_agency" in statements[0]


# -- maker-checker: who entered or submitted an entry may not approve or publish it -------------------


def test_the_maker_may_not_check(people):
    """The administrator (who may report for any agency and approve) enters and submits a figure and a
    progress update: approving or publishing them, through the queue and through the API, is refused
    with 403 and writes nothing (``roles.check_maker_checker``); Sở Tài chính's approval works."""
    from kehoach.apps.figures import services as figure_services
    from kehoach.apps.tasks import services as task_services
    from tests.apps.workspace.workspace_support import EXPLANATION, agency, task_of

    maker = people[rules.ADMIN]
    figure = figure_services.submit(figure_of(agency(), maker, "2025-07", "110"), maker)
    progress = task_services.record_progress(task_of(), on=rules.AS_OF, status="in_progress", percent=50,
                                             note="Đã trình", user=maker, **EXPLANATION)
    task_services.submit_progress(progress, maker, as_of=rules.AS_OF)
    web = client_for(rules.ADMIN, people)
    api = api_clients(people)[rules.ADMIN]
    attempts = [
        lambda: send(web, rules.POST, reverse("approvals:approve-figure", args=[figure.pk]), {}),
        lambda: send(web, rules.POST, reverse("approvals:approve-progress", args=[progress.pk]), {}),
        lambda: api.post(f"/api/v1/figures/{figure.pk}/approve", content_type="application/json"),
        lambda: api.post(f"/api/v1/tasks/progress/{progress.pk}/approve", content_type="application/json"),
    ]
    before = fingerprint()
    for attempt in attempts:
        with writes() as statements:
            response = attempt()
        assert response.status_code in (302, 403), describe(response)
        assert not statements, statements
    assert changed_tables(before, fingerprint()) == []
    # someone else approves; the maker still may not publish
    figure_services.approve(figure, people[rules.FINANCE])
    with writes() as statements:
        response = api.post(f"/api/v1/figures/{figure.pk}/publish", content_type="application/json")
    assert response.status_code == 403 and not statements, describe(response)
    with writes() as statements:
        send(web, rules.POST, reverse("approvals:publish-figure", args=[figure.pk]), {})
    assert not statements, statements
    figure.refresh_from_db()
    assert not figure.public
