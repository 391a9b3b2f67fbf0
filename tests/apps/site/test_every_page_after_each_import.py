"""After each way data comes in, every role opens every page and none answers 5xx.

Data that comes in by a command has no user behind it (no ``entered_by``, no ``submitted_by``): the
approval queue answered 500 after ``kehoach progress import`` (issue 14). For each import path --
``kehoach import``, ``kehoach actuals import`` (approved and draft), ``kehoach progress import``,
the workspace's Excel upload, the API's bulk upsert -- each role (the authorisation matrix's) sends
a GET to every URL the matrix knows: the site's pages and their CSV/XLSX downloads, the admin's
pages of every registered model, and the API's read operations.
"""

from __future__ import annotations

import csv
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.apps.site import authorisation_rules as rules
from tests.apps.site.test_authorisation_matrix import (
    ADMIN_MODEL_ENDPOINTS,
    API,
    EXPORTS,
    WEB,
    admin_url,
    api_clients,
    build_objects,
    client_for,
    fill,
    rule_for,
)

PROGRESS_HEADER = ["STT", "Đơn vị", "Ngày", "Trạng thái", "Tỷ lệ", "Kết quả", "Nguyên nhân", "Khó khăn", "Đề xuất",
                   "Minh chứng"]
FIGURES_HEADER = ["indicator", "period", "value", "qualifier", "unit", "comparison", "scope", "source", "published"]


def _csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def _folder(path):
    path.mkdir(parents=True, exist_ok=True)
    return path


def import_documents(_people, _tmp_path):
    from tests.apps.conftest import BAO_CAO_619, KE_HOACH_86

    call_command("import", str(BAO_CAO_619), str(KE_HOACH_86), stdout=StringIO())


def import_actuals(status: str):
    def run(_people, tmp_path):
        path = _csv(_folder(tmp_path) / "so-lieu.csv", FIGURES_HEADER, [
            ["exports", "2025-07", "3.456,7", "ước", "triệu USD", "", "HP cũ", "Chi cục Thống kê", "2025-08-05"],
            ["iip", "2025-07", "110,2", "", "%", "", "HP cũ", "Chi cục Thống kê", "2025-08-05"]])
        call_command("actuals", "import", path, "--status", status, stdout=StringIO())
    return run


def import_progress(_people, tmp_path):
    path = _csv(_folder(tmp_path) / "tien-do.csv", PROGRESS_HEADER, [
        ["11", "Sở Công Thương", "2025-08-03", "Đang thực hiện", "10", "Đã trình dự thảo", "", "", "", ""],
        ["16", "Sở Công Thương", "2025-08-03", "Hoàn thành", "100", "Đã ban hành", "", "", "", "2345/QĐ-UBND"]])
    call_command("progress", "import", path, stdout=StringIO())


def upload_workbook(people, _tmp_path):
    from tests.apps.workspace.test_excel_template import confirm, download, fill, upload

    client = Client()
    client.force_login(people[rules.OFFICER_A])
    data, _line, _task_line = fill(download(client))
    assert upload(client, data).status_code == 200
    assert confirm(client, data, submit=True).status_code == 200


def bulk_upsert(people, _tmp_path):
    from kehoach.apps.api import tokens
    from tests.apps.workspace.workspace_support import agency

    token = tokens.issue(people[rules.OFFICER_A], "đồng bộ").plain
    body = {"agency": agency().pk, "period": "2025-07", "figures": [
        {"indicator": "exports", "value": "1.234,5", "scope": "HP cũ", "source": "Chi cục Thống kê",
         "published": "2025-08-06"}]}
    response = Client().post("/api/v1/figures/bulk?as_of=2025-08-06", body, content_type="application/json",
                             headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.content


IMPORTS = {  # in this order: the workbook is the template of what is still owed, filled in
    "workspace Excel upload": upload_workbook,
    "API bulk upsert": bulk_upsert,
    "kehoach import": import_documents,
    "kehoach actuals import (approved)": import_actuals("approved"),
    "kehoach actuals import --status draft": import_actuals("draft"),
    "kehoach progress import": import_progress,
}


def web_urls(objects) -> list[str]:
    urls = []
    for endpoint in WEB:
        rule = rule_for(endpoint)
        if rule is None:  # test_every_url_has_a_rule says so
            continue
        kwargs = rule.args(objects)
        url = reverse(endpoint.name, kwargs=kwargs) if endpoint.name else fill(endpoint.route, kwargs)
        urls.append(url + ("" if rule.public else "?as_of=2025-08-06"))
    for endpoint in EXPORTS:
        kwargs = rule_for(endpoint).args(objects) if "<" in endpoint.route else {}
        for fmt in ("csv", "xlsx"):
            urls.append(reverse(endpoint.name, kwargs=kwargs) + f"?as_of=2025-08-06&export={fmt}")
    # the approval queue's three lists
    urls += [f"{reverse('approvals:queue')}?as_of=2025-08-06&export={fmt}&list={name}"
             for fmt in ("csv", "xlsx") for name in ("figures", "progress", "publish")]
    return urls


def admin_urls() -> list[str]:
    from django.apps import apps

    urls = []
    for endpoint in ADMIN_MODEL_ENDPOINTS:
        if endpoint.operation not in ("changelist", "change", "history", "simple_history"):
            continue
        model = apps.get_model(endpoint.model)
        obj = model._default_manager.order_by("-pk").first()  # the newest row: what the import made
        if obj is None and endpoint.operation != "changelist":
            continue
        version = obj.history.order_by("-history_id").values_list("history_id", flat=True).first() \
            if obj is not None and hasattr(obj, "history") else None
        urls.append(admin_url(endpoint, obj, version))
    return urls


def test_every_role_opens_every_page_after_every_import(people, tmp_path):
    """The six import paths one after the other, then one sweep: the rows each path made are all there
    (a sweep after each path would see the same rows and take six times as long)."""
    for how, run in IMPORTS.items():
        run(people, tmp_path / how.replace(" ", "-"))
    objects = build_objects(people, for_api=True)
    pages = web_urls(objects)
    admin_pages = admin_urls()
    broken = []
    for role in rules.ROLES:
        client = client_for(role, people)
        for url in pages + (admin_pages if role in rules.ADMIN_SITE_STAFF else []):
            response = client.get(url)
            if response.status_code >= 500:
                broken.append(f"GET {url} as {role}: {response.status_code}")
    for role, client in api_clients(people).items():
        for endpoint in API:
            if endpoint.method != "GET":
                continue
            rule = rule_for(endpoint)
            url = fill(endpoint.route, rule.args(objects)) + rule.query
            response = client.get(url)
            if response.status_code >= 500:
                broken.append(f"GET {url} as {role}: {response.status_code}")
    assert broken == [], "after every import:\n" + "\n".join(broken)


def test_the_queue_names_an_imported_update_as_imported(people, tmp_path):
    """A progress update from a file has no submitting user: the queue says it came from an import."""
    import_progress(people, tmp_path)
    client = Client()
    client.force_login(people[rules.FINANCE])
    response = client.get(reverse("approvals:queue") + "?as_of=2025-08-06")
    assert response.status_code == 200
    assert "Không có người gửi (nhập từ tệp)" in response.content.decode()
