"""The periodic sweep on a real Celery worker with Redis, against the test database.

An attempt whose learner never came back is graded at its deadline by the
worker process, not by anything the learner does.
"""

import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

from django.db import connection
from django.utils import timezone

import pytest

from assessments.models import CloseReason, QuizAttempt
from assessments.services import attempt_answers_save, attempt_start
from assessments.tasks import close_overdue_attempts
from lms.celery import app as celery_app
from lms.learning.models import LessonProgress
from lms.learning.services import enrollment_create
from lms.setup.platform import platform_setup
from tests.celery_broker import broker_connections_reset, broker_url_set
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

from .conftest import ensure_tree_roots
from .factories import make_quiz, single_choice
from .helpers import answers_for

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("LMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

pytestmark = pytest.mark.django_db(transaction=True)


def database_url() -> str:
    """The test database, for another process (SQLite tests use a file: lms/settings/test.py)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    auth = settings["USER"] + (f":{settings['PASSWORD']}" if settings.get("PASSWORD") else "")
    return f"postgres://{auth}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


@pytest.fixture
def worker():
    queue = f"assessments-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": REDIS_URL,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    original = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    broker_url_set(REDIS_URL)
    celery_app.conf.task_always_eager = False
    broker_connections_reset()
    try:
        yield queue
    finally:
        broker_url_set(original[0])
        celery_app.conf.task_always_eager = original[1]
        broker_connections_reset()
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def test_worker_grades_an_abandoned_attempt_at_its_deadline(worker):
    ensure_tree_roots()
    track = platform_setup().get_children().first().specific
    course = CoursePageFactory(parent=track)
    lesson = LessonPageFactory(parent=course)
    LessonPageFactory(parent=course)
    learner = UserFactory(username="gone")
    enrollment_create(user=learner, course=course)
    quiz = make_quiz(lesson=lesson, questions=[single_choice()], time_limit_minutes=5)
    started = timezone.now() - timedelta(minutes=6)
    attempt = attempt_start(user=learner, quiz=quiz, now=started).attempt
    attempt_answers_save(user=learner, attempt=attempt, answers=answers_for(attempt), now=started)

    close_overdue_attempts.apply_async(queue=worker)

    for _ in range(120):  # up to a minute for the worker to start and run the task
        attempt.refresh_from_db()
        if attempt.submitted_at is not None:
            break
        time.sleep(0.5)
    assert attempt.submitted_at == attempt.deadline
    assert attempt.close_reason == CloseReason.TIME_UP and attempt.passed
    assert LessonProgress.objects.get(lesson=lesson).completed_at is not None
    assert QuizAttempt.objects.open().count() == 0
