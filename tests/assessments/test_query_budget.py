"""The quiz sheet and submitting cost the same number of queries for 5 and for 50 questions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import wagtail_factories

from assessments.models import Question
from tests.factories import LessonPageFactory

from .factories import (
    make_quiz,
    matching,
    multiple_choice,
    numeric,
    short_text,
    single_choice,
    true_false,
)
from .helpers import answers_for, post_data

pytestmark = pytest.mark.django_db

MAKERS = [single_choice, multiple_choice, true_false, short_text, numeric, matching]


def quiz_with(size, lesson, image):
    questions = [MAKERS[n % len(MAKERS)]() for n in range(size)]
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(image=image, image_alt="รูป")
    return make_quiz(lesson=lesson, questions=questions, title=f"{size} ข้อ")


def count(client, method, url, data=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), response.status_code
    return len(queries)


def measure(client, user, quiz):
    url = client.post(f"/quizzes/{quiz.pk}/start/")["Location"]
    attempt = user.quiz_attempts.get(quiz=quiz)
    client.post(url, post_data(answers_for(attempt)))
    client.get(url)  # renders the pictures' renditions once, as any first visit would
    page = count(client, "get", url)
    submit = count(client, "post", url + "submit/")
    attempt.refresh_from_db()
    assert attempt.percent == 100
    return page, submit


def test_sheet_and_submit_queries_do_not_grow_with_questions(client, enrolled, course, lessons):
    LessonPageFactory(parent=course)  # never done: no measured submit completes the course
    image = wagtail_factories.ImageFactory(title="ภาพประกอบ")
    client.force_login(enrolled)
    measure(client, enrolled, quiz_with(1, lessons[2], image))  # warms per-process caches
    small = measure(client, enrolled, quiz_with(5, lessons[0], image))
    large = measure(client, enrolled, quiz_with(50, lessons[1], image))
    assert small == large, f"5 questions: {small}, 50 questions: {large}"
    page, submit = large
    # Submitting: grading loads five kinds of answer rows, and the result is logged apart
    # from the submission (essays can make them hours apart). Completing the lesson asks each
    # lesson requirement provider once (H5P activities and SCORM packages added one).
    assert page <= 12 and submit <= 43, large
