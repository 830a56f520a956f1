"""When right answers and feedback are shown: each setting, and never during an open attempt."""

from datetime import timedelta

from django.utils import timezone

import pytest

from assessments.models import RevealAnswers
from assessments.selectors import answers_revealed
from assessments.services import attempt_answers_save, attempt_start, attempt_submit

from .factories import make_quiz, single_choice
from .helpers import answers_for

pytestmark = pytest.mark.django_db


def attempt(user, quiz, *, right):
    current = attempt_start(user=user, quiz=quiz).attempt
    attempt_answers_save(user=user, attempt=current, answers=answers_for(current, right=right))
    return attempt_submit(user=user, attempt=current).attempt


def revealed(user, quiz, which):
    attempts = list(user.quiz_attempts.filter(quiz=quiz))
    return answers_revealed(quiz=quiz, attempt=which, attempts=attempts)


@pytest.fixture
def quiz(lessons):
    return make_quiz(lesson=lessons[0], questions=[single_choice()], max_attempts=2)


def with_setting(quiz, reveal):
    quiz.reveal_answers = reveal
    quiz.save()
    return quiz


def test_never(enrolled, quiz):
    with_setting(quiz, RevealAnswers.NEVER)
    first = attempt(enrolled, quiz, right=True)
    assert not revealed(enrolled, quiz, first)


def test_after_each_attempt_but_not_while_the_next_is_open(enrolled, quiz):
    with_setting(quiz, RevealAnswers.AFTER_EACH_ATTEMPT)
    first = attempt(enrolled, quiz, right=False)
    assert revealed(enrolled, quiz, first)
    attempt_start(user=enrolled, quiz=quiz)
    assert not revealed(enrolled, quiz, first)


def test_after_passing(enrolled, quiz):
    with_setting(quiz, RevealAnswers.AFTER_PASSING)
    failed = attempt(enrolled, quiz, right=False)
    assert not revealed(enrolled, quiz, failed)
    attempt(enrolled, quiz, right=True)
    assert revealed(enrolled, quiz, failed)  # every attempt, once passed


def test_after_the_last_attempt(enrolled, quiz):
    with_setting(quiz, RevealAnswers.AFTER_LAST_ATTEMPT)
    first = attempt(enrolled, quiz, right=True)
    assert not revealed(enrolled, quiz, first)  # one attempt still left
    attempt(enrolled, quiz, right=False)
    assert revealed(enrolled, quiz, first)


def test_after_the_last_attempt_also_when_the_quiz_closed(enrolled, quiz):
    with_setting(quiz, RevealAnswers.AFTER_LAST_ATTEMPT)
    first = attempt(enrolled, quiz, right=True)
    quiz.closes_at = timezone.now() - timedelta(minutes=1)
    quiz.save()
    assert revealed(enrolled, quiz, first)
