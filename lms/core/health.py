"""Checks behind /healthz: can we reach the database and the task queue?"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connections

from lms.celery import app as celery_app


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: str

    def as_dict(self) -> dict:
        return {"ok": self.ok, "detail": self.detail}


def check_database() -> Check:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down"
        return Check(False, type(exc).__name__)
    return Check(True, connections["default"].vendor)


def check_task_queue() -> Check:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return Check(True, "in-process")
    try:
        # Explicit URL: Celery would otherwise prefer the CELERY_BROKER_URL environment variable.
        with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
            # Redis connects lazily: a round trip proves the broker answers.
            client = getattr(conn.default_channel, "client", None)
            if client is not None and hasattr(client, "ping"):
                client.ping()
    except Exception as exc:
        return Check(False, type(exc).__name__)
    return Check(True, conn.transport_cls if isinstance(conn.transport_cls, str) else "broker")
