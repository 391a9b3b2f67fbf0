"""Every label of the reporting app, and of the models added to tasks, projects and organisations, is in Vietnamese."""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import override

MODELS = [
    ("reporting", None),
    ("tasks", "TaskProgress"),
    ("tasks", "ConditionEvent"),
    ("projects", "ProjectMilestone"),
    ("projects", "CapitalPlan"),
    ("projects", "Disbursement"),
    ("organisations", "Membership"),
]


def labels():
    out = [("reporting", apps.get_app_config("reporting").verbose_name)]
    for label, name in MODELS:
        config = apps.get_app_config(label)
        models = [m for m in config.get_models() if not m.__name__.startswith("Historical")]
        for model in models if name is None else [config.get_model(name)]:
            out += [(model.__name__, model._meta.verbose_name), (model.__name__, model._meta.verbose_name_plural)]
            for field in model._meta.get_fields():
                if field.auto_created or field.name == "id":
                    continue
                out.append((f"{model.__name__}.{field.name}", field.verbose_name))
                out += [(f"{model.__name__}.{field.name} choice", c) for _v, c in field.choices or []]
    out.append(("Agency.email", apps.get_model("organisations", "Agency")._meta.get_field("email").verbose_name))
    return out


def test_every_label_has_a_vietnamese_translation():
    untranslated = []
    for where, label in labels():
        with override("en"):
            english = str(label)
        with override("vi"):
            vietnamese = str(label)
        if vietnamese == english and any(c.isalpha() for c in english):
            untranslated.append(f"{where}: {english}")
    assert untranslated == []
