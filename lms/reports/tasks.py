"""Thin Celery tasks that keep the report summaries current."""

import logging

from celery import shared_task

from .summaries import summaries_drain_all, summaries_rebuild

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=10)
def summaries_drain_task(self) -> int:
    """Recompute every cell the outbox holds (also run every minute by beat)."""
    try:
        return summaries_drain_all()
    except Exception as error:
        logger.exception("Report summaries drain stopped; retrying")
        raise self.retry(exc=error) from error


def summaries_drain_send() -> None:
    """Queue a drain; with the broker down, the periodic drain catches up."""
    try:
        summaries_drain_task.delay()
    except Exception:  # noqa: BLE001 - the beat schedule drains later
        logger.warning("Could not queue the report summaries drain", exc_info=True)


@shared_task(acks_late=True)
def summaries_rebuild_task() -> None:
    summaries_rebuild()


def summaries_rebuild_send() -> None:
    try:
        summaries_rebuild_task.delay()
    except Exception:  # noqa: BLE001 - rebuild_report_summaries by hand
        logger.warning("Could not queue the report summaries rebuild", exc_info=True)
