"""`kehoach serve`: gunicorn answers pages and static files (whitenoise, debug off), then stops."""

from __future__ import annotations

import gzip
import os
import signal
import socket
import subprocess
import time
import urllib.request

from tests.apps.cli import KEHOACH, run_kehoach
from tests.apps.databases import new_database


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, **headers: str):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def wait_for(port: int, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"kehoach serve ended: {process.communicate()[1]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def test_serve_answers_a_page_and_a_static_file_then_stops(tmp_path):
    port = free_port()
    with new_database(tmp_path, "serve") as env:
        assert run_kehoach("migrate", "--verbosity", "0", env=env).returncode == 0
        environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KEHOACH_DB")}
        environ.update(env, KEHOACH_DEBUG="0", SECRET_KEY="a-test-secret-key-" + "x" * 40,
                       KEHOACH_STATIC_ROOT=str(tmp_path / "static"), ALLOWED_HOSTS="127.0.0.1")
        # The base settings with debug off; without --settings, serve uses kehoach.site.production.
        server = subprocess.Popen(
            [str(KEHOACH), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2",
             "--settings", "kehoach.site.settings"],
            env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            wait_for(port, server)

            status, _headers, page = get(f"http://127.0.0.1:{port}/accounts/login/")
            assert status == 200
            assert 'name="csrfmiddlewaretoken"' in page.decode()
            assert "/static/kehoach/kehoach.css" in page.decode()

            status, headers, css = get(f"http://127.0.0.1:{port}/static/kehoach/kehoach.css", **{"Accept-Encoding": "gzip"})
            assert status == 200
            assert headers["Content-Type"].startswith("text/css")
            assert headers.get("Content-Encoding") == "gzip"  # the compressed copy collectstatic made
            assert b"{" in gzip.decompress(css)
            assert (tmp_path / "static" / "kehoach" / "kehoach.css").is_file()
        finally:
            server.send_signal(signal.SIGTERM)
            out, err = server.communicate(timeout=60)
        assert server.returncode == 0, err
        assert f"gunicorn on 127.0.0.1:{port}, 2 worker(s)" in out
        assert "GET /accounts/login/" in out + err  # gunicorn's access log


def test_serve_refuses_zero_workers():
    done = run_kehoach("serve", "--workers", "0", "--settings", "kehoach.site.settings")

    assert done.returncode == 2
    assert "--workers: expected a number of processes of at least 1" in done.stderr
