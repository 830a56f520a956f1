"""Statements written with their events, their shape, and the drain's back-off (no LRS)."""

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone

import pytest

from lms.certificates.models import Certificate
from lms.learning.services import enrollment_create, lesson_complete, lesson_visit
from lms.xapi.models import LearnerAgent, StatementOutbox
from lms.xapi.selectors import outbox_counts
from lms.xapi.services import BACKOFF_FIRST, backoff_for, outbox_drain

ADL = "http://adlnet.gov/expapi/verbs/"


def verbs():
    return [
        row.statement["verb"]["id"].rsplit("/", 1)[1]
        for row in StatementOutbox.objects.order_by("id")
    ]


def test_nothing_is_written_without_an_lrs(settings, journey, make_learner):
    settings.LMS_XAPI_LRS_URL = ""
    journey(make_learner("malee"))
    assert not StatementOutbox.objects.exists()
    assert not LearnerAgent.objects.exists()
    assert outbox_drain().sent == 0


def test_a_journey_writes_one_statement_per_event(
    lrs_settings, journey, make_learner, course, lessons, quiz
):
    learner = make_learner("malee")
    enrollment = journey(learner)
    assert verbs() == [
        "launched",  # lesson 1 opened
        "completed",  # lesson 1 done
        "launched",
        "completed",
        "launched",  # lesson 3 (the quiz's) opened
        "attempted",
        "failed",
        "attempted",
        "passed",
        "completed",  # lesson 3, by the pass
        "completed",  # the course
        "earned",  # the certificate
    ]
    # Opening a lesson again, or marking it done again, says nothing new.
    lesson_visit(user=learner, lesson=lessons[0])
    lesson_complete(user=learner, lesson=lessons[0])
    assert StatementOutbox.objects.count() == 12

    rows = list(StatementOutbox.objects.order_by("id"))
    agent = LearnerAgent.objects.get(user=learner)
    registration = rows[0].statement["context"]["registration"]
    assert uuid.UUID(registration)
    for row in rows:
        statement = row.statement
        assert statement["id"] == str(row.statement_id)
        assert statement["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": "https://learn.example.org/", "name": str(agent.name)},
        }
        assert "malee" not in str(statement) and "มาลี" not in str(statement)
        assert statement["verb"]["id"].startswith(("http://adlnet.gov/", "http://id.tincanapi"))
        assert statement["object"]["id"].startswith("https://learn.example.org/")
        assert statement["context"]["registration"] == registration
        assert statement["context"]["platform"]
        # With its time zone (Asia/Bangkok).
        assert statement["timestamp"].endswith("+07:00")

    launched = rows[0].statement
    assert (
        launched["object"]["id"]
        == f"https://learn.example.org/xapi/activities/lesson/{lessons[0].pk}/"
    )
    assert launched["object"]["definition"]["name"]["th"] == lessons[0].title
    assert launched["context"]["contextActivities"]["parent"][0]["id"] == (
        f"https://learn.example.org/xapi/activities/course/{course.pk}/"
    )

    failed, passed = rows[6].statement, rows[8].statement
    assert failed["result"]["success"] is False
    assert failed["result"]["score"] == {"scaled": 0.0, "raw": 0.0, "min": 0, "max": 1.0}
    assert passed["verb"]["id"] == ADL + "passed"
    assert passed["result"]["score"] == {"scaled": 1.0, "raw": 1.0, "min": 0, "max": 1.0}
    assert passed["object"]["id"] == f"https://learn.example.org/xapi/activities/quiz/{quiz.pk}/"
    parents = [p["id"] for p in passed["context"]["contextActivities"]["parent"]]
    assert parents == [
        f"https://learn.example.org/xapi/activities/lesson/{lessons[-1].pk}/",
        f"https://learn.example.org/xapi/activities/course/{course.pk}/",
    ]

    course_done = rows[10].statement
    assert (
        course_done["object"]["id"]
        == f"https://learn.example.org/xapi/activities/course/{course.pk}/"
    )
    assert course_done["timestamp"] == timezone.localtime(enrollment.completed_at).isoformat(
        timespec="milliseconds"
    )
    certificate = Certificate.objects.get(learner=learner)
    earned = rows[11].statement
    assert earned["verb"]["id"] == "http://id.tincanapi.com/verb/earned"
    assert earned["object"]["id"] == (
        f"https://learn.example.org/certificates/verify/{certificate.code}/"
    )


