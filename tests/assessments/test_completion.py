"""Quizzes in the completion rules of lms.learning: lesson requirements and the final quiz."""

import pytest

from lms.learning.models import CompletionSource, Enrollment
from lms.learning.requirements import (
    LESSON_REQUIREMENT_PROVIDERS,
    LessonRequirement,
    course_unmet,
    lesson_requirements,
)
from lms.learning.services import LearningError, lesson_complete

from .factories import make_quiz, single_choice
from .helpers import answers_for

pytestmark = pytest.mark.django_db


def pass_quiz(user, quiz, right=True):
    from assessments.services import attempt_answers_save, attempt_start, attempt_submit

    attempt = attempt_start(user=user, quiz=quiz).attempt
    attempt_answers_save(user=user, attempt=attempt, answers=answers_for(attempt, right=right))
    return attempt_submit(user=user, attempt=attempt).attempt


def test_lessons_with_a_live_quiz_need_the_quiz_in_one_query(lessons, django_assert_num_queries):
    make_quiz(lesson=lessons[0], questions=[single_choice()])
    make_quiz(lesson=lessons[1], questions=[single_choice()], is_live=False)
    # One query per registered provider (quizzes, assignments), whatever the lessons.
    with django_assert_num_queries(len(LESSON_REQUIREMENT_PROVIDERS)):
        kinds = lesson_requirements([lesson.pk for lesson in lessons])
    assert kinds == {
        lessons[0].pk: LessonRequirement.QUIZ,
        lessons[1].pk: LessonRequirement.MANUAL,  # still being written
        lessons[2].pk: LessonRequirement.MANUAL,
    }


def test_a_lesson_with_a_quiz_cannot_be_marked_done_by_hand(enrolled, lessons):
    make_quiz(lesson=lessons[0], questions=[single_choice()])
    with pytest.raises(LearningError) as error:
        lesson_complete(user=enrolled, lesson=lessons[0])
    assert error.value.code == LessonRequirement.QUIZ


def test_passing_the_lesson_quiz_completes_the_lesson_and_then_the_course(enrolled, lessons):
    quiz = make_quiz(lesson=lessons[2], questions=[single_choice()])
    for lesson in lessons[:2]:
        lesson_complete(user=enrolled, lesson=lesson)
    pass_quiz(enrolled, quiz, right=False)
    enrollment = Enrollment.objects.get(user=enrolled)
    assert enrollment.completed_at is None
    pass_quiz(enrolled, quiz)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert enrollment.progress.get(lesson=lessons[2]).completed_via == CompletionSource.QUIZ


def test_the_final_quiz_stands_between_the_lessons_and_completion(enrolled, course, lessons):
    final = make_quiz(course=course, questions=[single_choice()], title="แบบทดสอบปลายหลักสูตร")
    for lesson in lessons:
        lesson_complete(user=enrolled, lesson=lesson)
    enrollment = Enrollment.objects.get(user=enrolled)
    assert enrollment.completed_at is None
    unmet = course_unmet(enrollment)
    assert [u.code for u in unmet] == ["quiz"]
    assert unmet[0].url == f"/quizzes/{final.pk}/"
    pass_quiz(enrolled, final)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_passing_the_final_quiz_first_completes_with_the_last_lesson(enrolled, course, lessons):
    final = make_quiz(course=course, questions=[single_choice()])
    pass_quiz(enrolled, final)
    enrollment = Enrollment.objects.get(user=enrolled)
    assert enrollment.completed_at is None
    for lesson in lessons:
        lesson_complete(user=enrolled, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_a_quiz_belongs_to_a_lesson_or_a_course_never_both(lessons, course):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        make_quiz(lesson=lessons[0], course=course)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_quiz()
    make_quiz(lesson=lessons[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        make_quiz(lesson=lessons[0])  # one quiz per lesson


def test_the_review_of_the_quiz_that_finishes_the_course_leads_to_the_certificate(
    client, enrolled, course, lessons
):
    final = make_quiz(course=course, questions=[single_choice()], title="แบบทดสอบปลายหลักสูตร")
    for lesson in lessons:
        lesson_complete(user=enrolled, lesson=lesson)
    client.force_login(enrolled)
    failed = pass_quiz(enrolled, final, right=False)
    link = f'href="/learn/courses/{course.pk}/completed/"'
    assert link not in client.get(f"/quizzes/attempts/{failed.pk}/review/").content.decode()
    passed = pass_quiz(enrolled, final)
    review = client.get(f"/quizzes/attempts/{passed.pk}/review/").content.decode()
    assert link in review and "ดูเกียรติบัตรของคุณ" in review
