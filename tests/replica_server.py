"""The streaming replica the replica tests read from (scripts/replica), shared by workers.

Parallel test workers each have their own test database, all in one cluster, so one
replica serves them all. Starting it, and each replica test, holds an exclusive file lock:
a test pauses the replica's replay or stops it, which would upset another worker's test.
The last worker to finish removes the replica again, if the tests started it (unless
LMS_TEST_KEEP_REPLICA=1).
"""

import fcntl
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connections

import psycopg

from lms.core.db_routing import REPLICA

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "replica"
PORT = int(os.environ.get("REPLICA_PORT", "5433"))
LOCK = settings.VAR_DIR / "replica.lock"
# Test processes using the replica, one process id a line; "owned" if the tests started it.
USERS = settings.VAR_DIR / "replica.users"
OWNED = settings.VAR_DIR / "replica.owned"


@contextmanager
def exclusive() -> Iterator[None]:
    with open(LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def run(*args: str) -> None:
    # No timeout: the first start copies the whole cluster, as long as that takes (a timeout
    # would leave pg_basebackup running on its own).
    subprocess.run([str(SCRIPT), *args], check=True, capture_output=True, text=True)


def running() -> bool:
    return subprocess.run([str(SCRIPT), "status"], capture_output=True).returncode == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _users() -> set[int]:
    if not USERS.exists():
        return set()
    return {int(line) for line in USERS.read_text().split() if _alive(int(line))}


def session_start() -> None:
    with exclusive():
        if not running():
            if not _users():
                OWNED.touch()
            run("start")
        USERS.write_text("\n".join(str(pid) for pid in _users() | {os.getpid()}))


def session_end() -> None:
    with exclusive():
        others = _users() - {os.getpid()}
        USERS.write_text("\n".join(str(pid) for pid in others))
        # LMS_TEST_KEEP_REPLICA=1 keeps it for the next run (a large cluster copies slowly).
        keep = os.environ.get("LMS_TEST_KEEP_REPLICA") == "1"
        if not others and OWNED.exists() and not keep:
            run("remove")
            OWNED.unlink()


def admin_connection(database: str = "postgres") -> psycopg.Connection:
    """A superuser connection straight to the replica, outside Django."""
    primary = connections["default"].settings_dict
    return psycopg.connect(
        host="127.0.0.1",
        port=PORT,
        user=primary["USER"] or "postgres",
        password=primary["PASSWORD"] or None,
        dbname=database,
        autocommit=True,
    )


def alias_settings() -> dict:
    """The "replica" alias: the primary's test database, on the replica's port."""
    primary = connections["default"].settings_dict
    return {
        **primary,
        "HOST": "127.0.0.1",
        "PORT": PORT,
        "CONN_MAX_AGE": 0,
        "OPTIONS": {**primary["OPTIONS"], "connect_timeout": 3},
        "TEST": {**primary["TEST"], "MIRROR": "default"},
    }


def wait_for_replay(timeout: float = 30) -> None:
    """Until the replica has replayed everything the primary has written so far."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        (lsn,) = cursor.fetchone()
    deadline = time.monotonic() + timeout
    with admin_connection() as replica:
        while True:
            (done,) = replica.execute(
                "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn]
            ).fetchone()
            if done:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"the replica has not replayed up to {lsn} in {timeout} s")
            time.sleep(0.05)


def replay_pause() -> None:
    with admin_connection() as replica:
        replica.execute("SELECT pg_wal_replay_pause()")
        for _ in range(200):
            (state,) = replica.execute("SELECT pg_get_wal_replay_pause_state()").fetchone()
            if state == "paused":
                return
            time.sleep(0.05)
    raise AssertionError("the replica's replay did not pause")


def replay_resume() -> None:
    with admin_connection() as replica:
        replica.execute("SELECT pg_wal_replay_resume()")


def ensure_running() -> None:
    """Start the replica again if a test stopped it, and let it replay."""
    if not running():
        run("start")
    replay_resume()


def alias_add() -> None:
    connections.settings[REPLICA] = alias_settings()


def alias_remove() -> None:
    if REPLICA in connections.settings:
        with suppress(DatabaseError):  # a replica a test stopped
            connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]
