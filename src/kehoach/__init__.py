"""kehoach: plan monitoring for Vietnamese city and provincial governments."""

__version__ = "0.1.0"
