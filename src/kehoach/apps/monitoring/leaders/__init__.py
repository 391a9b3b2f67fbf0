"""The leaders pages (see ``kehoach.apps.monitoring``)."""
