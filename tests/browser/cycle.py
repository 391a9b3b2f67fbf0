"""The monthly cycle as officials live it, step by step, shared by the browser test
(``test_monthly_cycle.py``) and the benchmark (``bench/bench_cycle.py``): each step drives a real
browser tab and tallies the clicks it needed and the time it took, per role.

The cycle, as of 06/08/2025, for Sở Công Thương (officer "congthuong") and Sở Tài chính ("stc"):

1. The officer opens the workspace, follows "Nhập" on the owed row of IIP, Tháng 7/2025 (the form
   comes pre-filled with the indicator and the period), types the value and saves and submits; then
   "Nhập" on task 16 (overdue) and reports it done, with its explanation.
2. The officer downloads the workspace's Excel template, fills the exports indicator's row and, in
   another row, a value that is not a number, and uploads it: the valid row is recorded and
   submitted, the bad one stays in the preview with its row named.
3. Sở Tài chính returns the exports figure with a reason and approves the rest in bulk (tick boxes).
4. The officer sees the reason in the inbox, opens it, corrects the figure and resubmits.
5. Sở Tài chính approves it and publishes both figures.
6. The public page (anonymous) shows the figure.
"""

from __future__ import annotations

import io
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.organisations.models import Agency
from kehoach.apps.tasks.models import Task, TaskProgress

AS_OF = "2025-08-06"
OFFICER, FINANCE, PUBLIC = "congthuong", "stc", "công chúng"
IIP_JULY = "18,4"  # the pre-filled form compares with the same period: an index of 118,4
EXPLANATION = {"Nguyên nhân": "Đơn hàng điện tử giảm", "Khó khăn, vướng mắc": "Thiếu lao động kỹ thuật",
               "Đề xuất, kiến nghị": "Hỗ trợ kết nối đơn hàng"}
RETURN_REASON = "Số liệu xuất khẩu chưa khớp với báo cáo của Cục Hải quan."


