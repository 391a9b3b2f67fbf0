"""A backup of the whole database in one portable file, and its restore.

The file is a zip archive:

- ``manifest.json``: the format, the kehoach version that wrote it, when, from which database
  engine, the applied migrations of every app, and every table with its number of rows;
- ``data/<app_label>.<model_name>.jsonl``: the rows of one table, one JSON object per line, in
  the format of Django's serializers (``dumpdata --format jsonl``). Every concrete model is a
  table of its own, the historical tables of django-simple-history and the many-to-many tables
  (``auth.user_groups``, ...) included, so ids, history and links come back exactly as they were;
- ``files/<name>``: every uploaded file a row refers to (file fields, e.g. the evidence of a
  progress update), from Django's default storage (``MEDIA_ROOT``).

The manifest's ``signature`` holds the HMAC-SHA256 of every member and of the manifest
(``kehoach.apps.backup.signature``); restore refuses a backup that does not match it.

The JSON holds no engine-specific value (dates and times in ISO 8601 with their microseconds,
decimals as text, binary fields in base64), so a backup of SQLite restores into PostgreSQL and
back. ``restore`` checks the whole file before it touches the database, refuses a database that
holds data (unless ``force``) and a backup made at other migrations, then replaces every table in
one transaction.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers import jsonl
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder

import kehoach
from kehoach.apps.backup import signature
from kehoach.domain import safezip

FORMAT = "kehoach-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
BATCH = 500

# What ``migrate`` itself writes into a new database: such a database counts as empty (besides
# Django's own: the territories of the 2025 reorganisation seeded by indicators 0004, and the
# assessment's data version).
SETUP_TABLES = {"contenttypes.contenttype", "auth.permission", "auth.group", "auth.group_permissions",
                "indicators.territory", "indicators.territory_members", "assessment.dataversion"}


class BackupError(Exception):
    """A file that cannot be restored, or a database that must not be restored into; the message says why."""


@dataclass(frozen=True)
class Summary:
    path: Path
    tables: dict[str, int]  # "app_label.model_name" -> rows
    created_at: str
    kehoach_version: str
    files: int = 0
    missing_files: tuple[str, ...] = ()  # referred to by a row, not in the storage when backed up

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


def model_label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def all_models() -> list[type[models.Model]]:
    """Every table kehoach has: each concrete model of each installed app, with the automatic
    many-to-many tables as models of their own."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(applied.items())}


