"""Running the installed ``kehoach`` command as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

KEHOACH = Path(sys.executable).with_name("kehoach")


def run_kehoach(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "KEHOACH_DB", "DJANGO_SETTINGS_MODULE")}
    environ.update(env or {})
    return subprocess.run(
        [str(KEHOACH), *args], env=environ, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=300
    )
