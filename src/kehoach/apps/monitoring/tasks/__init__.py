"""The tasks pages (see ``kehoach.apps.monitoring``)."""
