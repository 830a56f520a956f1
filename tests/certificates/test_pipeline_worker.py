"""The render pipeline with real processes: a Celery worker (subprocess) on Redis, the
worker killed with SIGKILL mid-batch, and Redis itself stopped while courses complete.

These need PostgreSQL (the worker process must see the test database) and Redis;
CI has both. Every wait is bounded; a hung process fails the test.
"""

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.db import connection
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from lms.celery import app as celery_app
from lms.certificates.batches import certificate_batch_create, certificate_batch_progress
from lms.certificates.models import Certificate, CertificateBatch, RenderStatus
from lms.certificates.services import certificates_sweep
from lms.learning.models import Enrollment
from tests.celery_broker import broker_connections_reset, broker_empty, broker_url_set
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("LMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
OWN_REDIS_PORTS = range(6391, 6395)

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a worker process needs a database it can share (PostgreSQL; CI runs it)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def wait_for(condition, *, timeout: float, what: str, interval: float = 0.1):
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
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """`celery -A lms worker` in its own process group, logging to a file."""

    def __init__(self, broker: str, tmp_path: Path, settings, *, concurrency: int = 2):
        self.broker = broker
        self.log = tmp_path / f"worker-{uuid.uuid4().hex[:6]}.log"
        self.name = f"certificates-test-{uuid.uuid4().hex[:8]}@%h"
        self.env = {
            **os.environ,
            # Development settings: not eager, so tasks queued by the worker go to Redis too.
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
            "DATABASE_URL": database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": broker,
            "LMS_CERTIFICATES_ROOT": settings.STORAGES["certificates"]["OPTIONS"]["location"],
            "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "DJANGO_LOG_LEVEL": "INFO",
        }
        self.concurrency = concurrency
        self.process = None

    def start(self):
        handle = self.log.open("ab")
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
                f"--concurrency={self.concurrency}",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-n",
                self.name,
            ],
            cwd=ROOT,
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: SIGKILL reaches the pool too
        )
        wait_for(
            lambda: b" ready." in self.log.read_bytes() or self.process.poll() is not None,
            timeout=60,
            what="the worker to start",
        )
        assert self.process.poll() is None, self.log.read_text()[-3000:]
        return self

    def kill(self):
        """SIGKILL the worker and its pool: no warm shutdown, no acks, nothing restored."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self):
        """Warm shutdown: SIGTERM to the main process only, which lets running tasks end."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def broker(settings):
    """Point this test process's Celery app at a broker (as production would be)."""

    def use(url):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        celery_app.conf.task_always_eager = False
        broker_url_set(url)
        broker_connections_reset()
        # Leftovers from an earlier run must not be consumed here.
        broker_empty(url)

    original = celery_app.conf.broker_url
    yield use
    broker_url_set(original)
    celery_app.conf.task_always_eager = True
    broker_connections_reset()


@pytest.fixture
def workers(tmp_path, settings):
    started = []

    def start(broker_url, **kwargs):
        worker = Worker(broker_url, tmp_path, settings, **kwargs).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


class OwnRedis:
    """A redis-server of our own, so stopping it harms nobody else."""

    def __init__(self, tmp_path):
        self.port = next(p for p in OWN_REDIS_PORTS if self._free(p))
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.dir = tmp_path
        self.process = None

    @staticmethod
    def _free(port) -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", port)) != 0

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: not self._free(self.port), timeout=30, what="redis-server to listen")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        wait_for(lambda: self._free(self.port), timeout=30, what="redis-server to stop")


@pytest.fixture
def own_redis(tmp_path):
    redis = OwnRedis(tmp_path)
    redis.start()
    yield redis
    redis.stop()


def completed_before_certificates(course, centre, n, prefix):
    """Learners whose completion predates certificates: the case bulk issue is for."""
    learners = [
        UserFactory(username=f"{prefix}-{i}", home_centre=centre, first_name="ผู้เรียน")
        for i in range(n)
    ]
    Enrollment.objects.bulk_create(
        [Enrollment(user=u, course=course, completed_at=timezone.now()) for u in learners]
    )
    return learners


