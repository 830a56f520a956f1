"""Thin Celery tasks: they take primary keys and call the services."""

import datetime as dt
import logging

from django.utils import timezone

from celery import shared_task

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
    try:
        if import_batch_run_task.app.conf.task_always_eager:
            # No broker configured: run here and now. (Eager apply_async would still
            # borrow a broker connection from the pool.)
            import_batch_run_task.apply(args=[batch_id])
        else:
            import_batch_run_task.apply_async(args=[batch_id])
    except Exception:  # the broker's many connection errors
        logger.warning("Could not queue import %s; the sweep will retry", batch_id, exc_info=True)
        return False
    return True


@shared_task
def import_batches_sweep_task() -> int:
    """Re-queue imports that were confirmed but never started, or stopped half-way."""
    stuck = ImportBatch.objects.filter(
        status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING],
        heartbeat_at__lt=timezone.now() - STUCK_AFTER,
    )
    count = 0
    for batch_id in stuck.values_list("pk", flat=True):
        count += import_batch_enqueue(batch_id=batch_id)
    return count


@shared_task
def import_passwords_purge_task() -> int:
    return import_passwords_purge()
