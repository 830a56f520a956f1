"""The deadline lives on the server: start + time limit (or the closing time, if sooner)."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

import pytest

from assessments.models import AttemptAnswer, CloseReason, QuizAttempt
from assessments.services import (
    attempt_answers_save,
    attempt_start,
    attempt_submit,
    attempts_close_overdue,
)
from assessments.tasks import close_overdue_attempts
from lms.celery import app as celery_app

from .factories import make_quiz, single_choice
from .helpers import answers_for, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def timed_quiz(lessons):
    questions = [single_choice(right=f"ถูก{n}") for n in range(4)]
    return make_quiz(lesson=lessons[0], questions=questions, time_limit_minutes=10)


def begun(user, quiz, minutes_ago: float):
    """An attempt started `minutes_ago` (the clock is the server's)."""
    started = timezone.now() - timedelta(minutes=minutes_ago)
    return attempt_start(user=user, quiz=quiz, now=started).attempt


def test_deadline_is_start_plus_limit(enrolled, timed_quiz):
    attempt = begun(enrolled, timed_quiz, 0)
    assert attempt.deadline == attempt.started_at + timedelta(minutes=10)


def test_closing_time_cuts_the_deadline_short(enrolled, timed_quiz):
    timed_quiz.closes_at = timezone.now() + timedelta(minutes=3)
    timed_quiz.save()
    attempt = begun(enrolled, timed_quiz, 0)
    assert attempt.deadline == timed_quiz.closes_at


def test_answers_after_the_deadline_are_refused_and_the_attempt_graded_at_it(enrolled, timed_quiz):
    attempt = begun(enrolled, timed_quiz, 9)
    # Two right answers in time...
    attempt_answers_save(
        user=enrolled, attempt=attempt, answers=answers_for(attempt, positions={1, 2})
    )
    # ...two more a second after the deadline.
    late = attempt.deadline + timedelta(seconds=1)
    result = attempt_answers_save(
        user=enrolled, attempt=attempt, answers=answers_for(attempt, positions={3, 4}), now=late
    )
    assert result.closed and result.time_up and not result.saved
    attempt.refresh_from_db()
    assert attempt.submitted_at == attempt.deadline
    assert attempt.close_reason == CloseReason.TIME_UP
    assert attempt.percent == Decimal(50)
    assert AttemptAnswer.objects.filter(attempt=attempt).exclude(response_key="").count() == 2


def test_submit_after_the_deadline_closes_at_the_deadline(enrolled, timed_quiz):
    attempt = begun(enrolled, timed_quiz, 30)
    result = attempt_submit(user=enrolled, attempt=attempt)
    assert result.attempt.submitted_at == attempt.deadline
    assert result.attempt.close_reason == CloseReason.TIME_UP


def test_attempt_left_open_is_graded_by_the_periodic_task(enrolled, timed_quiz):
    attempt = begun(enrolled, timed_quiz, 12)
    attempt_answers_save(
        user=enrolled,
        attempt=attempt,
        answers=answers_for(attempt),
        now=attempt.started_at + timedelta(minutes=1),
    )
    still_running = begun_by_someone_else(timed_quiz)
    close_overdue_attempts.delay()  # eager in tests; a real worker in test_worker.py
    attempt.refresh_from_db()
    assert attempt.submitted_at == attempt.deadline and attempt.passed
    assert QuizAttempt.objects.get(pk=still_running.pk).submitted_at is None
    assert attempts_close_overdue() == 0  # nothing left to close; never twice


def begun_by_someone_else(quiz):
    from lms.learning.services import enrollment_create
    from tests.factories import UserFactory

    other = UserFactory(username="somsri")
    enrollment_create(user=other, course=quiz.lesson.get_parent().specific)
    return begun(other, quiz, 1)


def test_attempt_left_open_is_graded_on_next_visit(client, enrolled, timed_quiz):
    attempt = begun(enrolled, timed_quiz, 11)
    client.force_login(enrolled)
    response = client.get(f"/quizzes/attempts/{attempt.pk}/")
    assert response.status_code == 302 and response["Location"].endswith("/review/")
    attempt.refresh_from_db()
    assert attempt.close_reason == CloseReason.TIME_UP


def test_form_post_after_the_deadline_saves_nothing(client, enrolled, timed_quiz):
    attempt = begun(enrolled, timed_quiz, 11)
    client.force_login(enrolled)
    response = client.post(f"/quizzes/attempts/{attempt.pk}/", post_data(answers_for(attempt)))
    assert response.status_code == 302 and response["Location"].endswith("/review/")
    autosave = client.post(
        f"/quizzes/attempts/{attempt.pk}/autosave/", post_data(answers_for(attempt))
    )
    assert autosave.status_code == 409 and autosave.json()["closed"] is True
    assert not AttemptAnswer.objects.filter(attempt=attempt).exclude(response_key="").exists()


def test_starting_again_after_an_abandoned_timed_attempt(enrolled, timed_quiz):
    first = begun(enrolled, timed_quiz, 15)
    second = attempt_start(user=enrolled, quiz=timed_quiz)
    assert second.created and second.attempt.number == 2
    first.refresh_from_db()
    assert first.close_reason == CloseReason.TIME_UP


def test_the_sweep_is_scheduled():
    entry = settings.CELERY_BEAT_SCHEDULE["assessments-close-overdue-attempts"]
    assert entry["task"] == close_overdue_attempts.name
    assert entry["schedule"] <= 60
    assert close_overdue_attempts.name in celery_app.tasks


def test_the_sheet_shows_the_server_deadline_not_a_client_clock(client, enrolled, timed_quiz):
    attempt = begun(enrolled, timed_quiz, 2)
    client.force_login(enrolled)
    html = client.get(f"/quizzes/attempts/{attempt.pk}/").content.decode()
    assert 'data-seconds-left="' in html
    seconds = int(html.split('data-seconds-left="')[1].split('"')[0])
    assert 0 < seconds <= 8 * 60