def files_per_certificate(root: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in root.rglob("*.pdf"):
        code = path.name.split("-v")[0]
        counts[code] = counts.get(code, 0) + 1
    return counts


def assert_each_rendered_once(certificates, files_root):
    renders = dict.fromkeys((c.pk for c in certificates), 0)
    for entry in ModelLogEntry.objects.filter(action="lms.certificate.render"):
        if int(entry.object_id) in renders:
            renders[int(entry.object_id)] += 1
    assert set(renders.values()) == {1}, renders
    assert {c.render_count for c in certificates} == {1}
    assert {c.status for c in certificates} == {RenderStatus.RENDERED}
    files = files_per_certificate(files_root)
    assert files == {c.code: 1 for c in certificates}, files
    for certificate in certificates:
        assert (files_root / certificate.file_name).read_bytes().startswith(b"%PDF")


def test_a_real_worker_renders_a_bulk_issue(
    broker, workers, course, centre, national_admin, certificate_files
):
    learners = completed_before_certificates(course, centre, 8, "batch")
    broker(REDIS_URL)
    workers(REDIS_URL)
    batch = certificate_batch_create(actor=national_admin, course=course, learners=learners)
    wait_for(
        lambda: certificate_batch_progress(batch=batch).done,
        timeout=180,
        what="the batch to render",
        interval=0.5,
    )
    progress = certificate_batch_progress(batch=batch)
    assert (progress.issued, progress.rendered, progress.skipped) == (8, 8, 0)
    CertificateBatch.objects.get(pk=batch.pk, checked_at__isnull=False)
    assert_each_rendered_once(list(Certificate.objects.all()), certificate_files)


def test_killing_the_worker_mid_batch_leaves_every_certificate_rendered_once(
    broker, workers, course, centre, national_admin, certificate_files
):
    total = 24
    learners = completed_before_certificates(course, centre, total, "killed")
    broker(REDIS_URL)
    worker = workers(REDIS_URL, concurrency=1)
    batch = certificate_batch_create(actor=national_admin, course=course, learners=learners)

    def rendered():
        return Certificate.objects.filter(status=RenderStatus.RENDERED).count()

    wait_for(lambda: rendered() >= 1, timeout=180, what="the first certificate", interval=0.05)
    worker.kill()
    done_before_kill = rendered()
    assert 0 < done_before_kill < total, "the kill must land mid-batch"
    print(f"worker killed with {done_before_kill} of {total} certificates rendered")

    # Messages the dead worker held are not redelivered for an hour (Redis visibility
    # timeout); the rest are still queued. A new worker plus the sweep finish the job.
    workers(REDIS_URL, concurrency=2)
    certificates_sweep(older_than=dt.timedelta(0))
    wait_for(
        lambda: certificate_batch_progress(batch=batch).done,
        timeout=240,
        what="the batch to finish after the restart",
        interval=0.5,
    )
    certificates = list(Certificate.objects.all())
    assert len(certificates) == total
    assert Certificate.objects.values("learner").distinct().count() == total
    assert_each_rendered_once(certificates, certificate_files)


def test_with_redis_down_completion_still_records_the_certificate(
    broker, workers, own_redis, course, lessons, centre, certificate_files
):
    from lms.learning.services import enrollment_create, lesson_complete

    def complete(user):
        enrollment_create(user=user, course=course)
        for lesson in lessons:
            lesson_complete(user=user, lesson=lesson)

    broker(own_redis.url)
    workers(own_redis.url)
    before = UserFactory(username="before-outage", home_centre=centre)
    complete(before)
    wait_for(
        lambda: Certificate.objects.filter(learner=before, status=RenderStatus.RENDERED).exists(),
        timeout=120,
        what="the first certificate to render",
    )

    own_redis.stop()
    during = [UserFactory(username=f"during-outage-{i}", home_centre=centre) for i in range(3)]
    started = time.monotonic()
    for user in during:
        complete(user)  # must neither fail nor hang
    print(f"{len(during)} completions with Redis down took {time.monotonic() - started:.1f}s")
    for user in during:
        assert Enrollment.objects.get(user=user).completed_at is not None
        certificate = Certificate.objects.get(learner=user)
        assert certificate.status == RenderStatus.PENDING

    own_redis.start()
    broker_connections_reset()  # as a freshly started web process would
    # The messages were never sent; the sweep (run by celery beat) sends them now.
    wait_for(
        lambda: certificates_sweep(older_than=dt.timedelta(0)) >= len(during),
        timeout=60,
        what="the sweep to reach Redis again",
        interval=1,
    )
    wait_for(
        lambda: Certificate.objects.filter(status=RenderStatus.RENDERED).count() == 4,
        timeout=180,
        what="the certificates to render after the outage",
        interval=0.5,
    )
    assert_each_rendered_once(list(Certificate.objects.all()), certificate_files)
