"""Heavy staff reads on a read replica; every write and every other read on the primary.

With `DATABASE_REPLICA_URL` set, the settings add a "replica" database alias. Nothing
reads from it unless the code asks: reports, exports, quiz results and the staff
dashboards' charts run under `from_replica` (a decorator for views and functions) or
`reading_from_replica()` (a block). A learner's own pages never do, so nobody reads their
just-written progress from a copy that is a moment behind.

The replica is used only while it answers and lags at most `DATABASE_REPLICA_MAX_LAG`
seconds. That check costs one query every few seconds per process, not one per request.
If the replica fails in the middle of a report, `from_replica` computes the report again
on the primary: the person sees their report, and the log one line.
"""

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest

logger = logging.getLogger(__name__)

REPLICA = "replica"
# How long one process trusts its last look at the replica.
HEALTH_TTL = 5.0

P = ParamSpec("P")
R = TypeVar("R")

_reading = ContextVar("lms_reading_from_replica", default=False)

# Behind by nothing when the replica has replayed all it received and still receives: on an
# idle primary the last replayed transaction grows old though nothing is missing. Otherwise
# the age of the last replayed transaction. The receiver's status is hidden (NULL) from
# roles without pg_read_all_stats; its row, and so a running receiver, is not.
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
         AND EXISTS (
             SELECT FROM pg_stat_wal_receiver WHERE status IS NULL OR status = 'streaming'
         ) THEN 0
    ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
END
"""


@dataclass(frozen=True)
class ReplicaHealth:
    usable: bool
    # Seconds behind the primary; None when the replica could not be asked.
    lag: float | None
    # Why it is not used ("" when it is).
    reason: str
    checked_at: float


_health: ReplicaHealth | None = None


class ReplicaFailed(OperationalError):
    """The replica failed in the middle of a read; the primary has not been tried yet."""


def replica_configured() -> bool:
    return REPLICA in connections.settings


def replica_health() -> ReplicaHealth:
    """Whether heavy reads may go to the replica now (asked at most every HEALTH_TTL s)."""
    global _health
    now = time.monotonic()
    if _health is None or now - _health.checked_at >= HEALTH_TTL:
        _health = _check_replica(now)
        if not _health.usable:
            logger.warning("Heavy reads use the primary database: %s", _health.reason)
    return _health


def forget_replica_health() -> None:
    """Ask the replica again at the next heavy read (tests, and after a failover)."""
    global _health
    _health = None


def _check_replica(now: float) -> ReplicaHealth:
    max_lag = float(settings.DATABASE_REPLICA_MAX_LAG)
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(LAG_SQL)
            (lag,) = cursor.fetchone()
    except DatabaseError as error:
        _close_replica()
        return ReplicaHealth(False, None, f"the replica is unreachable ({_first_line(error)})", now)
    if lag is None:
        return ReplicaHealth(False, None, "the replica has replayed nothing yet", now)
    lag = float(lag)
    if lag > max_lag:
        reason = f"the replica is {lag:.1f} s behind (at most {max_lag:g} s allowed)"
        return ReplicaHealth(False, lag, reason, now)
    return ReplicaHealth(True, lag, "", now)


def _replica_failed(error: Exception) -> None:
    global _health
    reason = f"the replica failed during a read ({_first_line(error)})"
    _health = ReplicaHealth(False, None, reason, time.monotonic())
    _close_replica()
    logger.warning("Heavy reads use the primary database: %s; reading again there", reason)


def _close_replica() -> None:
    connection = connections[REPLICA]
    try:
        connection.close()
    except DatabaseError:
        # A connection that died cannot be closed politely; drop it.
        connection.connection = None
    connection.errors_occurred = False


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def reading_on_replica() -> bool:
    """Whether reads in this context go to the replica now."""
    return _reading.get()


@contextmanager
def reading_from_replica() -> Iterator[bool]:
    """Reads inside the block go to the replica, if there is one and it is healthy.

    Yields whether they do. A block cannot be run again: if the replica fails inside it,
    ReplicaFailed is raised (and the replica is not used for a few seconds). Use
    `from_replica` to get the primary's answer instead.
    """
    if _reading.get():
        yield True
        return
    if not replica_configured() or not replica_health().usable:
        yield False
        return
    replica = connections[REPLICA]
    replica.errors_occurred = False
    token = _reading.set(True)
    try:
        yield True
    except (OperationalError, InterfaceError) as error:
        # Django marks the connection of the alias the error came from.
        if isinstance(error, ReplicaFailed) or not replica.errors_occurred:
            raise
        _replica_failed(error)
        raise ReplicaFailed(str(error)) from error
    finally:
        _reading.reset(token)


def from_replica(func: Callable[P, R]) -> Callable[P, R]:
    """Run `func` reading from the replica; if the replica fails, run it again on the primary.

    For read-only views and functions. A view's lazy TemplateResponse is rendered inside,
    so that the queries its template makes are routed too. The signed-in user and their
    session are loaded from the primary first: someone who has just signed in is not yet
    on the replica.
    """

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if _reading.get():
            return func(*args, **kwargs)
        _load_user_from_primary(args)
        try:
            with reading_from_replica():
                return _rendered(func(*args, **kwargs))
        except ReplicaFailed:
            return _rendered(func(*args, **kwargs))

    return wrapper


class ReadsFromReplicaMixin:
    """For class-based views: the whole dispatch under `from_replica`."""

    def dispatch(self, request, *args, **kwargs):
        return from_replica(super().dispatch)(request, *args, **kwargs)


def _load_user_from_primary(args: tuple) -> None:
    for arg in args:
        if isinstance(arg, HttpRequest) and hasattr(arg, "user"):
            # request.user is lazy: evaluating it reads the session and the user now.
            getattr(arg.user, "pk", None)
            return


def _rendered(result):
    if callable(getattr(result, "render", None)) and getattr(result, "is_rendered", True) is False:
        result.render()
    return result


class ReplicaRouter:
    """Reads go to the replica only inside `reading_from_replica`; writes never do."""

    def db_for_read(self, model, **hints) -> str:
        return REPLICA if _reading.get() else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        # The replica holds the same rows: an object read there may point at one read here.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool | None:
        return False if db == REPLICA else None
