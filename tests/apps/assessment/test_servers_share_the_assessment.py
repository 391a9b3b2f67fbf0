"""Server processes share the assessment (kehoach.apps.assessment.shared): one process computes it
per data version, the others take it from the cache (Redis with REDIS_URL, else the database's
cache table); a change committed by any process is seen by the next request of every other one.
While a process computes a version, another one serves the assessment it had, marked stale, or
waits when it has none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date

import pytest
from django.core.cache import caches

from kehoach.apps.assessment import shared
from tests.apps.conftest import BAO_CAO_619, KE_HOACH_86
from tests.apps.databases import ROOT, new_database

AS_OF = "2025-08-06"
FIGURES = "indicator,period,value,scope,source,published\ngrdp,2025-H1,\"11,04\",HP cũ,test,2025-07-06\n"


def _environ(env: dict[str, str]) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KEHOACH_DB", "DJANGO_SETTINGS_MODULE")}
    environ.update(env)
    environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environ.get("PYTHONPATH", "")]))
    return environ


def kehoach(env, *args: str) -> None:
    done = subprocess.run([str(os.path.join(os.path.dirname(sys.executable), "kehoach")), *args], env=_environ(env),
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


class Server:
    """A long-running process that answers ``current_assessment`` per request (share_probe)."""

    def __init__(self, env):
        self.process = subprocess.Popen([sys.executable, "-m", "tests.apps.assessment.share_probe"],
                                        env=_environ(env), cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)

    def request(self) -> dict:
        self.process.stdin.write(AS_OF + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the probe process ended"
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.fixture
def database(tmp_path):
    with new_database(tmp_path, "shared") as env:
        kehoach(env, "import", str(BAO_CAO_619), str(KE_HOACH_86))
        yield env


def test_one_process_computes_and_every_other_sees_a_change_within_one_request(database, tmp_path):
    first, second = Server(database), Server(database)
    try:
        a = first.request()
        assert a["computed"] == 1 and not a["stale"]
        b = second.request()
        assert b == {"computed": 0, "figures": a["figures"], "stale": False}  # taken from the shared cache

        figures = tmp_path / "grdp.csv"
        figures.write_text(FIGURES, encoding="utf-8")
        kehoach(database, "actuals", "import", str(figures))  # a third process commits a change

        a2 = first.request()
        assert a2["figures"] == a["figures"] + 1 and a2["computed"] == 2 and not a2["stale"]
        b2 = second.request()
        assert b2 == {"computed": 0, "figures": a["figures"] + 1, "stale": False}
    finally:
        first.close()
        second.close()


# The lock, in one process: another process is simulated by taking its lock in the cache.

@pytest.fixture
def cache_layer(transactional_db):
    layer = shared.SharedCache(alias="database")
    yield layer
    caches["database"].clear()


def test_while_another_process_computes_the_previous_assessment_is_served_marked(cache_layer):
    day = date(2025, 8, 6)
    old = cache_layer.get(day, ("e", 1), lambda _: "assessment of version 1")
    assert old == ("assessment of version 1", True)
    caches["database"].add(shared._lock_key(day, ("e", 2)), 999, timeout=60)  # another process computes 2
    computed = []
    value, fresh = cache_layer.get(day, ("e", 2), lambda d: computed.append(d) or "mine")
    assert (value, fresh) == ("assessment of version 1", False)
    assert computed == []


def test_without_a_previous_assessment_a_process_waits_for_the_one_being_computed(cache_layer):
    day = date(2025, 8, 6)
    caches["database"].add(shared._lock_key(day, ("e", 2)), 999, timeout=60)

    def other_process_finishes():
        time.sleep(0.3)
        cache_layer._write(day, shared.Entry(("e", 2), time.time(), "computed elsewhere"))

    thread = threading.Thread(target=other_process_finishes)
    thread.start()
    computed = []
    value = cache_layer.get(day, ("e", 2), lambda d: computed.append(d) or "mine")
    thread.join()
    assert value == ("computed elsewhere", True)
    assert computed == []


def test_the_next_version_is_computed_once_and_kept_for_everyone(cache_layer):
    day = date(2025, 8, 6)
    computed = []
    assert cache_layer.get(day, ("e", 3), lambda d: computed.append(d) or "v3") == ("v3", True)
    assert cache_layer.get(day, ("e", 3), lambda d: computed.append(d) or "again") == ("v3", True)
    assert computed == [day]
    assert cache_layer.get(day, ("e", 4), lambda d: computed.append(d) or "v4") == ("v4", True)
    assert len(computed) == 2
