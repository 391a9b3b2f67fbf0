"""The indicators pages (see ``kehoach.apps.monitoring``)."""
