"""Checks every app's test_admin runs on its models: the admin pages load, in Vietnamese."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import override


def admin_url(model: type[models.Model], view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def vietnamese(text) -> str:
    with override("vi"):
        return str(text)


def check_changelist(client, model: type[models.Model]) -> None:
    assert model in admin.site._registry, f"{model.__name__} is not in the admin"
    response = client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
    page = response.content.decode()
    assert capfirst(vietnamese(model._meta.verbose_name_plural)) in page
    for name in admin.site._registry[model].list_display:
        if name == "__str__":
            continue
        field = next((f for f in model._meta.fields if f.name == name), None)
        if field is not None:
            assert capfirst(vietnamese(field.verbose_name)) in page, f"column {name} is not in Vietnamese"


def check_search_and_filters(client, model: type[models.Model], query: str = "a") -> None:
    response = client.get(admin_url(model, "changelist"), {"q": query})
    assert response.status_code == 200


def check_object_pages(client, model: type[models.Model]) -> None:
    obj = model.objects.order_by("pk").first()
    assert obj is not None, f"no {model.__name__} stored for the check"
    assert client.get(admin_url(model, "change", obj.pk)).status_code == 200
    history = client.get(admin_url(model, "history", obj.pk))
    assert history.status_code == 200
    assert "Người thay đổi" in history.content.decode()  # django-simple-history's page, in Vietnamese