@dataclass
class Tally:
    """Clicks and seconds per role."""

    clicks: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def click(self, role: str, locator) -> None:
        self.clicks[role] += 1
        locator.click()
        locator.page.wait_for_load_state()

    @contextmanager
    def timed(self, role: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[role] += time.perf_counter() - started

    def lines(self) -> list[str]:
        return [f"{role}: {self.clicks[role]} clicks, {self.seconds[role]:.1f} s".replace(".", ",")
                for role in (OFFICER, FINANCE, PUBLIC) if role in self.seconds]


def sign_in(tab, tally: Tally, username: str) -> None:
    tab.goto(f"/accounts/login/?next=/%3Fas_of%3D{AS_OF}")
    tab.get_by_label("Tên đăng nhập").fill(username)
    tab.get_by_label("Mật khẩu").fill("pw")
    tally.click(username, tab.get_by_role("button", name="Đăng nhập"))


def sign_out(tab, tally: Tally, username: str) -> None:
    tally.click(username, tab.get_by_role("button", name="Đăng xuất"))


def workspace(tab, agency_pk: int) -> None:
    tab.goto(f"/agencies/{agency_pk}/workspace/?as_of={AS_OF}")


def officer_enters_through_the_forms(tab, tally: Tally, agency_pk: int, task_pk: int) -> None:
    with tally.timed(OFFICER):
        sign_in(tab, tally, OFFICER)
        workspace(tab, agency_pk)
        tally.click(OFFICER, tab.locator('a.button[href*="enter=iip"][href*="period=2025-07"]'))
        assert tab.locator("#id_fig-indicator").input_value() == "iip"
        tab.fill("#id_fig-value", IIP_JULY)
        tab.fill("#id_fig-source", "Chi cục Thống kê, báo cáo tháng 7/2025")
        explain(tab)
        tally.click(OFFICER, tab.locator('button[name="action"][value="figure-submit"]'))
        refused(tab)
        tally.click(OFFICER, tab.locator(f'a.button[href*="enter_task={task_pk}"]'))
        assert tab.locator("#id_prog-task").input_value() == str(task_pk)
        tab.select_option("#id_prog-status", "completed")
        tab.fill("#id_prog-percent", "100")
        tab.fill("#id_prog-evidence_reference", "Quyết định số 25/2025/QĐ-UBND ngày 15/07/2025")
        tab.fill("#id_prog-cause", "Chờ ý kiến thẩm định của Sở Tư pháp.")
        tab.fill("#id_prog-difficulties", "Hồ sơ phải lấy ý kiến nhiều sở, ngành.")
        tab.fill("#id_prog-proposals", "Rút ngắn thời gian lấy ý kiến.")
        tally.click(OFFICER, tab.locator('button[name="action"][value="progress-submit"]'))


def explain(tab) -> None:
    """The explanation a figure rated behind needs before it is submitted."""
    for field_id, text in zip(("cause", "difficulties", "proposals"), EXPLANATION.values(), strict=True):
        tab.fill(f"#id_fig-{field_id}", text)


def refused(tab) -> None:
    """A form re-shown with its errors stops the cycle, saying them."""
    errors = tab.locator(".errorlist, .error").all_inner_texts()
    assert not errors, f"{tab.url}: {errors}"


def fill_template(data: bytes, tmp: Path) -> tuple[Path, int, int]:
    """Two rows: the exports indicator's with a value and its explanation, another with a value that is
    not a number. Returns the file and the two rows' line numbers."""
    book = load_workbook(io.BytesIO(data))
    sheet = book["Chỉ tiêu"]
    cols = {cell.value: cell.column for cell in sheet[1]}
    keys = {r: sheet.cell(row=r, column=cols["Mã chỉ tiêu"]).value for r in range(2, sheet.max_row + 1)}
    good = next(r for r, key in keys.items() if key == "exports")
    bad = next(r for r, key in keys.items() if key and r != good)
    sheet.cell(row=good, column=cols["Giá trị"]).value = "1500"
    for column, text in EXPLANATION.items():
        sheet.cell(row=good, column=cols[column]).value = text
    sheet.cell(row=bad, column=cols["Giá trị"]).value = "khoảng một nghìn"
    path = tmp / "bao-cao-thang-7.xlsx"
    book.save(path)
    return path, good, bad


def officer_uploads_the_workbook(tab, tally: Tally, agency_pk: int, tmp: Path) -> int:
    """Returns the line of the bad row, which stays in the preview."""
    with tally.timed(OFFICER):
        workspace(tab, agency_pk)
        with tab.expect_download() as download:
            tally.clicks[OFFICER] += 1
            tab.locator(f'a[href*="/agencies/{agency_pk}/workspace/template"]').first.click()
        path, _good, bad = fill_template(Path(download.value.path()).read_bytes(), tmp)
        tally.click(OFFICER, tab.locator(f'a[href$="/agencies/{agency_pk}/workspace/upload/"]').first)
        tab.set_input_files('input[type="file"]', str(path))
        tally.clicks[OFFICER] += 1  # choosing the file
        tally.click(OFFICER, tab.locator('form[enctype] button[type="submit"]'))
        tally.click(OFFICER, tab.locator('input[name="submit"]'))
        tally.click(OFFICER, tab.locator('form:has(input[value="confirm"]) button[type="submit"]'))
        return bad


def officer_signs_out(tab, tally: Tally) -> None:
    with tally.timed(OFFICER):
        sign_out(tab, tally, OFFICER)


def finance_returns_one_and_approves_in_bulk(tab, tally: Tally, returned_pk: int, figure_pks: list[int],
                                            progress_pks: list[int]) -> None:
    with tally.timed(FINANCE):
        sign_in(tab, tally, FINANCE)
        tab.goto(f"/agencies/approvals/?as_of={AS_OF}")
        row = tab.locator(f'tr[data-figure="{returned_pk}"]')
        tally.clicks[FINANCE] += 1
        row.locator("details.return summary").click()
        row.locator('textarea[name="return_reason"]').fill(RETURN_REASON)
        tally.click(FINANCE, row.locator('details.return button[type="submit"]'))
        approve_in_bulk(tab, tally, figure_pks, progress_pks)
        sign_out(tab, tally, FINANCE)


def approve_in_bulk(tab, tally: Tally, figure_pks: list[int], progress_pks: list[int]) -> None:
    tab.goto(f"/agencies/approvals/?as_of={AS_OF}")
    for kind, pks in (("figure", figure_pks), ("progress", progress_pks)):
        if not pks:
            continue
        for pk in pks:
            tally.clicks[FINANCE] += 1
            tab.locator(f"#pick-{kind}-{pk}").check()
        form = "bulk-figures" if kind == "figure" else "bulk-progress"
        tally.click(FINANCE, tab.locator(f'#{form} button[type="submit"]'))


def officer_corrects_and_resubmits(tab, tally: Tally, agency_pk: int, figure_pk: int) -> str:
    """Returns the inbox's text (where the reason is read)."""
    with tally.timed(OFFICER):
        sign_in(tab, tally, OFFICER)
        tab.goto(f"/inbox/?as_of={AS_OF}")
        inbox = tab.locator("main").inner_text()
        tally.click(OFFICER, tab.locator('li[data-notice] button[type="submit"]').first)
        if f"/agencies/{agency_pk}/workspace" not in tab.url:
            workspace(tab, agency_pk)
        tally.click(OFFICER, tab.locator(f'tr[data-figure="{figure_pk}"] a[href*="edit_figure={figure_pk}"]'))
        tab.fill("#id_fig-value", "1520")
        tab.fill("#id_fig-source", "Cục Hải quan, số liệu đã đối chiếu")
        tally.click(OFFICER, tab.locator('button[name="action"][value="figure-submit"]'))
        refused(tab)
        sign_out(tab, tally, OFFICER)
        return inbox


def finance_approves_and_publishes(tab, tally: Tally, figure_pks: list[int], publish_pks: list[int]) -> None:
    with tally.timed(FINANCE):
        sign_in(tab, tally, FINANCE)
        approve_in_bulk(tab, tally, figure_pks, [])
        for pk in publish_pks:
            tally.click(FINANCE, tab.locator(f'#to-publish tr[data-figure="{pk}"] button[type="submit"]'))
        sign_out(tab, tally, FINANCE)


def public_reads(tab, tally: Tally, url: str) -> str:
    with tally.timed(PUBLIC):
        tab.goto(url)
        return tab.locator("main").inner_text()


def run(tab, tally: Tally, tmp: Path):
    """The whole cycle, stage by stage: yields ``(stage, state)`` after each, the state being the
    entries it made or changed (read from the database), for the test to check; the benchmark just
    runs it through."""
    agency = Agency.objects.get(name="Sở Công Thương")
    task = Task.objects.get(document__number="86/KH-UBND", number=16)
    officer_enters_through_the_forms(tab, tally, agency.pk, task.pk)
    iip = ActualFigure.objects.get(indicator__key="iip", period="2025-07", is_current=True,
                                   reporting_agency=agency)
    update = TaskProgress.objects.get(task=task)
    yield "entered", {"iip": iip, "update": update}

    before = set(ActualFigure.objects.filter(indicator__key="exports").values_list("pk", flat=True))
    bad = officer_uploads_the_workbook(tab, tally, agency.pk, tmp)
    uploaded = list(ActualFigure.objects.filter(indicator__key="exports").exclude(pk__in=before))
    yield "uploaded", {"bad": bad, "preview": tab.locator("#upload-errors").inner_text(), "uploaded": uploaded}
    officer_signs_out(tab, tally)

    exported = uploaded[0]
    finance_returns_one_and_approves_in_bulk(tab, tally, exported.pk, [iip.pk], [update.pk])
    yield "reviewed", {"returned": ActualFigure.objects.get(pk=exported.pk),
                       "iip": ActualFigure.objects.get(pk=iip.pk), "update": TaskProgress.objects.get(pk=update.pk)}

    inbox = officer_corrects_and_resubmits(tab, tally, agency.pk, exported.pk)
    resubmitted = ActualFigure.objects.get(indicator__key="exports", period=exported.period, scope=exported.scope,
                                           is_current=True)
    yield "resubmitted", {"inbox": inbox, "resubmitted": resubmitted}

    finance_approves_and_publishes(tab, tally, [resubmitted.pk], [iip.pk, resubmitted.pk])
    yield "published", {"figures": list(ActualFigure.objects.filter(pk__in=[iip.pk, resubmitted.pk]))}

    yield "public", {"text": public_reads(tab, tally, f"/?as_of={AS_OF}")}
