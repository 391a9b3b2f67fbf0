"""The projects pages (see ``kehoach.apps.monitoring``)."""
