"""The demo data for tests, seeded once per test process and put back row for row.

`demo_seed()` publishes two dozen pages, indexes them for search and adds a year of
dashboard history: 10 to 20 seconds, and some thirty tests (the browser journeys above
all) start from it. On PostgreSQL the first seeding from a given starting point (the rows
each table holds beforehand) is copied table by table; a later test starting from the
same point gets the same rows back with COPY, sequences included, in well under a
second. Tests that check the seeding itself call `demo_seed()` directly.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Model

from lms.setup.demo.seed import demo_seed


@dataclass
class _Snapshot:
    tables: dict[str, bytes]
    sequences: list[tuple[str, int, bool]]
    result: dict


_snapshots: dict[tuple, _Snapshot] = {}


def _table_names(cursor) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename <> 'django_migrations' ORDER BY tablename"
    )
    return [name for (name,) in cursor.fetchall()]


def _starting_point(cursor, tables: list[str]) -> tuple:
    # Table names come from the catalogue and are quoted.
    counts = " UNION ALL ".join(
        f"SELECT %s, count(*) FROM {connection.ops.quote_name(table)}"  # noqa: S608
        for table in tables
    )
    cursor.execute(counts, tables)
    return tuple(sorted(cursor.fetchall()))


def _storages() -> tuple[str, ...]:
    from django.core.files.storage import default_storage, storages

    return (str(default_storage.location), str(storages["certificates"].location))


def _sequences(cursor) -> list[tuple[str, int, bool]]:
    cursor.execute(
        "SELECT format('%I.%I', schemaname, sequencename), last_value IS NOT NULL, "
        "coalesce(last_value, start_value) FROM pg_sequences WHERE schemaname = current_schema()"
    )
    return [(name, value, called) for name, called, value in cursor.fetchall()]


def _copy_out(raw, tables: list[str]) -> dict[str, bytes]:
    data = {}
    for table in tables:
        with raw.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT (FORMAT binary)") as copy:
            data[table] = b"".join(bytes(block) for block in copy)
    return data


def _copy_in(raw, snapshot: _Snapshot) -> None:
    quoted = ", ".join(connection.ops.quote_name(table) for table in snapshot.tables)
    # Foreign keys are not checked while the rows go back: they held when copied out.
    raw.execute("SET session_replication_role = replica")
    try:
        raw.execute(f"TRUNCATE {quoted} CASCADE")
        for table, data in snapshot.tables.items():
            with raw.copy(
                f"COPY {connection.ops.quote_name(table)} FROM STDIN (FORMAT binary)"
            ) as copy:
                copy.write(data)
        for name, value, called in snapshot.sequences:
            raw.execute("SELECT setval(%s, %s, %s)", [name, value, called])
    finally:
        raw.execute("SET session_replication_role = DEFAULT")


def _fresh(value):
    """The same objects read again from the database (a test may change its copies)."""
    if isinstance(value, Model):
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return {key: _fresh(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_fresh(item) for item in value)
    return value


def demo_seed_for_test() -> dict[str, object]:
    """`demo_seed()`'s rows and result, seeded or put back as they were seeded."""
    if connection.vendor != "postgresql":
        return demo_seed()
    with connection.cursor() as cursor:
        tables = _table_names(cursor)
        # The rows name files (images, certificates) kept where the storages were then.
        start = (*_storages(), _starting_point(cursor, tables))
    snapshot = _snapshots.get(start)
    if snapshot is None:
        result = demo_seed()
        with connection.cursor() as cursor:
            raw = cursor.cursor
            _snapshots[start] = _Snapshot(_copy_out(raw, tables), _sequences(cursor), result)
        return result
    with connection.cursor() as cursor:
        _copy_in(cursor.cursor, snapshot)
    # Caches hold ids and versions of what was there before.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    cache.clear()
    return _fresh(snapshot.result)
