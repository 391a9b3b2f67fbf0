"""Every label of the models is translated to Vietnamese, and the admin shows it."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.utils.translation import override

KEHOACH_APPS = ["organisations", "documents", "indicators", "tasks", "projects"]


def labels() -> list[tuple[str, str]]:
    """(where, English label) of every app, model, field and choice of kehoach's apps."""
    out = []
    for label in KEHOACH_APPS:
        config = apps.get_app_config(label)
        out.append((label, config.verbose_name))
        for model in config.get_models():
            if model.__name__.startswith("Historical"):
                continue
            name = model.__name__
            out += [(name, model._meta.verbose_name), (name, model._meta.verbose_name_plural)]
            for field in model._meta.get_fields():
                if field.auto_created or field.name == "id":
                    continue
                out.append((f"{name}.{field.name}", field.verbose_name))
                for _value, choice in field.choices or []:
                    if any(c.isalpha() for c in str(choice)):
                        out.append((f"{name}.{field.name} choice", choice))
    return out


def test_every_label_has_a_vietnamese_translation():
    untranslated = []
    for where, label in labels():
        with override("en"):
            english = str(label)
        with override("vi"):
            vietnamese = str(label)
        if vietnamese == english:
            untranslated.append(f"{where}: {english}")
    assert untranslated == []


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [("agencies", "cơ quan, đơn vị"), ("lead agencies", "cơ quan chủ trì"), ("Stretch target", "Phấn đấu")],
)
def test_compiled_catalogue_is_used(english, vietnamese):
    from django.utils.translation import gettext

    with override("vi"):
        assert gettext(english) == vietnamese


def test_admin_index_shows_vietnamese_labels(admin_client):
    page = admin_client.get("/admin/").content.decode()
    for label in ["Cơ quan, đơn vị", "Văn bản", "Chỉ tiêu kế hoạch", "Nhiệm vụ", "Dự án", "Lãnh đạo"]:
        assert label in page
    assert "quản trị" in page and '<html lang="vi"' in page  # Django's own admin strings are Vietnamese too


def test_the_committed_mo_file_is_compiled_from_the_po_file():
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    from kehoach.site.settings import LOCALE_PATHS

    folder = LOCALE_PATHS[0] / "vi" / "LC_MESSAGES"
    with open(folder / "django.po", "rb") as po, open(folder / "django.mo", "rb") as mo:
        source, compiled = read_po(po), read_mo(mo)

    def hashable(text):  # plural forms come as lists
        return text if isinstance(text, str) else tuple(text)

    def entries(catalog) -> dict:
        return {hashable(m.id): hashable(m.string) for m in catalog if m.id and m.string}

    assert entries(compiled) == entries(source)
