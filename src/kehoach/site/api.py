"""The JSON API under /api/v1/ (django-ninja): one ``NinjaAPI``, each app's router added here.

It sits with the project (``kehoach.site``, the top layer) because it gathers every app's router;
``kehoach.apps.api`` holds what the routers share (authentication, tokens, errors, pagination).

Authentication (:mod:`kehoach.apps.api.auth`) applies to every operation unless it says
``auth=None`` (the public figures); each operation asks :mod:`kehoach.apps.accounts.roles`
whether the caller may read or change what it names, as the web page does. The OpenAPI
document is /api/v1/openapi.json, the interactive documentation /api/v1/docs (Swagger UI from
django-ninja's own static files: nothing from the internet).
"""

from ninja import NinjaAPI, Swagger

from kehoach.apps.api import errors
from kehoach.apps.api.auth import AUTH
from kehoach.apps.assessment.api import router as assessment
from kehoach.apps.documents.api import router as documents
from kehoach.apps.figures.api import public_router
from kehoach.apps.figures.api import router as figures
from kehoach.apps.indicators.api import router as indicators
from kehoach.apps.monitoring.tasks.api import router as tasks
from kehoach.apps.organisations.api import router as organisations
from kehoach.apps.projects.api import router as projects
from kehoach.apps.reports.api import router as reports

api = NinjaAPI(
    title="kehoach API",
    version="1",
    description="Plan monitoring: documents, agencies, indicators, figures, tasks, projects, the assessment "
                "and the reports. See docs/api.md.",
    urls_namespace="api",
    auth=AUTH,
    docs=Swagger(),
)
errors.install(api)


ROUTERS = [
    ("/documents/", documents), ("/", organisations), ("/indicators/", indicators), ("/figures/", figures),
    ("/public/", public_router), ("/tasks/", tasks), ("/projects/", projects), ("/assessment/", assessment),
    ("/reports/", reports),
]

for prefix, router in ROUTERS:
    api.add_router(prefix, router)
