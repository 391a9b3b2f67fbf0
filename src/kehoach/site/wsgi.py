"""WSGI entry point: ``gunicorn kehoach.site.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")

application = get_wsgi_application()
