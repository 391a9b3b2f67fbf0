from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanImportConfig(AppConfig):
    """Storing a parsed document: the plan (indicators, tasks, projects) written with its Document.

    Above the plan, since the plan's rows point back at their Document; no models of its own (the
    Document, its warnings and staged uploads stay in ``documents``, below the plan)."""

    name = "kehoach.apps.plan_import"
    label = "plan_import"
    verbose_name = _("Documents")
