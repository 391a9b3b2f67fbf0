"""How ``kehoach-e43ee11.zip`` was made: a backup taken by kehoach at commit e43ee11, before the
review workflow (figures had ``status``, progress updates ``workflow``; no "returned").

Run against a checkout of that commit (its ``src`` and ``tests`` first on the path), with a new
SQLite database::

    git archive e43ee11 | tar -x -C /tmp/old
    cd /tmp/old && KEHOACH_DB=/tmp/old.sqlite3 KEHOACH_MEDIA_ROOT=/tmp/old-media \\
        PYTHONPATH=/tmp/old/src:/tmp/old python /path/to/make_e43ee11_backup.py
    KEHOACH_DB=/tmp/old.sqlite3 KEHOACH_MEDIA_ROOT=/tmp/old-media PYTHONPATH=/tmp/old/src \\
        python -m kehoach backup tests/apps/backup/old/kehoach-e43ee11.zip

The data: the demo plan and history of every kind (``tests.apps.databases.load_demo_plan_with_history``
of that commit: an approved figure and its draft revision, an approved progress update with an
evidence file), plus a figure waiting in each state (draft, submitted) and progress updates in
each state, one submitted by ``kehoach progress import`` (no submitting user).
"""

import os
import sys
from datetime import date
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")
import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from kehoach.site.database import ensure_database  # noqa: E402

ensure_database()

from kehoach.apps.figures import services as figures  # noqa: E402
from kehoach.apps.indicators.models import Indicator  # noqa: E402
from kehoach.apps.organisations.models import Membership  # noqa: E402
from kehoach.apps.tasks import services as tasks  # noqa: E402
from kehoach.apps.tasks.models import Task  # noqa: E402
from tests.apps.databases import load_demo_plan_with_history  # noqa: E402

load_demo_plan_with_history()
users = get_user_model().objects.in_bulk(field_name="username")
officer = users["congthuong"]
with transaction.atomic():
    agency = Membership.objects.get(user=officer).agency
    indicators = list(Indicator.objects.filter(monitoring_agencies=agency).order_by("pk"))
    submitted = figures.record_figure(
        indicators[0], "2025-06", "Hải Phòng", low=Decimal("99.25"), high=Decimal("99.25"), text="99,25",
        source="Báo cáo tháng 6", entered_by=officer, cause="Thiếu đơn hàng", difficulties="Giá nguyên liệu",
        proposals="Hỗ trợ xúc tiến thương mại",
    ).figure
    figures.submit(submitted, officer, rating="cham")
    figures.record_figure(indicators[-1], "2025-Q2", "Hải Phòng", low=Decimal("12"), high=Decimal("12"), text="12",
                          entered_by=officer)
    led = list(Task.objects.filter(lead=agency).order_by("pk"))
    tasks.record_progress(led[1], on=date(2025, 6, 1), status="in_progress", percent=20, note="Bản nháp", user=officer)
    waiting = tasks.record_progress(led[2], on=date(2025, 6, 2), status="in_progress", percent=55,
                                    note="Đang thẩm định", user=officer, cause="Chờ ý kiến", difficulties="Hồ sơ",
                                    proposals="Gia hạn")
    tasks.submit_progress(waiting, officer, as_of=date(2025, 6, 2))
    imported = tasks.record_progress(led[3], on=date(2025, 6, 3), status="completed", completed_on=date(2025, 6, 3),
                                     note="Nhập bằng lệnh", cause="-", difficulties="-", proposals="-")
    tasks.submit_progress(imported, None, as_of=date(2025, 6, 3))  # as kehoach progress import does
print("made", file=sys.stderr)
