"""Writes of the xAPI outbox: record a statement with its event, and drain to the LRS.

A statement is stored in the transaction of the event it describes, so there is never
an event without its statement nor a statement without its event. The drain sends what
waits, oldest first, in batches; rows are locked with SKIP LOCKED so that two drains
never send the same batch, and a row is marked sent only after the LRS accepted it.
Statement ids are fixed at creation: a batch sent again after a lost answer is taken
by the LRS as the same statements, not new ones.
"""

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

import requests

from lms.core.queue import run_or_queue
from lms.users.models import User

from .models import LearnerAgent, StatementOutbox

logger = logging.getLogger(__name__)

BATCH_SIZE = 50
# Waits after the 1st, 2nd, ... failure: 30 s doubling up to an hour.
BACKOFF_FIRST = dt.timedelta(seconds=30)
BACKOFF_MAX = dt.timedelta(hours=1)
TIMEOUT = (3.05, 15)


def xapi_enabled() -> bool:
    """True when an LRS is configured. With none, no statement is ever written."""
    return bool(settings.LMS_XAPI_LRS_URL)


def agent_name_for(*, user: User) -> str:
    """The learner's opaque, stable name in statements (created on first use)."""
    agent, _created = LearnerAgent.objects.get_or_create(user=user)
    return str(agent.name)


def statement_record(*, statement: dict) -> StatementOutbox | None:
    """Store `statement` in the outbox with a new fixed id; send it after the commit.

    Call inside the transaction of the event. Returns None (and writes nothing) when
    no LRS is configured.
    """
    if not xapi_enabled():
        return None
    statement_id = uuid.uuid4()
    row = StatementOutbox.objects.create(
        statement_id=statement_id, statement={"id": str(statement_id), **statement}
    )
    transaction.on_commit(outbox_enqueue_drain)
    return row


def outbox_enqueue_drain() -> bool:
    """Send the drain task. Never raises: the minutely beat entry drains what it missed."""
    from .tasks import drain_statements

    return run_or_queue(drain_statements)


def backoff_for(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failure in a row."""
    return min(BACKOFF_FIRST * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


@dataclass
class DrainResult:
    sent: int = 0
    failed: int = 0

    def add(self, other: "DrainResult") -> None:
        self.sent += other.sent
        self.failed += other.failed


class LRSUnavailable(Exception):
    """The LRS could not take statements now (no connection, a 5xx, refused credentials)."""


def _statements_url() -> str:
    return settings.LMS_XAPI_LRS_URL.rstrip("/") + "/xAPI/statements"


def _session() -> requests.Session:
    session = requests.Session()
    session.auth = (settings.LMS_XAPI_LRS_USERNAME, settings.LMS_XAPI_LRS_PASSWORD)
    session.headers["X-Experience-API-Version"] = "1.0.3"
    return session


def _post(session: requests.Session, statements: list[dict]) -> requests.Response:
    try:
        response = session.post(_statements_url(), json=statements, timeout=TIMEOUT)
    except requests.RequestException as error:
        raise LRSUnavailable(f"{type(error).__name__}: {error}") from error
    if response.status_code >= 500 or response.status_code in (401, 403, 429):
        raise LRSUnavailable(f"HTTP {response.status_code}: {response.text[:500]}")
    return response


def _put(session: requests.Session, row: StatementOutbox) -> requests.Response:
    try:
        response = session.put(
            _statements_url(),
            params={"statementId": str(row.statement_id)},
            json=row.statement,
            timeout=TIMEOUT,
        )
    except requests.RequestException as error:
        raise LRSUnavailable(f"{type(error).__name__}: {error}") from error
    if response.status_code >= 500 or response.status_code in (401, 403, 429):
        raise LRSUnavailable(f"HTTP {response.status_code}: {response.text[:500]}")
    return response


def _mark_sent(rows: list[StatementOutbox], now: dt.datetime) -> None:
    StatementOutbox.objects.filter(pk__in=[row.pk for row in rows]).update(
        sent_at=now, last_error="", next_attempt_at=None
    )


def _mark_failed(rows: list[StatementOutbox], error: str, now: dt.datetime) -> None:
    for row in rows:
        row.attempts += 1
        row.last_error = error[:2000]
        row.next_attempt_at = now + backoff_for(row.attempts)
    StatementOutbox.objects.bulk_update(rows, ["attempts", "last_error", "next_attempt_at"])


def _send_batch(session: requests.Session, rows: list[StatementOutbox]) -> DrainResult:
    """Send locked `rows`; record on each whether it went. Raises LRSUnavailable."""
    now = timezone.now()
    response = _post(session, [row.statement for row in rows])
    if response.status_code in (200, 204):
        # 204: every statement was already stored (a resend after a lost answer).
        _mark_sent(rows, now)
        return DrainResult(sent=len(rows))
    # The LRS refused the batch as a whole (an id it holds with other content, or one
    # statement it cannot read): one by one, so one bad statement keeps none waiting.
    result = DrainResult()
    for row in rows:
        response = _put(session, row)
        if response.status_code in (200, 204, 409):
            # 409: the LRS already holds a statement with this id. Ids are fixed at
            # creation, so it is this one: counted as sent, never sent as a second one.
            _mark_sent([row], now)
            result.sent += 1
        else:
            _mark_failed([row], f"HTTP {response.status_code}: {response.text[:500]}", now)
            result.failed += 1
    return result


def outbox_drain(*, batch_size: int = BATCH_SIZE, max_batches: int = 100) -> DrainResult:
    """Send waiting statements to the LRS, oldest first, `batch_size` at a time.

    Stops at the first batch the LRS cannot take; those rows wait (attempts counted,
    next attempt backed off exponentially) and are tried again by a later drain.
    """
    result = DrainResult()
    if not xapi_enabled():
        return result
    session = _session()
    for _batch in range(max_batches):
        with transaction.atomic():
            now = timezone.now()
            rows = list(
                StatementOutbox.objects.unsent()
                .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
                .select_for_update(skip_locked=True)
                .order_by("id")[:batch_size]
            )
            if not rows:
                break
            try:
                result.add(_send_batch(session, rows))
            except LRSUnavailable as error:
                logger.warning("xAPI: LRS unavailable, %d statements wait: %s", len(rows), error)
                _mark_failed(rows, str(error), now)
                result.failed += len(rows)
                break
    return result
