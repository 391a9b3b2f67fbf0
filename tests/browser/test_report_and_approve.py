"""The monthly cycle in a real browser: an officer of Sở Công Thương enters and submits a figure
and a task update; an officer of another agency can neither open nor post to that agency's forms;
Sở Tài chính approves; Tổng quan's rating and the task's status change; the leader's page lists the
overdue tasks. Screenshots of the main pages are saved as artefacts.

The figure is the official 6-month IIP (116,5, replacing the estimate 115,01): against the
trajectory's 116,2 it turns the indicator from Chậm to Đạt/vượt kịch bản. The task is no. 16 of
Kế hoạch 86/KH-UBND (Quy chế quản lý cụm công nghiệp, due 30/06/2025, overdue on 06/08/2025),
reported done on 15/07/2025: it becomes Hoàn thành quá hạn.
"""

from __future__ import annotations

import re

import pytest

from kehoach.apps.figures.models import ActualFigure
from kehoach.apps.organisations.models import Agency
from kehoach.apps.tasks.models import Task, TaskProgress
from tests.browser.conftest import shoot, sign_in, sign_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AS_OF = "2025-08-06"


def tile_rating(page, key: str) -> str:
    return page.locator(f'article[data-indicator="{key}"]').get_attribute("data-rating")


def overdue_numbers(page) -> list[str]:
    return [cell.strip() for cell in page.locator("#overdue tbody tr td:first-child").all_inner_texts()]


def test_an_officer_reports_finance_approves_and_the_dashboard_follows(page, people):
    agency = Agency.objects.get(name="Sở Công Thương")
    task = Task.objects.get(document__number="86/KH-UBND", number=16)

    # Before: IIP is behind, task 16 is overdue.
    sign_in(page, "lanhdao")
    page.goto(f"/?as_of={AS_OF}")
    assert tile_rating(page, "iip") == "cham"
    assert "16" in overdue_numbers(page)
    page.goto(f"/agencies/leaders/?as_of={AS_OF}")
    assert "Hoàng Minh Cường" in page.locator("h1").inner_text()
    leader_page = page.content()
    assert re.search(r"Trình Ủy ban nhân dân thành phố ban hành quyết định về Quy chế quản lý cụm", leader_page)
    shoot(page, "lanh-dao")
    sign_out(page)

    # The officer of Sở Công Thương enters the month's figure and the task update, and submits both.
    sign_in(page, "congthuong")
    page.get_by_role("link", name="Đơn vị").click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith(f"/agencies/{agency.pk}/workspace") or f"/agencies/{agency.pk}/" in page.url
    page.goto(f"/agencies/{agency.pk}/workspace/?as_of={AS_OF}")
    page.select_option("#id_fig-indicator", "iip")
    page.fill("#id_fig-period", "2025-H1")
    page.fill("#id_fig-value", "116,5")
    page.fill("#id_fig-source", "Chi cục Thống kê, báo cáo số 123/BC-CCTK ngày 05/08/2025")
    page.fill("#id_fig-published", "05/08/2025")
    page.locator('button[name="action"][value="figure-submit"]').click()
    page.wait_for_load_state()
    figure = ActualFigure.objects.get(indicator__key="iip", period="2025-H1", scope__contains="trước", is_current=True)
    assert (figure.review_status, figure.low, figure.version) == ("submitted", 116.5, 2)

    page.select_option("#id_prog-task", str(task.pk))
    page.fill("#id_prog-on", "15/07/2025")
    page.select_option("#id_prog-status", "completed")
    page.fill("#id_prog-percent", "100")
    page.fill("#id_prog-evidence_reference", "Quyết định số 25/2025/QĐ-UBND ngày 15/07/2025")
    page.fill("#id_prog-note", "Đã trình và được ban hành Quy chế quản lý cụm công nghiệp.")
    page.fill("#id_prog-cause", "Chờ ý kiến thẩm định của Sở Tư pháp.")
    page.fill("#id_prog-difficulties", "Hồ sơ phải lấy ý kiến nhiều sở, ngành.")
    page.fill("#id_prog-proposals", "Rút ngắn thời gian lấy ý kiến.")
    page.locator('button[name="action"][value="progress-submit"]').click()
    page.wait_for_load_state()
    update = TaskProgress.objects.get(task=task)
    assert (update.review_status, update.status) == ("submitted", "completed")
    shoot(page, "don-vi")
    sign_out(page)

    # An officer of another agency can neither open nor post to Sở Công Thương's forms.
    sign_in(page, "vanhoa")
    response = page.goto(f"/agencies/{agency.pk}/workspace/?as_of={AS_OF}")
    assert response.status in (403, 404)
    own = Agency.objects.get(name="Sở Văn hóa, Thể thao và Du lịch")
    page.goto(f"/agencies/{own.pk}/workspace/?as_of={AS_OF}")
    token = page.locator('input[name="csrfmiddlewaretoken"]').first.get_attribute("value")
    figures, updates = ActualFigure.objects.count(), TaskProgress.objects.count()
    posted = page.request.post(
        f"/agencies/{agency.pk}/workspace/figures/",
        form={"csrfmiddlewaretoken": token, "action": "figure", "fig-indicator": "iip", "fig-period": "2025-07",
              "fig-value": "200"},
        headers={"Referer": page.url},
    )
    assert posted.status in (403, 404)
    assert (ActualFigure.objects.count(), TaskProgress.objects.count()) == (figures, updates)
    sign_out(page)

    # Sở Tài chính approves both.
    sign_in(page, "stc")
    page.goto(f"/agencies/approvals/?as_of={AS_OF}")
    shoot(page, "duyet-so-lieu")
    page.locator(f'tr[data-figure="{figure.pk}"] button.primary').click()
    page.wait_for_load_state()
    page.locator(f'tr[data-progress="{update.pk}"] button.primary').click()
    page.wait_for_load_state()
    figure.refresh_from_db()
    update.refresh_from_db()
    assert (figure.review_status, update.review_status) == ("approved", "approved")

    # The dashboard follows: IIP is on track, task 16 is no longer overdue but done late.
    page.goto(f"/?as_of={AS_OF}")
    assert tile_rating(page, "iip") == "dat"
    assert "116,5" in page.locator('article[data-indicator="iip"]').inner_text()
    assert "16" not in overdue_numbers(page)
    shoot(page, "tong-quan-sau-duyet")
    page.goto(f"/tasks/{task.pk}/?as_of={AS_OF}")
    assert "Hoàn thành quá hạn" in page.locator("main").inner_text()
    shoot(page, "nhiem-vu-16")
    sign_out(page)

    # The leader's page still lists the tasks that are overdue.
    sign_in(page, "lanhdao")
    page.goto(f"/agencies/leaders/?as_of={AS_OF}")
    text = page.locator("main").inner_text()
    assert "Hoàn thiện" in text or "quá hạn" in text.lower()
    assert "Hoàn thành Đề án chuyển đổi xanh" in text  # task 80, overdue since 31/03/2025


@pytest.mark.parametrize(("name", "url"), [
    ("chi-tieu-grdp", "/indicators/grdp/"),
    ("chi-tieu", "/indicators/"),
    ("nhiem-vu", "/tasks/?q=giai+ngan"),
    ("du-an", "/projects/"),
    ("van-ban", "/documents/"),
    ("lich-su", "/history/"),
])
def test_the_main_pages_open_for_finance(page, people, name, url):
    sign_in(page, "stc")
    response = page.goto(f"{url}{'&' if '?' in url else '?'}as_of={AS_OF}")

    assert response.status == 200
    assert page.locator("h1").first.is_visible()
    shoot(page, name)
