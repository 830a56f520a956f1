"""The one background-batch design: the progress contract, the heartbeat and the sweep.

A people import stands in for "a batch": any subclass of lms.core.batches.Batch behaves
the same way.
"""

import datetime as dt
import json

from django.db.models import F
from django.utils import timezone
from django.utils.translation import override

import pytest
from celery import shared_task

from lms.classes.models import ImportBatch, ImportStatus
from lms.core.batches import (
    Progress,
    batch_heartbeat,
    batch_send,
    batches_stuck,
    batches_sweep,
)
from tests.factories import CentreFactory

sent = []


@shared_task
def _note(batch_id):
    sent.append(batch_id)


@shared_task
def _broken(batch_id):
    raise RuntimeError("the worker fell over")


@pytest.fixture(autouse=True)
def _clean():
    sent.clear()


CONTRACT = {"status", "status_label", "processed", "total", "percent", "finished", "counts"}


def test_the_progress_contract():
    progress = Progress(
        status="running",
        status_label="Working",
        processed=2,
        total=3,
        finished=False,
        counts={"created": 2},
    )
    data = progress.as_dict()
    assert set(data) == CONTRACT
    assert data == {
        "status": "running",
        "status_label": "Working",
        "processed": 2,
        "total": 3,
        "percent": 66,  # rounded down: 100 only when all is done
        "finished": False,
        "counts": {"created": 2},
    }
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize(
    ("processed", "total", "finished", "percent"),
    [
        (0, 0, False, 0),
        (0, 0, True, 100),
        (199, 200, False, 99),
        (200, 200, True, 100),
        (5, 4, True, 100),
    ],
)
def test_percent(processed, total, finished, percent):
    progress = Progress("s", "s", processed=processed, total=total, finished=finished)
    assert progress.percent == percent


def test_a_batch_reads_its_progress_in_the_contract():
    batch = ImportBatch(
        status=ImportStatus.RUNNING,
        valid_rows=8,
        processed_rows=2,
        created_count=1,
        existing_count=1,
        failed_count=0,
    )
    with override("th"):
        data = batch.progress()
    assert set(data) == CONTRACT
    assert data["status"] == "running" and data["status_label"] == "กำลังนำเข้า"
    assert (data["processed"], data["total"], data["percent"]) == (2, 8, 25)
    assert data["finished"] is False and batch.is_finished is False and batch.percent == 25
    assert data["counts"] == {"created": 1, "existing": 1, "failed": 0}
    batch.status = ImportStatus.FAILED
    assert batch.is_finished is True and batch.progress()["finished"] is True


def _batch(centre, **fields) -> ImportBatch:
    batch = ImportBatch.objects.create(centre=centre, file_name="people.csv", valid_rows=4)
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
    return batch


@pytest.mark.django_db
def test_stuck_means_no_sign_of_life_for_a_while():
    centre = CentreFactory()
    now = timezone.now()
    old, recent = now - dt.timedelta(hours=1), now - dt.timedelta(minutes=1)
    quiet = _batch(centre, heartbeat_at=old, enqueued_at=old)
    alive = _batch(centre, heartbeat_at=recent, enqueued_at=old)
    # The heartbeat is the sign of life; without one, the last send; without that, the upload.
    never_beat = _batch(centre, enqueued_at=old, created_at=old)
    just_sent = _batch(centre, enqueued_at=recent, created_at=old)
    never_sent = _batch(centre, created_at=old)
    _batch(centre, created_at=recent)
    stuck = batches_stuck(ImportBatch.objects.all(), after=dt.timedelta(minutes=10))
    assert set(stuck) == {quiet, never_beat, never_sent}
    assert alive not in stuck and just_sent not in stuck
    # The caller's queryset says which batches should be at work.
    assert not batches_stuck(
        ImportBatch.objects.exclude(pk__in=[quiet.pk, never_beat.pk, never_sent.pk]),
        after=dt.timedelta(minutes=10),
    ).exists()


@pytest.mark.django_db
def test_the_sweep_sends_each_stuck_batch_once_and_counts_as_a_sign_of_life():
    centre = CentreFactory()
    old = timezone.now() - dt.timedelta(hours=1)
    first = _batch(centre, status=ImportStatus.QUEUED, heartbeat_at=old)
    second = _batch(centre, status=ImportStatus.RUNNING, heartbeat_at=old)
    _batch(centre, status=ImportStatus.DONE, heartbeat_at=old)
    working = ImportBatch.objects.filter(status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING])
    after = dt.timedelta(minutes=10)

    assert batches_sweep(working, after=after, task=_note) == 2
    assert sent == [first.pk, second.pk]
    first.refresh_from_db()
    assert first.enqueued_at is not None and first.heartbeat_at > old
    # Just sent: not stuck again until `after` has passed once more.
    assert batches_sweep(working, after=after, task=_note) == 0
    assert sent == [first.pk, second.pk]


@pytest.mark.django_db
def test_the_sweep_sends_at_most_its_limit():
    centre = CentreFactory()
    old = timezone.now() - dt.timedelta(hours=1)
    for _ in range(3):
        _batch(centre, heartbeat_at=old)
    assert (
        batches_sweep(ImportBatch.objects.all(), after=dt.timedelta(minutes=1), task=_note, limit=2)
        == 2
    )
    assert len(sent) == 2


@pytest.mark.django_db
def test_a_send_that_fails_is_not_counted_and_never_raises():
    centre = CentreFactory()
    batch = _batch(centre, heartbeat_at=timezone.now() - dt.timedelta(hours=1))
    assert batch_send(ImportBatch, batch.pk, _broken) is False
    batch.refresh_from_db()
    assert batch.enqueued_at is not None  # the sweep tries again after `after`


@pytest.mark.django_db
def test_the_heartbeat_moves_with_the_counters():
    centre = CentreFactory()
    batch = _batch(centre, heartbeat_at=None, processed_rows=1)
    assert batch_heartbeat(ImportBatch, batch.pk, processed_rows=F("processed_rows") + 2) == 1
    batch.refresh_from_db()
    assert batch.processed_rows == 3 and batch.heartbeat_at is not None
