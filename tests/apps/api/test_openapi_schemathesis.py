"""Schemathesis against the API's own OpenAPI document, through the WSGI application: for every
operation, requests generated from the document, as an administrator (with a personal token) and
as an anonymous caller, never get a server error (5xx) and every answer conforms to the document.

Bounded (a few examples per operation, no deadline per example: the whole module takes well under a
minute per database). The report download is left out here (each example would build a Word
report or run LibreOffice); test_report_download.py covers it.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from kehoach.apps.api import tokens
from kehoach.site.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES = 6
CHECKS = [not_a_server_error, response_schema_conformance]
LEFT_OUT = {("GET", "/api/v1/reports/")}


@pytest.fixture
def wsgi_in_the_test_transaction():
    """The WSGI application called directly keeps the test's database connection (and its transaction),
    as Django's test client does: no closing of "old" connections at the start and end of a request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    found = [result.ok() for result in schema.get_all_operations()]
    return [op for op in found if (op.method.upper(), op.path) not in LEFT_OUT]


def exercise(operation, headers: dict) -> int:
    calls = []

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)
        calls.append(response.status_code)

    run()
    return len(calls)


@pytest.mark.parametrize("who", ["admin", "anonymous"])
def test_no_operation_answers_a_server_error_or_outside_the_document(people, who, wsgi_in_the_test_transaction):
    headers = {"Authorization": f"Bearer {tokens.issue(people['admin'], 'schemathesis').plain}"} \
        if who == "admin" else {}
    ops = operations()
    assert len(ops) >= 20  # every endpoint group is in the document

    done = {f"{op.method.upper()} {op.path}": exercise(op, headers) for op in ops}

    assert all(n > 0 for n in done.values()), done
