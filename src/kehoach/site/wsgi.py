"""WSGI entry point: ``gunicorn kehoach.site.wsgi``.

``settle()`` loads what every request needs (the URL configuration with every view, matplotlib
for the charts) and then freezes the objects loaded so far out of the garbage collector's passes:
they live as long as the process, and scanning them again and again made every few requests
~80 ms slower (bench/bench_pages.py).
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")


def settle() -> None:
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every app's views
    import matplotlib.figure  # noqa: F401 - the charts' renderer

    gc.collect()
    gc.freeze()


application = get_wsgi_application()
settle()
