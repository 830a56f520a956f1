"""Fifty submits of one quiz attempt at the same moment, over HTTP to a live server: the
attempt is graded once, every request gets an answer, none of them a server error."""

import threading
import urllib.request
from http.cookiejar import CookieJar

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from assessments.models import QuizAttempt
from assessments.services import attempt_answers_save, attempt_start
from lms.learning.models import LessonProgress
from lms.learning.services import enrollment_create
from lms.setup.platform import platform_setup
from tests.assessments.conftest import ensure_tree_roots
from tests.assessments.factories import make_quiz, one_of_each
from tests.assessments.helpers import answers_for
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
SUBMITS = 50


def _session_cookie(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]  # not the lockout guard
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_fifty_concurrent_http_submits_grade_the_attempt_once(live_server):
    ensure_tree_roots()
    home = platform_setup()
    course = CoursePageFactory(parent=home.get_children().first().specific)
    lesson = LessonPageFactory(parent=course)
    LessonPageFactory(parent=course)
    learner = UserFactory(username="fifty-clicks")
    enrollment_create(user=learner, course=course)
    quiz = make_quiz(lesson=lesson, questions=one_of_each(), max_attempts=1)
    attempt = attempt_start(user=learner, quiz=quiz).attempt
    attempt_answers_save(user=learner, attempt=attempt, answers=answers_for(attempt))

    cookie = _session_cookie(learner)
    token = "t" * 32  # any secret: the cookie and the header must agree
    url = live_server.url + reverse("assessments:submit", args=[attempt.pk])
    barrier = threading.Barrier(SUBMITS)
    statuses: list[int] = []
    failures: list[str] = []

    def submit():
        opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPCookieProcessor(CookieJar())
        )
        request = urllib.request.Request(  # noqa: S310 - the live test server
            url,
            data=b"",
            method="POST",
            headers={
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}; "
                f"{settings.CSRF_COOKIE_NAME}={token}",
                "X-CSRFToken": token,
                "Referer": live_server.url + "/",
            },
        )
        try:
            barrier.wait(timeout=30)
            with opener.open(request, timeout=60) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)
        except Exception as error:  # collected and reported by the main thread
            failures.append(repr(error))

    threads = [threading.Thread(target=submit) for _ in range(SUBMITS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)

    assert failures == []
    assert len(statuses) == SUBMITS
    # Every click lands on the review page (a redirect), none on an error.
    assert set(statuses) == {302}, statuses
    attempt = QuizAttempt.objects.get(pk=attempt.pk)
    assert attempt.submitted_at is not None
    assert attempt.percent == 100
    assert ModelLogEntry.objects.filter(action="assessments.attempt.submit").count() == 1
    assert LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).count() == 1
