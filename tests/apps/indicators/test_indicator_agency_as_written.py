"""The indicator's agency cell ("Cơ quan theo dõi", "Chủ trì") is stored exactly as the document writes it
and shown on the indicator page beside the canonical agencies it was understood to name, as the task
page shows a task's agency cell."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from kehoach.apps.indicators.models import Indicator

pytestmark = pytest.mark.django_db

ONLINE = "Tỷ lệ hồ sơ trực tuyến toàn trình"
WRITTEN = "VP UBND tỉnh, các sở ngành liên quan"


def import_plan(tmp_path, cell: str = WRITTEN):
    path = tmp_path / "ke-hoach-55.txt"
    path.write_text("\n".join([
        "Số: 55/KH-UBND", "", "Bắc Ninh, ngày 24 tháng 11 năm 2025", "", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "",
        "TT\tChỉ tiêu\tĐơn vị\tKết quả\tCơ quan theo dõi", f"1\t{ONLINE}\t%\t80\t{cell}", "", "Nơi nhận:"]) + "\n",
        encoding="utf-8")
    call_command("import", str(path), stdout=StringIO())
    return Indicator.objects.get(name=ONLINE)


def test_the_agency_cell_is_stored_as_written_next_to_the_agencies(tmp_path):
    indicator = import_plan(tmp_path)

    assert indicator.lead_text == WRITTEN
    assert WRITTEN not in set(indicator.monitoring_agencies.values_list("name", flat=True))
    assert indicator.monitoring_agencies.count() == 2


def test_the_indicator_page_shows_the_cell_as_written_and_what_it_was_understood_as(tmp_path, people, login):
    indicator = import_plan(tmp_path)

    html = login(people["leader"]).get(indicator.get_absolute_url()).content.decode()

    agencies = html[html.index('id="indicator-agencies"'):]
    agencies = agencies[:agencies.index("</span></span>")]
    assert f"<q>{WRITTEN}</q>" in agencies
    understood = "; ".join(a.name for a in indicator.monitoring_agencies.all())
    assert "Được hiểu là" in agencies and all(a.name in agencies for a in indicator.monitoring_agencies.all())
    assert understood != WRITTEN


def test_an_empty_cell_in_a_later_document_keeps_the_written_text(tmp_path):
    import_plan(tmp_path)

    indicator = import_plan(tmp_path, cell="")

    assert indicator.lead_text == WRITTEN
