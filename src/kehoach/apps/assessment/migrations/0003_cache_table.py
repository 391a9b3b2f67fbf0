"""The database's cache table (``settings.CACHE_TABLE``): the shared cache when REDIS_URL is not set."""

from django.db import migrations, models


def create(apps, schema_editor):
    """The table ``createcachetable`` makes, made with this migration's schema editor (on SQLite,
    the command's own would meet the migration's transaction)."""
    from django.conf import settings

    connection = schema_editor.connection
    table = settings.CACHE_TABLE
    if table in connection.introspection.table_names():
        return
    qn = connection.ops.quote_name
    columns = [
        f"{qn('cache_key')} {models.CharField(max_length=255).db_type(connection)} NOT NULL PRIMARY KEY",
        f"{qn('value')} {models.TextField().db_type(connection)} NOT NULL",
        f"{qn('expires')} {models.DateTimeField().db_type(connection)} NOT NULL",
    ]
    schema_editor.execute(f"CREATE TABLE {qn(table)} ({', '.join(columns)})")
    schema_editor.execute(f"CREATE INDEX {qn(table + '_expires')} ON {qn(table)} ({qn('expires')})")


def drop(apps, schema_editor):
    from django.conf import settings

    table = schema_editor.connection.ops.quote_name(settings.CACHE_TABLE)
    schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):

    dependencies = [
        ('assessment', '0002_data_version'),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
