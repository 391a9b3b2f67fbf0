"""Django apps: thin adapters that persist and show what :mod:`kehoach.domain` produces.

Every app has the same rooms: ``apps.py``, ``models.py``, ``admin.py``, ``migrations/``,
and its tests in ``tests/apps/<app>/``.
"""
