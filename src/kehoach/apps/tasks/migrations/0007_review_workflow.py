"""One review workflow (kehoach.apps.review.models.Reviewed): the status field renamed to
``review_status`` (every row and every history row keeps its value), the status "returned" and
who returned the entry, when and why."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

CHOICES = [("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved"), ("returned", "Returned")]


def user(verbose_name, history=False):
    if history:
        return models.ForeignKey(blank=True, db_constraint=False, null=True, related_name="+",
                                 on_delete=django.db.models.deletion.DO_NOTHING, to=settings.AUTH_USER_MODEL,
                                 verbose_name=verbose_name)
    return models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                             related_name="+", to=settings.AUTH_USER_MODEL, verbose_name=verbose_name)


class Migration(migrations.Migration):

    dependencies = [
        ("tasks", "0006_task_cells_as_written"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = []
    for name, history in (("taskprogress", False), ("historicaltaskprogress", True)):
        operations += [
            migrations.RenameField(model_name=name, old_name="workflow", new_name="review_status"),
            migrations.AlterField(model_name=name, name="review_status", field=models.CharField(
                choices=CHOICES, default="draft", max_length=20, verbose_name="workflow status")),
            migrations.AddField(model_name=name, name="returned_at",
                                field=models.DateTimeField(blank=True, null=True, verbose_name="returned at")),
            migrations.AddField(model_name=name, name="return_reason",
                                field=models.TextField(blank=True, verbose_name="reason for returning")),
        ]
    operations += [
        migrations.AddField(model_name="taskprogress", name="returned_by", field=user("returned by")),
        migrations.AddField(model_name="historicaltaskprogress", name="returned_by", field=user("returned by", history=True)),
    ]
