"""Celery task: a thin wrapper that drains the xAPI outbox."""

from celery import shared_task

from .services import outbox_drain


@shared_task(name="lms.xapi.drain", acks_late=True, reject_on_worker_lost=True)
def drain_statements() -> None:
    outbox_drain()
