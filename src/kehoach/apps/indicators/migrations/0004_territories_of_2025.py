"""The 2025 reorganisation (Nghị quyết 202/2025/QH15) as territory data: each merged province or city
from 01/07/2025 and the territories it was formed from, valid to 30/06/2025 (``domain.territories``)."""

from datetime import date

from django.db import migrations

from kehoach.domain.territories import MERGERS_2025, REORGANISATION_2025, scope_for

BEFORE = date(2025, 6, 30)


def forwards(apps, schema_editor):
    Territory = apps.get_model("indicators", "Territory")
    for successor, absorbed in MERGERS_2025.items():
        old, _ = Territory.objects.get_or_create(
            name=scope_for(successor, BEFORE), defaults={"place": successor, "valid_to": BEFORE})
        new, _ = Territory.objects.get_or_create(
            name=scope_for(successor, REORGANISATION_2025),
            defaults={"place": successor, "valid_from": REORGANISATION_2025})
        members = [old]
        for place in absorbed:
            merged, _ = Territory.objects.get_or_create(name=f"{place} (trước {REORGANISATION_2025:%d/%m/%Y})",
                                                        defaults={"place": place, "valid_to": BEFORE})
            members.append(merged)
        new.members.add(*members)


def backwards(apps, schema_editor):
    apps.get_model("indicators", "Territory").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0003_territories")]
    operations = [migrations.RunPython(forwards, backwards)]
