"""Assignment and Grade Services: a linked learner's results go to the platform's line
item once per change, through the outbox, and a failed send is tried again."""

import datetime as dt

from django.utils import timezone

import jwt
import pytest

from assessments.services import attempt_answers_save, attempt_start, attempt_submit
from lms.learning.services import enrollment_create, lesson_complete
from lms.lti.models import LtiAccount, ScoreOutbox
from lms.lti.services import score_send, scores_sweep
from tests.assessments.factories import make_quiz, single_choice
from tests.assessments.helpers import answers_for
from tests.factories import UserFactory

from .conftest import CLIENT_ID, LTI, TOKEN_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(lms, course, lessons):
    lms.launch(**{LTI + "custom": {"course_id": str(course.pk)}})
    return LtiAccount.objects.get().user


def test_completing_the_course_posts_the_score_to_the_platform(
    lms, linked, course, lessons, tool_key, django_capture_on_commit_callbacks
):
    for lesson in lessons:
        with django_capture_on_commit_callbacks(execute=True):
            lesson_complete(user=linked, lesson=lesson)

    scores = [post["body"] for post in lms.score_posts]
    assert [s["scoreGiven"] for s in scores] == [33.0, 67.0, 100.0]
    final = scores[-1]
    assert final["scoreMaximum"] == 100.0
    assert final["activityProgress"] == "Completed"
    assert final["gradingProgress"] == "FullyGraded"
    assert final["userId"] == "moodle-user-42"
    assert final["timestamp"]
    assert scores[0]["activityProgress"] == "InProgress"
    post = lms.score_posts[-1]
    assert post["authorization"] == "Bearer platform-token"
    assert post["content_type"] == "application/vnd.ims.lis.v1.score+json"

    # The token request is a client-credentials grant signed with our key.
    grant = lms.token_requests[0]
    assert grant["grant_type"] == "client_credentials"
    assert "https://purl.imsglobal.org/spec/lti-ags/scope/score" in grant["scope"]
    assertion = jwt.decode(
        grant["client_assertion"], tool_key.public_key, algorithms=["RS256"], audience=TOKEN_URL
    )
    assert assertion["iss"] == assertion["sub"] == CLIENT_ID

    assert ScoreOutbox.objects.unsent().count() == 0
    # The last lesson and the course completion are two changes in one transaction; the
    # first gives way to the second, so the platform hears 100 once, as completed.
    assert ScoreOutbox.objects.count() == 4
    assert ScoreOutbox.objects.filter(last_error="superseded").count() == 1


def test_a_best_quiz_score_is_the_grade(
    lms, linked, course, lessons, django_capture_on_commit_callbacks
):
    quiz = make_quiz(lesson=lessons[0], questions=[single_choice(), single_choice()])
    attempt = attempt_start(user=linked, quiz=quiz).attempt
    attempt_answers_save(user=linked, attempt=attempt, answers=answers_for(attempt, positions={1}))
    with django_capture_on_commit_callbacks(execute=True):
        attempt_submit(user=linked, attempt=attempt)
    assert lms.score_posts[-1]["body"]["scoreGiven"] == 50.0


def test_nothing_is_sent_for_learners_who_did_not_come_through_lti(
    lms, course, lessons, django_capture_on_commit_callbacks
):
    learner = UserFactory(username="local-learner")
    enrollment_create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=learner, lesson=lessons[0])
    assert lms.score_posts == [] and not ScoreOutbox.objects.exists()


def test_a_failed_send_waits_and_is_sent_once_by_the_sweep(
    lms, linked, lessons, django_capture_on_commit_callbacks
):
    lms.score_status = 503
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=linked, lesson=lessons[0])
    row = ScoreOutbox.objects.get()
    assert row.sent_at is None and row.attempts == 1 and "503" in row.last_error
    assert row.next_attempt_at > timezone.now()
    assert scores_sweep() == 0  # not due yet
    assert len(lms.score_posts) == 1

    lms.score_status = 200
    ScoreOutbox.objects.filter(pk=row.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert scores_sweep() == 1
    row.refresh_from_db()
    assert row.sent_at is not None
    assert len(lms.score_posts) == 2
    # Sent means sent: neither the task run again nor the sweep posts it a second time.
    assert score_send(score_id=row.pk) is True
    assert scores_sweep() == 0
    assert len(lms.score_posts) == 2


def test_an_unchanged_result_is_not_queued_again(
    lms, linked, course, lessons, django_capture_on_commit_callbacks
):
    from lms.lti.services import score_record

    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=linked, lesson=lessons[0])
        score_record(user=linked, course_id=course.pk)
    assert ScoreOutbox.objects.count() == 1
    assert len(lms.score_posts) == 1


def test_an_older_unsent_score_gives_way_to_a_newer_one(lms, linked, lessons):
    # Without the commit callbacks nothing is sent: two changes wait in the outbox.
    lesson_complete(user=linked, lesson=lessons[0])
    lesson_complete(user=linked, lesson=lessons[1])
    older, newer = ScoreOutbox.objects.order_by("pk")
    assert score_send(score_id=older.pk) is True
    assert lms.score_posts == []
    assert score_send(score_id=newer.pk) is True
    assert [p["body"]["scoreGiven"] for p in lms.score_posts] == [67.0]
