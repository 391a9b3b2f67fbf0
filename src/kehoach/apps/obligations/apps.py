from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObligationsConfig(AppConfig):
    """Reporting obligations: what each agency owes and when, its submissions, reminders.

    The package was called ``reporting`` (next to ``reports``, the report files). The app label
    stays ``reporting`` on purpose: it names the tables (``reporting_*`` and their history
    tables), the content types and permissions (``reporting.change_reportingobligation``), the
    migrations already applied on every server, and the model labels inside every backup archive
    written so far (``reporting.submission``). Keeping it keeps all of them valid without a data
    migration; only the Python package says what the app holds (docs/architecture.md).
    """

    name = "kehoach.apps.obligations"
    label = "reporting"
    verbose_name = _("Reporting")
