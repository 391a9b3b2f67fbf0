"""Server time of the main pages: Tổng quan, Chỉ tiêu (GRDP) and Nhiệm vụ, and their query counts.

The seed plan (the two sample documents) with a year of figures: the published 2025 figures,
plus an approved figure for every month, quarter and cumulative period of the trajectory (its
value x 0,97) up to 31/12/2025. Each page is requested 200 times through Django's test client
as Sở Tài chính, as of 31/12/2025; printed: median and p95 in ms and the queries per request.
Then the plan is made larger (the tasks of 86/KH-UBND copied 5 times, 30 extra indicators with
trajectories) and the query counts are printed again: they must not grow.
Baseline in the same process: the login page (no data), so the ratios say what the data costs.
The process is settled as ``kehoach.site.wsgi`` settles a server (start-up objects frozen out
of the garbage collector's passes), and Django's debug mode is off, as in production (with it on, the growing query log makes the
garbage collector's passes longer and longer).
Run: python bench/bench_pages.py   (target: p95 under 150 ms; equal query counts)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["KEHOACH_DB"] = str(Path(tempfile.mkdtemp(prefix="kehoach-bench-")) / "bench.sqlite3")
os.environ.pop("DATABASE_URL", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "kehoach.site.settings"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

REQUESTS = 200
AS_OF = "2025-12-31"
PAGES = {"Tổng quan": "/?as_of=" + AS_OF, "Chỉ tiêu (GRDP)": "/indicators/grdp/?as_of=" + AS_OF,
         "Nhiệm vụ": "/tasks/?as_of=" + AS_OF}


def prepare() -> None:
    from io import StringIO

    from kehoach.apps.figures import services
    from kehoach.apps.indicators.models import ScenarioValue
    from kehoach.domain.assessment.model import FigurePeriod

    call_command("demo", "--no-serve", stdout=StringIO())
    for s in ScenarioValue.objects.select_related("indicator").exclude(low=None):
        if s.indicator.actual_figures.filter(period=s.period, scope=s.scope).exists():
            continue
        value = s.low * 97 / 100
        recorded = services.record_figure(s.indicator, s.period, s.scope, comparator="=", low=value, high=value,
                                          text=str(value), source="bench", status="approved",
                                          published=FigurePeriod.parse(s.period).end)
        del recorded


def enlarge() -> None:
    from kehoach.apps.indicators.models import Indicator, ScenarioValue
    from kehoach.apps.tasks.models import Task

    tasks = list(Task.objects.filter(document__number="86/KH-UBND").prefetch_related("lead", "support"))
    top = max(t.number for t in tasks)
    for copy in range(1, 6):
        for task in tasks:
            lead, support = list(task.lead.all()), list(task.support.all())
            task.pk = None
            task.number = top * copy + task.number
            task.save()
            task.lead.set(lead)
            task.support.set(support)
    template = Indicator.objects.get(key="port_cargo")
    scenarios = list(template.scenario_values.all())
    for n in range(30):
        extra = Indicator.objects.create(key=f"bench_{n}", name=f"Chỉ tiêu thử {n}", unit=template.unit,
                                         kind=template.kind, group=template.group)
        ScenarioValue.objects.bulk_create(
            ScenarioValue(indicator=extra, period=s.period, comparator=s.comparator, low=s.low, high=s.high,
                          text=s.text, document=s.document, scope=s.scope) for s in scenarios)


def measure(client: Client, url: str) -> tuple[float, float, int]:
    client.get(url)  # warm caches (charts, templates)
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(queries)


def main() -> None:
    setup_test_environment(debug=False)  # as in production: no query log kept per request
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    prepare()
    from django.contrib.auth import get_user_model

    from kehoach.apps.figures.models import ActualFigure
    from kehoach.apps.tasks.models import Task
    from kehoach.site.wsgi import settle

    client = Client()
    client.force_login(get_user_model().objects.get(username="stc"))
    for url in PAGES.values():
        client.get(url)
    settle()  # as the WSGI server does at start-up
    print(f"seed plan: {Task.objects.count()} tasks, {ActualFigure.objects.count()} figures; {REQUESTS} requests each")
    base_median, base_p95, _ = measure(Client(), "/accounts/login/")
    print(f"  {'baseline (login page)':<22} median {base_median:6.1f} ms  p95 {base_p95:6.1f} ms")
    counts = {}
    for name, url in PAGES.items():
        median, p95, queries = measure(client, url)
        counts[name] = queries
        print(f"  {name:<22} median {median:6.1f} ms  p95 {p95:6.1f} ms  queries {queries:3d}  "
              f"ratio to baseline {median / base_median:5.1f}x  (target p95 < 150 ms)")
    enlarge()
    print(f"larger plan: {Task.objects.count()} tasks, 30 more indicators")
    for name, url in PAGES.items():
        median, p95, queries = measure(client, url)
        same = "same" if queries == counts[name] else f"GREW from {counts[name]}"
        print(f"  {name:<22} median {median:6.1f} ms  p95 {p95:6.1f} ms  queries {queries:3d} ({same})")


if __name__ == "__main__":
    main()
