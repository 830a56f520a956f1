"""Background batches: one design for every job that outlives a request.

A batch is a row that a Celery task works through (a people import, a bulk issue of
certificates). Every batch has the same life and the same signs of it:

- `enqueued_at`: when its task was last sent (`batch_send`);
- `heartbeat_at`: its last sign of life, moved when the task is sent and as it works
  (`batch_heartbeat`); a batch whose heartbeat stops is sent again by the sweep;
- `started_at`, `finished_at`: when its task first took it up, and when it was done;
- its numbers: how much is processed of how much in total, and counts of its own.

Its page polls one progress JSON, `Batch.progress()` (see `Progress.as_dict` for the
keys), with one script, `static/js/batch-progress.js`; without JavaScript the page
refreshes itself (a `<noscript>` meta refresh).

A third kind of batch (say, a bulk enrolment in a course) uses it like this::

    class EnrolmentBatch(Batch):
        course = models.ForeignKey(...)
        total = models.PositiveIntegerField(default=0)
        processed = models.PositiveIntegerField(default=0)

        def progress_read(self) -> Progress:
            done = self.finished_at is not None
            return Progress(
                status="done" if done else "running",
                status_label=_("Finished.") if done else _("Working…"),
                processed=self.processed,
                total=self.total,
                finished=done,
                counts={"enrolled": ...},
            )

    # tasks.py
    @shared_task(acks_late=True)
    def run_enrolment_batch(batch_id): enrolment_batch_run(batch_id=batch_id)

    @shared_task
    def sweep_enrolment_batches():  # in CELERY_BEAT_SCHEDULE
        return batches_sweep(
            EnrolmentBatch.objects.filter(finished_at__isnull=True),
            after=STUCK_AFTER,
            task=run_enrolment_batch,
        )

The service creates the row and calls `batch_send(EnrolmentBatch, batch.pk,
run_enrolment_batch)` on commit; the task calls `batch_heartbeat` as it goes (in the
same transaction as each step), and stamps `finished_at` at the end. Its page view
renders `batch.progress()` into a root element `[data-batch-progress]` (see the script),
and its progress view answers `JsonResponse(batch.progress())`.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .queue import run_or_queue

SWEEP_LIMIT = 100


@dataclass(frozen=True)
class Progress:
    """Where a batch stands: THE progress JSON contract of every batch page."""

    status: str
    status_label: str
    processed: int
    total: int
    finished: bool
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> int:
        """Whole percent, rounded down: 100 only when everything is processed."""
        if not self.total:
            return 100 if self.finished else 0
        return min(100, 100 * self.processed // self.total)

    def as_dict(self) -> dict:
        return {
            "status": self.status,
            "status_label": str(self.status_label),
            "processed": self.processed,
            "total": self.total,
            "percent": self.percent,
            "finished": self.finished,
            "counts": dict(self.counts),
        }


class Batch(models.Model):
    """What every batch has. A subclass adds its own fields and `progress_read()`.

    A subclass may redeclare a field (its own verbose name) or drop one it has no use
    for by setting it to None (a bulk issue has `checked_at` instead of `finished_at`).
    """

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    enqueued_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The last sign of life: moved when the task is sent and on each step it takes.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def progress_read(self) -> Progress:
        raise NotImplementedError(f"{type(self).__name__} must say where it stands")

    def progress(self) -> dict:
        """The progress JSON of the batch's page (`Progress.as_dict`)."""
        return self.progress_read().as_dict()

    @property
    def percent(self) -> int:
        return self.progress_read().percent

    @property
    def is_finished(self) -> bool:
        return self.progress_read().finished


def batch_heartbeat(model: type[Batch], pk: int, **fields) -> int:
    """Move the batch's heartbeat (and any `fields`, e.g. counters as F() expressions)."""
    return model.objects.filter(pk=pk).update(heartbeat_at=timezone.now(), **fields)


def batch_send(model: type[Batch], pk: int, task) -> bool:
    """Send `task(pk)` now or to the queue; sending counts as a sign of life.

    Never raises: if the broker is down the sweep sends it again later.
    """
    now = timezone.now()
    model.objects.filter(pk=pk).update(enqueued_at=now, heartbeat_at=now)
    return run_or_queue(task, pk)


def batches_stuck(queryset: models.QuerySet, *, after: dt.timedelta, now=None):
    """The batches of `queryset` with no sign of life for `after`.

    `queryset` holds the batches whose task should be at work (the caller's rule, e.g.
    status queued or running); the last sign of life is the heartbeat, else the last
    send, else the creation.
    """
    cutoff = (now or timezone.now()) - after
    return queryset.alias(
        last_sign_of_life=Coalesce("heartbeat_at", "enqueued_at", "created_at")
    ).filter(last_sign_of_life__lt=cutoff)


def batches_sweep(
    queryset: models.QuerySet, *, after: dt.timedelta, task, limit: int = SWEEP_LIMIT
) -> int:
    """Send `task` again for each stuck batch of `queryset`; how many were sent."""
    ids = list(
        batches_stuck(queryset, after=after).order_by("pk").values_list("pk", flat=True)[:limit]
    )
    return sum(batch_send(queryset.model, pk, task) for pk in ids)