class _Encoder(DjangoJSONEncoder):
    """Django's encoder keeps milliseconds of a time; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if hasattr(o, "isoformat") and hasattr(o, "microsecond"):  # datetime.time
            return o.isoformat()
        return super().default(o)


class _RowSerializer(jsonl.Serializer):
    """One line per row; many-to-many links are rows of their own table, not lists inside the row."""

    def handle_m2m_field(self, obj, field):
        pass


# --- backup -----------------------------------------------------------------------------------------


def write_backup(path: str | os.PathLike) -> Summary:
    """Write every table to ``path`` (atomically: a temporary file in the same folder, then renamed)."""
    path = Path(path)
    folder = path.resolve().parent
    if not folder.is_dir():
        raise BackupError(f"{path}: the folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
    os.close(handle)
    try:
        summary = _write(Path(temporary), path)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return summary


def _write(temporary: Path, path: Path) -> Summary:
    tables: dict[str, dict] = {}
    created_at = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    with transaction.atomic(), zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if connection.vendor == "postgresql" and len(connection.atomic_blocks) == 1:
            # One snapshot of every table, even while people keep working (chosen before the first query).
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for model in all_models():
            label = model_label(model)
            member = f"data/{label}.jsonl"
            counter = _CountingText()
            with archive.open(_entry(member), "w", force_zip64=True) as raw:
                counter.target = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
                rows = model._base_manager.order_by("pk").iterator(chunk_size=2000)
                _RowSerializer().serialize(rows, stream=counter, cls=_Encoder)
                counter.target.flush()
                counter.target.detach()
            tables[label] = {"table": model._meta.db_table, "rows": counter.lines, "member": member}
        files, missing = _write_files(archive)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "kehoach_version": kehoach.__version__,
            "created_at": created_at,
            "database_engine": connection.vendor,
            "migrations": applied_migrations(),
            "tables": tables,
            "files": files,
            "missing_files": missing,
        }
    with zipfile.ZipFile(temporary, "r") as archive:
        manifest = signature.sign(archive, manifest, MANIFEST)
    with zipfile.ZipFile(temporary, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return Summary(path, {label: t["rows"] for label, t in tables.items()}, created_at, kehoach.__version__,
                   len(files), tuple(missing))


def _entry(member: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(member, date_time=time.localtime()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def stored_files() -> list[str]:
    """The names of every file a row refers to, in the default storage."""
    names: set[str] = set()
    for model in all_models():
        for column in model._meta.local_concrete_fields:
            if isinstance(column, models.FileField) and not model.__name__.startswith("Historical"):
                names.update(model._base_manager.exclude(**{column.attname: ""}).values_list(column.attname, flat=True))
    return sorted(name for name in names if name)


def _write_files(archive: zipfile.ZipFile) -> tuple[dict[str, str], list[str]]:
    files, missing = {}, []
    for name in stored_files():
        if not default_storage.exists(name):
            missing.append(name)
            continue
        member = f"files/{name}"
        with default_storage.open(name, "rb") as source, archive.open(_entry(member), "w", force_zip64=True) as target:
            shutil.copyfileobj(source, target)
        files[name] = member
    return files, missing


class _CountingText:
    """A text stream that counts the lines written through it."""

    def __init__(self) -> None:
        self.target: io.TextIOWrapper | None = None
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return self.target.write(text)


# --- reading and checking a file ----------------------------------------------------------------------


def read_manifest(path: str | os.PathLike, allow_unsigned: bool = False) -> dict:
    """The manifest of a backup file, after checking the whole archive (its signature, every
    member's checksum, every row, the counts). Raises BackupError saying what is wrong; never
    touches the database. An unsigned backup is refused unless ``allow_unsigned``."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    try:
        safezip.check(path, safezip.limits(kind="backup"))
    except safezip.ZipBombError as exc:
        raise BackupError(str(exc)) from exc
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _manifest(path, archive)
            broken = archive.testzip()
            if broken is not None:
                raise BackupError(f"{path}: {broken} is damaged (its checksum does not match)")
            try:
                signature.verify(archive, manifest, MANIFEST, allow_unsigned=allow_unsigned)
            except signature.SignatureError as exc:
                raise BackupError(f"{path}: {exc}") from exc
            known = {model_label(model) for model in all_models()}
            for name, member in manifest["files"].items():
                if member not in archive.namelist() or not _safe_name(name):
                    raise BackupError(f"{path}: file {name!r} of the manifest is not in the archive or not a plain path")
            for label, table in manifest["tables"].items():
                if label not in known:
                    raise BackupError(f"{path}: table {label} is not a table of this kehoach")
                rows = sum(1 for _ in _objects(path, archive, label, table["member"]))
                if rows != table["rows"]:
                    raise BackupError(
                        f"{path}: {table['member']} has {rows} row(s), the manifest says {table['rows']}"
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise BackupError(f"{path}: not a complete kehoach backup (a zip archive): {exc}") from exc
    return manifest


def _manifest(path: Path, archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except KeyError as exc:
        raise BackupError(f"{path}: not a kehoach backup (no {MANIFEST} in the archive)") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise BackupError(f"{path}: {MANIFEST}: not valid JSON ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: {MANIFEST}: not a kehoach backup (format is not {FORMAT!r})")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{path}: {MANIFEST}: backup format version {manifest.get('format_version')!r}, "
            f"this kehoach reads version {FORMAT_VERSION}"
        )
    manifest.setdefault("files", {})
    for key in ("migrations", "tables", "files"):
        if not isinstance(manifest.get(key), dict):
            raise BackupError(f"{path}: {MANIFEST}: {key!r} is missing or not an object")
    for label, table in manifest["tables"].items():
        if not (isinstance(table, dict) and isinstance(table.get("rows"), int) and isinstance(table.get("member"), str)):
            raise BackupError(f"{path}: {MANIFEST}: table {label}: expected an object with 'rows' and 'member'")
        if table["member"] not in archive.namelist():
            raise BackupError(f"{path}: {table['member']} (table {label}) is missing from the archive")
    return manifest


def _objects(path: Path, archive: zipfile.ZipFile, label: str, member: str) -> Iterator[models.Model]:
    """The rows of one member as unsaved model instances (nothing is read from the database)."""
    with archive.open(member) as raw:
        lines = io.TextIOWrapper(raw, encoding="utf-8")
        line_number = 0

        def numbered():
            nonlocal line_number
            for line_number, line in enumerate(lines, start=1):  # noqa: B007 - read by the error message
                yield line

        try:
            for deserialized in serializers.deserialize("jsonl", numbered(), ignorenonexistent=False):
                if model_label(type(deserialized.object)) != label:
                    raise BackupError(f"{path}: {member}:{line_number}: a row of "
                                      f"{model_label(type(deserialized.object))} among the rows of {label}")
                yield deserialized.object
        except (DeserializationError, UnicodeDecodeError, ValueError) as exc:
            cause = exc.__cause__ or exc
            raise BackupError(f"{path}: {member}:{line_number}: not a row of kehoach: {cause}") from exc


# --- restore ----------------------------------------------------------------------------------------


def database_is_empty() -> bool:
    """Whether the database holds nothing but what ``migrate`` writes into a new one."""
    return not any(
        model._base_manager.exists() for model in all_models() if model_label(model) not in SETUP_TABLES
    )


def check_migrations(path: Path, manifest: dict) -> None:
    here = applied_migrations()
    there = {app: sorted(names) for app, names in manifest["migrations"].items()}
    if here == there:
        return
    only_there = sorted(f"{app}.{name}" for app, names in there.items() for name in names if name not in here.get(app, []))
    only_here = sorted(f"{app}.{name}" for app, names in here.items() for name in names if name not in there.get(app, []))
    parts = [f"{path}: the backup was made at other migrations than this database has "
             f"(backup: kehoach {manifest.get('kehoach_version', '?')}, here: kehoach {kehoach.__version__})"]
    if only_there:
        parts.append("only in the backup: " + ", ".join(only_there))
    if only_here:
        parts.append("only in this database: " + ", ".join(only_here))
    parts.append("restore it with the kehoach version that made it, then upgrade (kehoach migrate)")
    raise BackupError("; ".join(parts))


def restore(path: str | os.PathLike, manifest: dict, force: bool = False) -> Summary:
    """Replace every table with the backup's rows, in one transaction: all or nothing.

    ``manifest`` comes from ``read_manifest`` (the file is checked before this is called) and the
    database is migrated. Without ``force`` a database that holds data is refused."""
    path = Path(path)
    check_migrations(path, manifest)
    by_label = {model_label(model): model for model in all_models()}
    with transaction.atomic(), zipfile.ZipFile(path) as archive:
        if not force and not database_is_empty():
            raise BackupError(
                "the database is not empty: restoring would replace its data "
                "(use --force to replace everything with the backup)"
            )
        tables = [model._meta.db_table for model in by_label.values()]
        with connection.cursor() as cursor:
            for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
                cursor.execute(statement)
        for label, table in manifest["tables"].items():
            model = by_label[label]
            fields = model._meta.local_concrete_fields
            size = max(1, min(BATCH, connection.ops.bulk_batch_size(fields, [None] * BATCH)))
            batch: list[models.Model] = []
            for instance in _objects(path, archive, label, table["member"]):
                batch.append(instance)
                if len(batch) >= size:
                    _insert(model, fields, batch)
                    batch = []
            _insert(model, fields, batch)
        connection.check_constraints(table_names=tables)
        statements = connection.ops.sequence_reset_sql(no_style(), list(by_label.values()))
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
    ContentType.objects.clear_cache()
    with zipfile.ZipFile(path) as archive:
        for name, member in manifest["files"].items():
            _put_file(name, archive, member)
    return Summary(
        path,
        {label: table["rows"] for label, table in manifest["tables"].items()},
        manifest.get("created_at", "?"),
        manifest.get("kehoach_version", "?"),
        len(manifest["files"]),
    )


def _safe_name(name: str) -> bool:
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts


def _put_file(name: str, archive: zipfile.ZipFile, member: str) -> None:
    """Put an uploaded file back under its own name (the rows refer to it by that name)."""
    content = archive.read(member)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as current:
            if current.read() == content:
                return
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(content))
    if saved != name:
        raise BackupError(f"the file {name} could not be put back under its name (the storage chose {saved})")


def _insert(model: type[models.Model], fields, rows: list[models.Model]) -> None:
    """Insert rows exactly as given: ``raw`` like loaddata, so no automatic timestamp is set again
    and no signal (no history row) is sent."""
    if rows:
        model._base_manager._insert(rows, fields=fields, raw=True, using=connection.alias)
