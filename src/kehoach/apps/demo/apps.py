from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """``kehoach demo``: the sample documents, the published 2025 figures, the reporting duties, one
    account per role and the development server, in one command. No models: it loads everything
    through the other apps, so it sits in the top layer (docs/architecture.md)."""

    name = "kehoach.apps.demo"
    label = "demo"
    verbose_name = _("Demo")
