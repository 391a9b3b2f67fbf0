"""The main menu: each app registers its pages here (from its ``AppConfig.ready``), with who sees them.

    navigation.register(MenuItem("tasks", _("Tasks"), "tasks:list", weight=30, visible=roles.sees_plan))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class MenuItem:
    key: str
    label: str
    url_name: str
    weight: int = 100
    visible: Callable | None = None  # visible(user) -> bool; None: everyone


_ITEMS: dict[str, MenuItem] = {}


def register(item: MenuItem) -> None:
    _ITEMS[item.key] = item


def menu_for(user) -> list[tuple[str, str, str]]:
    """(key, label, url) of the items the user may see, in order."""
    items = sorted(_ITEMS.values(), key=lambda i: (i.weight, i.key))
    return [(i.key, i.label, reverse(i.url_name)) for i in items if i.visible is None or i.visible(user)]
