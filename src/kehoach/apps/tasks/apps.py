from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TasksConfig(AppConfig):
    name = "kehoach.apps.tasks"
    label = "tasks"
    verbose_name = _("Tasks")

    def ready(self) -> None:
        # Imported here, not at the top: these modules import models, which Django loads only after
        # every app config (AppRegistryNotReady otherwise); not to dodge an import cycle.
        from django.db.models.signals import m2m_changed, post_save

        from kehoach.apps.accounts import roles
        from kehoach.apps.organisations.models import Agency, Leader
        from kehoach.apps.tasks import services
        from kehoach.apps.tasks.models import Task
        from kehoach.web.navigation import MenuItem, register

        register(MenuItem("tasks", _("Tasks"), "tasks:list", weight=30, visible=roles.sees_plan))
        register(MenuItem("leaders", _("Leaders"), "organisations:leader-home", weight=60, visible=roles.sees_plan))

        # Task.search_text follows the task's agencies and the names of its agencies and leader.
        for through in (Task.lead.through, Task.support.through):
            m2m_changed.connect(services.agencies_changed, sender=through, dispatch_uid=f"search-{through.__name__}")
        for model in (Agency, Leader):
            post_save.connect(services.names_changed, sender=model, dispatch_uid=f"search-{model.__name__}")
