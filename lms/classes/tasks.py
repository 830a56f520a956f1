"""Thin Celery tasks: they take primary keys and call the services."""

import datetime as dt
import logging

from celery import shared_task

from lms.core.batches import batch_send, batches_sweep

from .models import ImportBatch, ImportStatus
from .people_import import import_passwords_purge, import_run

logger = logging.getLogger(__name__)

# An import whose heartbeat stopped this long ago was lost (broker or worker down).
STUCK_AFTER = dt.timedelta(minutes=10)


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=30)
def import_batch_run_task(self, batch_id: int) -> None:
    try:
        import_run(batch_id=batch_id)
    except Exception as error:
        logger.exception("Import %s stopped; retrying", batch_id)
        raise self.retry(exc=error) from error


def import_batch_enqueue(*, batch_id: int) -> bool:
    """Queue the import; when the broker is down, the periodic sweep queues it later."""
    return batch_send(ImportBatch, batch_id, import_batch_run_task)


@shared_task
def import_batches_sweep_task() -> int:
    """Re-queue imports that were confirmed but never started, or stopped half-way."""
    return batches_sweep(
        ImportBatch.objects.filter(status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]),
        after=STUCK_AFTER,
        task=import_batch_run_task,
    )


@shared_task
def import_passwords_purge_task() -> int:
    return import_passwords_purge()
