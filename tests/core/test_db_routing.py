"""Without DATABASE_REPLICA_URL nothing changes: no "replica" alias, every read on the primary.
(The replica itself is tested in tests/reports/test_replica.py.)"""

import os
import subprocess
import sys

from django.db import DEFAULT_DB_ALIAS, connections

from lms.core.db_routing import (
    REPLICA,
    ReplicaRouter,
    from_replica,
    reading_from_replica,
    reading_on_replica,
    replica_configured,
)
from lms.learning.models import Enrollment


def test_no_replica_alias_in_ordinary_tests():
    assert not replica_configured()
    assert REPLICA not in connections.settings


def test_reads_stay_on_the_primary_without_a_replica():
    router = ReplicaRouter()
    with reading_from_replica() as on_replica:
        assert on_replica is False
        assert not reading_on_replica()
        assert router.db_for_read(Enrollment) == DEFAULT_DB_ALIAS
    assert from_replica(lambda: reading_on_replica())() is False


def test_the_router_sends_writes_and_migrations_to_the_primary():
    router = ReplicaRouter()
    assert router.db_for_write(Enrollment) == DEFAULT_DB_ALIAS
    assert router.allow_migrate(REPLICA, "learning") is False
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "learning") is None


def test_settings_add_the_alias_only_when_the_url_is_set():
    code = (
        "import django; django.setup();"
        "from django.conf import settings as s;"
        "r = s.DATABASES.get('replica');"
        "print(r and (r['HOST'], r['PORT'], r['TEST']['MIRROR'], r['OPTIONS']['connect_timeout']),"
        " s.DATABASE_REPLICA_MAX_LAG)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"}
    env.pop("DATABASE_REPLICA_URL", None)
    without = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert without.stdout.split() == ["None", "30.0"], without.stderr
    env |= {
        "DATABASE_REPLICA_URL": "postgres://reader@10.0.0.2:5432/lms",
        "DATABASE_REPLICA_MAX_LAG": "12",
    }
    with_url = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert with_url.stdout.strip() == "('10.0.0.2', 5432, 'default', 3) 12.0", with_url.stderr