def test_a_statement_rolls_back_with_its_event(lrs_settings, make_learner, course, lessons):
    learner = make_learner("malee")
    enrollment_create(user=learner, course=course)
    with pytest.raises(RuntimeError), transaction.atomic():
        lesson_complete(user=learner, lesson=lessons[0])
        assert StatementOutbox.objects.count() == 2  # launched, completed
        raise RuntimeError("the request failed after the lesson was marked done")
    assert not StatementOutbox.objects.exists()
    lesson_complete(user=learner, lesson=lessons[0])
    assert verbs() == ["launched", "completed"]


def test_an_unreachable_lrs_keeps_statements_and_backs_off(
    lrs_settings, make_learner, course, lessons
):
    learner = make_learner("malee")
    enrollment_create(user=learner, course=course)
    lesson_complete(user=learner, lesson=lessons[0])
    before = timezone.now()
    result = outbox_drain()
    assert (result.sent, result.failed) == (0, 2)
    for row in StatementOutbox.objects.all():
        assert row.sent_at is None and row.attempts == 1
        assert "ConnectionError" in row.last_error
        assert row.next_attempt_at >= before + BACKOFF_FIRST
    # Before the back-off has passed nothing is tried again.
    assert outbox_drain().failed == 0
    assert set(StatementOutbox.objects.values_list("attempts", flat=True)) == {1}
    # Once it has passed, the next failure waits twice as long.
    StatementOutbox.objects.update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))
    outbox_drain()
    row = StatementOutbox.objects.first()
    assert row.attempts == 2
    assert row.next_attempt_at - timezone.now() > BACKOFF_FIRST * 1.9
    assert outbox_counts().waiting == 2 and outbox_counts().failing == 2


def test_backoff_doubles_up_to_an_hour():
    assert backoff_for(1) == BACKOFF_FIRST
    assert backoff_for(2) == BACKOFF_FIRST * 2
    assert backoff_for(3) == BACKOFF_FIRST * 4
    assert backoff_for(30) == dt.timedelta(hours=1)


def test_the_drain_is_sent_after_the_commit_and_beat_runs_it_every_minute(
    lrs_settings, make_learner, course, lessons, monkeypatch, django_capture_on_commit_callbacks
):
    from django.conf import settings

    from lms.xapi import services

    sent = []
    monkeypatch.setattr(services, "run_or_queue", lambda task, *args: sent.append(task.name))
    learner = make_learner("malee")
    enrollment_create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        lesson_complete(user=learner, lesson=lessons[0])
    assert sent == []  # nothing is sent before the event is committed
    for callback in callbacks:
        callback()
    assert set(sent) == {"lms.xapi.drain"}
    beat = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "lms.xapi.drain" in beat


def test_the_export_names_the_lrs_id_and_erasure_unlinks_it(
    lrs_settings, make_learner, course, lessons, client
):
    import json

    from lms.users.services import user_anonymise

    learner = make_learner("malee")
    other = make_learner("somchai")
    enrollment_create(user=learner, course=course)
    enrollment_create(user=other, course=course)
    lesson_complete(user=learner, lesson=lessons[0])
    lesson_complete(user=other, lesson=lessons[0])
    agent = LearnerAgent.objects.get(user=learner)
    assert agent.name != LearnerAgent.objects.get(user=other).name
    client.force_login(learner)
    data = json.loads(client.get("/accounts/my-data/?download=1").content)
    assert data["learning_records"] == {"lrs_account_name": str(agent.name), "statements": 2}

    user_anonymise(user=learner, requested_by=learner)
    assert not LearnerAgent.objects.filter(user=learner).exists()
    # The statements stay (they name nobody); the other learner's link stays too.
    assert StatementOutbox.objects.count() == 4
    assert LearnerAgent.objects.filter(user=other).exists()
