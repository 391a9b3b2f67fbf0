"""The Django project: settings, URLs and the WSGI entry point of kehoach's web side."""
