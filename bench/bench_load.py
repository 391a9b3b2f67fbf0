"""Load on the production server: gunicorn on PostgreSQL, simulated people reading and writing at once.

On loopback only: a new PostgreSQL database ``kehoach_bench_<pid>`` on 127.0.0.1 (dropped at the
end), migrated, with the demo plan (``kehoach demo --no-serve``) and simulated accounts: officers
of several agencies (each agency that leads tasks and monitors indicators), leaders and Sở Tài
chính. ``kehoach serve`` starts gunicorn on a free loopback port (``--workers``), with the base
settings and debug off (``--settings`` chooses another module: the production settings require
HTTPS cookies, which plain loopback HTTP does not carry).

Then ``--users`` simulated people (default 50) work for ``--duration`` seconds (default 60), each
in its own thread with its own session. Each first signs in through the login form (CSRF token
from the page, as a browser does), then, until the time is up, with a pause of ``--think``
seconds on average between two actions:

- everyone reads Tổng quan ``/``, ``/indicators/``, ``/tasks/``, ``/projects/``;
- an officer also opens the agency's workspace and submits a figure of one of its indicators
  (form "figure-submit") or a progress update of one of its tasks ("progress-submit"); each
  submission carries a unique marker (figure: its source, progress: its note).

Printed: requests per second, p50/p95/p99 latency per kind of request and overall, and the
errors (any status other than the expected one, or no answer). Sign-ins are timed apart (they
happen before the measured window; password hashing is slow on purpose). Afterwards the
database is asked for every marker: each submission the server confirmed must be there exactly
once, and nothing else.

Run: python bench/bench_load.py [--users 50] [--duration 60] [--workers 4] [--think 1.0]
     (target: zero errors, p95 under 300 ms). The server's address is BENCH_PG
     (default postgres://postgres@127.0.0.1:5432/postgres): the host must be a loopback address.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
PASSWORD = "bench-Passw0rd-" + str(os.getpid())
READS = ["/", "/indicators/", "/tasks/", "/projects/"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="simulated people at once (default 50)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load (default 60)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between two actions of one person, seconds (default 1.0)")
    parser.add_argument("--port", type=int, default=0, help="loopback port of the server (default: a free one)")
    parser.add_argument("--settings", default="kehoach.site.settings",
                        help="settings module of the server (default: the base settings, debug off)")
    return parser.parse_args()


# -- the database -----------------------------------------------------------------------------------


def database_url(pid: int) -> tuple[str, str]:
    server = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(server)
    if parts.hostname not in LOOPBACK:
        raise SystemExit(f"BENCH_PG: the bench runs on loopback only, not on {parts.hostname}")
    name = f"kehoach_bench_{pid}"
    return urlunsplit(parts._replace(path=f"/{name}")), server


def drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Person:
    username: str
    role: str  # officer, leader, finance
    agency_pk: int | None = None
    indicators: list[str] = field(default_factory=list)
    tasks: list[int] = field(default_factory=list)
    slot: int = 0  # which period this officer reports (one per officer): two never write the same figure


def prepare(users: int) -> list[Person]:
    """Migrate, load the demo plan, create the simulated accounts (in this process, through Django)."""
    from io import StringIO

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count

    from kehoach.apps.accounts.roles import FINANCE_GROUP, LEADERS_GROUP
    from kehoach.apps.database import ensure_database
    from kehoach.apps.figures.entry import indicators_of
    from kehoach.apps.organisations.models import Agency, Membership
    from kehoach.apps.tasks.entry import tasks_of

    ensure_database()
    call_command("demo", "--no-serve", stdout=StringIO())
    agencies = [
        a for a in Agency.objects.annotate(n=Count("monitored_indicators", distinct=True)).filter(n__gt=0).order_by("-n")
        if tasks_of(a).exists()
    ][:6]
    if not agencies:
        raise SystemExit("the demo plan has no agency that monitors indicators and leads tasks")
    User = get_user_model()
    finance, leaders = Group.objects.get(name=FINANCE_GROUP), Group.objects.get(name=LEADERS_GROUP)
    hashed = User(username="x")
    hashed.set_password(PASSWORD)
    people: list[Person] = []
    officers = max(1, users * 3 // 5)
    for i in range(users):
        username = f"bench{i:03d}"
        user = User.objects.create(username=username, password=hashed.password, is_active=True)
        if i < officers:
            agency = agencies[i % len(agencies)]
            Membership.objects.create(user=user, agency=agency)
            people.append(Person(username, "officer", agency.pk,
                                 list(indicators_of(agency).values_list("key", flat=True)),
                                 list(tasks_of(agency).values_list("pk", flat=True)), slot=i))
        elif i % 2:
            user.groups.add(leaders)
            people.append(Person(username, "leader"))
        else:
            user.groups.add(finance)
            user.is_staff = True
            user.save()
            people.append(Person(username, "finance"))
    connection.close()
    return people


# -- the server ---------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, workers: int, settings: str, environ: dict[str, str]) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--settings", settings],
        env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"kehoach serve ended: {server.stderr.read()}")
        try:
            requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=5).raise_for_status()
            return server
        except requests.RequestException:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("kehoach serve did not answer within 120 s")


# -- the simulated people -----------------------------------------------------------------------------


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    figures: list[str] = field(default_factory=list)  # markers of the figures the server confirmed
    progress: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, error: str | None = None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if error:
                self.errors[kind].append(error)


class Visitor:
    def __init__(self, base: str, person: Person, results: Results, run: str, think: float):
        self.base, self.person, self.results, self.run, self.think = base, person, results, run, think
        self.session = requests.Session()
        self.random = random.Random(person.username)
        self.sequence = 0

    def request(self, kind: str, method: str, path: str, expect: int, **kwargs) -> requests.Response | None:
        start = time.perf_counter()
        try:
            response = self.session.request(method, self.base + path, allow_redirects=False, timeout=60, **kwargs)
        except requests.RequestException as exc:
            self.results.record(kind, time.perf_counter() - start, f"{path}: {type(exc).__name__}")
            return None
        elapsed = time.perf_counter() - start
        error = None if response.status_code == expect else f"{method} {path}: {response.status_code}"
        if error and response.status_code == 200:
            found = re.search(r'class="errorlist[^"]*"[^>]*>\s*<li>([^<]+)', response.text)
            error += f" ({found.group(1).strip() if found else 'the form came back'})"
        self.results.record(kind, elapsed, error)
        return response if error is None else None

    def sign_in(self) -> bool:
        page = self.request("login page", "GET", "/accounts/login/", 200)
        token = CSRF.search(page.text).group(1) if page is not None else ""
        done = self.request("login", "POST", "/accounts/login/", 302,
                            data={"username": self.person.username, "password": PASSWORD,
                                  "csrfmiddlewaretoken": token}, headers={"Referer": self.base + "/accounts/login/"})
        return done is not None

    def marker(self, kind: str) -> str:
        self.sequence += 1
        return f"bench {self.run} {kind} {self.person.username} #{self.sequence}"

    def workspace(self) -> str | None:
        page = self.request("workspace", "GET", f"/agencies/{self.person.agency_pk}/workspace/", 200)
        found = CSRF.search(page.text) if page is not None else None
        return found.group(1) if found else None

    def submit_figure(self) -> None:
        token = self.workspace()
        if token is None:
            return
        marker = self.marker("figure")
        key = self.person.indicators[self.sequence % len(self.person.indicators)]
        data = {"action": "figure-submit", "csrfmiddlewaretoken": token, "fig-indicator": key,
                "fig-period": f"{2025 + self.person.slot // 12}-{self.person.slot % 12 + 1:02d}", "fig-value": f"{100 + self.sequence},5",
                "fig-qualifier": "ước", "fig-unit": "", "fig-comparison": "", "fig-scope": "",
                "fig-source": marker, "fig-published": "", "fig-cause": "Mô phỏng tải",
                "fig-difficulties": "Không có", "fig-proposals": "Không có"}
        if self.request("submit figure", "POST", f"/agencies/{self.person.agency_pk}/workspace/figures/", 302,
                        data=data) is not None:
            with self.results.lock:
                self.results.figures.append(marker)

    def submit_progress(self) -> None:
        token = self.workspace()
        if token is None:
            return
        marker = self.marker("progress")
        task = self.person.tasks[(self.person.slot + self.sequence) % len(self.person.tasks)]
        data = {"action": "progress-submit", "csrfmiddlewaretoken": token, "prog-task": task,
                "prog-on": time.strftime("%Y-%m-%d"), "prog-status": "in_progress",
                "prog-percent": str(self.sequence % 100), "prog-note": marker, "prog-evidence_reference": "",
                "prog-cause": "Mô phỏng tải", "prog-difficulties": "Không có", "prog-proposals": "Không có",
                "prog-draft": ""}
        if self.request("submit progress", "POST", f"/agencies/{self.person.agency_pk}/workspace/progress/", 302,
                        data=data) is not None:
            with self.results.lock:
                self.results.progress.append(marker)

    def work(self, start: threading.Barrier, deadline: list[float]) -> None:
        signed_in = self.sign_in()
        start.wait()
        if not signed_in:
            return
        while time.monotonic() < deadline[0]:
            time.sleep(self.random.expovariate(1 / self.think) if self.think > 0 else 0)
            if time.monotonic() >= deadline[0]:
                break
            draw = self.random.random()
            if self.person.role == "officer" and self.person.indicators and draw < 0.2:
                self.submit_figure()
            elif self.person.role == "officer" and self.person.tasks and draw < 0.4:
                self.submit_progress()
            else:
                path = self.random.choice(READS)
                self.request(path, "GET", path, 200)


# -- report -------------------------------------------------------------------------------------------


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return (values[0],) * 3 if values else (0.0, 0.0, 0.0)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def report(results: Results, seconds: float) -> int:
    measured = {k: v for k, v in results.latencies.items() if k not in ("login", "login page")}
    print(f"\n{'request':<18}{'count':>8}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind in [*sorted(measured), "login page", "login"]:
        values = results.latencies.get(kind, [])
        p50, p95, p99 = percentiles(values)
        print(f"{kind:<18}{len(values):>8}{len(results.errors.get(kind, [])):>8}"
              f"{p50 * 1000:>9.0f}{p95 * 1000:>9.0f}{p99 * 1000:>9.0f}")
    everything = [v for values in measured.values() for v in values]
    errors = sum(len(results.errors.get(kind, [])) for kind in results.latencies)
    p50, p95, p99 = percentiles(everything)
    print(f"{'overall (no login)':<18}{len(everything):>8}"
          f"{sum(len(results.errors.get(k, [])) for k in measured):>8}{p50 * 1000:>9.0f}{p95 * 1000:>9.0f}"
          f"{p99 * 1000:>9.0f}")
    print(f"\n{len(everything) / seconds:.1f} requests per second over {seconds:.1f} s; {errors} error(s)")
    for kind, messages in sorted(results.errors.items()):
        for message in sorted(set(messages))[:5]:
            print(f"  {kind}: {message} (x{messages.count(message)})")
    return errors


def check_submissions(results: Results, run: str) -> int:
    """Every submission the server confirmed is in the database exactly once; no other one is."""
    from django.db import connection

    from kehoach.apps.figures.models import ActualFigure
    from kehoach.apps.tasks.models import TaskProgress

    connection.close()
    problems = 0
    for label, confirmed, stored in (
        ("figures", results.figures, ActualFigure.objects.filter(source__startswith=f"bench {run} ")
         .values_list("source", flat=True)),
        ("progress updates", results.progress, TaskProgress.objects.filter(note__startswith=f"bench {run} ")
         .values_list("note", flat=True)),
    ):
        stored = list(stored)
        counts = {marker: stored.count(marker) for marker in set(stored) | set(confirmed)}
        missing = [m for m in confirmed if counts[m] == 0]
        doubled = [m for m, n in counts.items() if n > 1]
        unconfirmed = sorted(set(stored) - set(confirmed))
        print(f"{label}: {len(confirmed)} confirmed, {len(stored)} in the database, {len(missing)} missing, "
              f"{len(doubled)} stored twice or more, {len(unconfirmed)} stored without confirmation")
        problems += len(missing) + len(doubled) + len(unconfirmed)
    return problems


def main() -> int:
    args = parse_args()
    run = f"{os.getpid()}-{int(time.time())}"
    url, server_url = database_url(os.getpid())
    os.environ.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="kehoach.site.settings", KEHOACH_DEBUG="0")
    sys.path.insert(0, str(ROOT / "src"))
    static = tempfile.mkdtemp(prefix="kehoach-bench-static-")
    server = None
    try:
        started = time.perf_counter()
        people = prepare(args.users)
        roles = {role: sum(p.role == role for p in people) for role in ("officer", "leader", "finance")}
        agencies = len({p.agency_pk for p in people if p.agency_pk})
        print(f"database {urlsplit(url).path[1:]}: demo plan and {len(people)} accounts ({roles['officer']} officers "
              f"of {agencies} agencies, {roles['leader']} leaders, {roles['finance']} Sở Tài chính) "
              f"in {time.perf_counter() - started:.1f} s")
        port = args.port or free_port()
        environ = {**os.environ, "SECRET_KEY": "bench-" + "k" * 50, "ALLOWED_HOSTS": "127.0.0.1",
                   "KEHOACH_STATIC_ROOT": static}
        server = start_server(port, args.workers, args.settings, environ)
        cache = f"Redis {os.environ['REDIS_URL']}" if os.environ.get("REDIS_URL") else "the database's cache table"
        print(f"kehoach serve: gunicorn on 127.0.0.1:{port}, {args.workers} workers, settings {args.settings}, "
              f"shared cache: {cache}")
        results = Results()
        barrier = threading.Barrier(len(people) + 1)
        deadline = [float("inf")]
        visitors = [Visitor(f"http://127.0.0.1:{port}", p, results, run, args.think) for p in people]
        threads = [threading.Thread(target=v.work, args=(barrier, deadline), daemon=True) for v in visitors]
        for thread in threads:
            thread.start()
        barrier.wait()  # everyone signed in: the measured window starts
        begin = time.monotonic()
        deadline[0] = begin + args.duration
        print(f"{len(people)} people signed in; {args.duration:.0f} s of load, {args.think:.1f} s pause on average")
        for thread in threads:
            thread.join(timeout=args.duration + 120)
        seconds = time.monotonic() - begin
        errors = report(results, seconds)
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        problems = check_submissions(results, run)
        measured = [v for k, vs in results.latencies.items() if k not in ("login", "login page") for v in vs]
        p95 = percentiles(measured)[1] * 1000
        print(f"target: zero errors ({'met' if errors == 0 else 'NOT met'}), p95 under 300 ms "
              f"({'met' if p95 < 300 else 'NOT met'}: {p95:.0f} ms), every submission exactly once "
              f"({'met' if problems == 0 else 'NOT met'})")
        return 0 if errors == 0 and problems == 0 else 1
    finally:
        if server is not None and server.poll() is None:
            server.kill()
            server.wait()
        from django.db import connections

        connections.close_all()
        drop_database(server_url, urlsplit(url).path[1:])


if __name__ == "__main__":
    sys.exit(main())
