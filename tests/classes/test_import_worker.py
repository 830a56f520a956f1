"""The import with real processes: a Celery worker (subprocess) on Redis.

- The worker is killed (SIGKILL) half-way through an import; the periodic sweep
  queues the import again and a new worker finishes it: every row imported once.
- The broker is unreachable when the admin confirms; the confirmation still
  succeeds, and the sweep queues the import once the broker is back.

They need PostgreSQL (the worker process must see the test database) and Redis,
as CI has (.ci/run). Every wait is bounded; a hung process fails the test.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.db import connection
from django.utils import timezone

import pytest

from lms.celery import app as celery_app
from lms.centres.models import StaffRoleKind
from lms.classes.models import ImportBatch, ImportStatus
from lms.classes.people_import import import_check, import_start
from lms.classes.tasks import import_batches_sweep_task
from lms.setup.platform import platform_setup
from lms.users.models import User
from tests.celery_broker import broker_connections_reset, broker_empty, broker_url_set
from tests.centres.sheets import csv_bytes, person
from tests.factories import CentreFactory, StaffRoleFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("LMS_CENTRES_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a worker process needs a database it can share (PostgreSQL; CI runs it)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def wait_for(condition, *, timeout: float, what: str, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def broker(settings):
    def use(url):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        celery_app.conf.task_always_eager = False
        broker_url_set(url)
        broker_connections_reset()
        if url == REDIS_URL:
            broker_empty(url)

    original = celery_app.conf.broker_url
    yield use
    broker_url_set(original)
    celery_app.conf.task_always_eager = True
    broker_connections_reset()


class Worker:
    def __init__(self, tmp_path: Path):
        self.log = tmp_path / f"worker-{uuid.uuid4().hex[:6]}.log"
        self.process = None

    def start(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
            "DATABASE_URL": database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": REDIS_URL,
            "DJANGO_LOG_LEVEL": "INFO",
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "lms",
                "worker",
                "--loglevel=INFO",
                "--pool=prefork",
                "--concurrency=1",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-n",
                f"centres-test-{uuid.uuid4().hex[:8]}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for(
            lambda: b" ready." in self.log.read_bytes() or self.process.poll() is not None,
            timeout=60,
            what="the worker to start",
        )
        assert self.process.poll() is None, self.log.read_text()[-3000:]
        return self

    def kill(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def workers(tmp_path):
    started = []

    def start():
        worker = Worker(tmp_path).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.kill()


@pytest.fixture
def admin_and_centre():
    platform_setup()
    centre = CentreFactory(code="NKI-W")
    admin = UserFactory(username="worker-admin")
    StaffRoleFactory(user=admin, centre=centre, role=StaffRoleKind.CENTRE_ADMIN)
    return admin, centre


def checked_batch(admin, centre, rows: int) -> ImportBatch:
    return import_check(
        actor=admin,
        centre=centre,
        cohort=None,
        file_name="people.csv",
        content=csv_bytes([person(n, phone="") for n in range(rows)]),
    )


def state(batch) -> tuple:
    batch.refresh_from_db()
    return batch.status, batch.processed_rows, batch.created_count


def imported(centre) -> int:
    return User.objects.filter(home_centre=centre, must_change_password=True).count()


def test_a_killed_worker_loses_nothing_and_creates_no_one_twice(admin_and_centre, broker, workers):
    admin, centre = admin_and_centre
    broker(REDIS_URL)
    batch = checked_batch(admin, centre, rows=600)
    first = workers()
    import_start(actor=admin, batch=batch, only_valid_rows=False)
    wait_for(lambda: state(batch)[1] >= 100, timeout=120, what="the first chunk")
    first.kill()
    status, processed, created = state(batch)
    assert status == ImportStatus.RUNNING, "the import finished before the worker was killed"
    assert processed < 600
    assert imported(centre) == created == processed  # committed chunks only

    # Ten minutes later the sweep finds the import's heartbeat stopped.
    ImportBatch.objects.filter(pk=batch.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(hours=1)
    )
    workers()
    assert import_batches_sweep_task() == 1
    wait_for(lambda: state(batch)[0] == ImportStatus.DONE, timeout=180, what="the import")
    assert state(batch) == (ImportStatus.DONE, 600, 600)
    assert imported(centre) == 600
    assert batch.rows.filter(processed=False).count() == 0


def test_confirming_while_the_broker_is_down_loses_nothing(admin_and_centre, broker, workers):
    admin, centre = admin_and_centre
    batch = checked_batch(admin, centre, rows=5)
    broker("redis://127.0.0.1:1/0")  # nothing listens there
    import_start(actor=admin, batch=batch, only_valid_rows=False)  # no exception
    assert state(batch)[0] == ImportStatus.QUEUED

    broker(REDIS_URL)
    workers()
    ImportBatch.objects.filter(pk=batch.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert import_batches_sweep_task() == 1
    wait_for(lambda: state(batch)[0] == ImportStatus.DONE, timeout=120, what="the import")
    assert imported(centre) == 5
