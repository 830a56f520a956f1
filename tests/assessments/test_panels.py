"""The panels the lead's lesson and course pages include: contents and constant queries."""

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string

import pytest

from assessments.selectors import course_quiz_panels, lesson_quiz_panel
from curricula.models import CoursePage, LessonPage
from lms.learning.services import enrollment_create
from tests.factories import CoursePageFactory, LessonPageFactory

from .factories import make_quiz, single_choice
from .test_completion import pass_quiz

pytestmark = pytest.mark.django_db


def test_lesson_without_a_quiz_has_no_panel(enrolled, lessons):
    assert lesson_quiz_panel(user=enrolled, lesson=lessons[1]) is None


def test_lesson_panel_follows_the_learner(enrolled, learner, lessons):
    quiz = make_quiz(lesson=lessons[0], questions=[single_choice()], max_attempts=3)
    panel = lesson_quiz_panel(user=enrolled, lesson=lessons[0])
    assert panel["status"] == "not_started" and panel["attempts_left"] == 3
    assert panel["url"] == f"/quizzes/{quiz.pk}/"
    pass_quiz(enrolled, quiz, right=False)
    panel = lesson_quiz_panel(user=enrolled, lesson=lessons[0])
    assert panel["status"] == "failed" and panel["best_percent"] == 0
    assert panel["attempts_left"] == 2 and panel["action"]
    from assessments.services import attempt_start

    attempt = attempt_start(user=enrolled, quiz=quiz).attempt
    panel = lesson_quiz_panel(user=enrolled, lesson=lessons[0])
    assert panel["status"] == "in_progress"
    assert panel["url"] == f"/quizzes/attempts/{attempt.pk}/"
    html = render_to_string("assessments/includes/lesson_quiz_panel.html", {"panel": panel})
    assert panel["url"] in html and quiz.title in html


def test_panel_for_visitors_and_learners_not_enrolled(lessons):
    make_quiz(lesson=lessons[0], questions=[single_choice()])
    assert lesson_quiz_panel(user=AnonymousUser(), lesson=lessons[0])["status"] == "login"
    from tests.factories import UserFactory

    outsider = UserFactory(username="outsider")
    assert lesson_quiz_panel(user=outsider, lesson=lessons[0])["status"] == "not_enrolled"


def course_with_quizzes(track, lesson_count):
    course = CoursePageFactory(parent=track)
    lessons = [LessonPageFactory(parent=course) for _ in range(lesson_count)]
    for lesson in lessons:
        make_quiz(lesson=lesson, questions=[single_choice()], title=f"ท้ายบท {lesson.title}")
    make_quiz(course=course, questions=[single_choice()], title="ปลายหลักสูตร")
    return course, lessons


def test_course_panels_list_lesson_quizzes_in_order_then_the_final(learner, workforce_track):
    course, lessons = course_with_quizzes(workforce_track, 3)
    enrollment_create(user=learner, course=course)
    panels = course_quiz_panels(user=learner, course=course)
    assert [p["lesson"] for p in panels] == [*lessons, None]
    assert panels[-1]["is_final"] and panels[-1]["title"] == "ปลายหลักสูตร"
    html = "".join(
        render_to_string("assessments/includes/course_quiz_panel.html", {"panel": p})
        for p in panels
    )
    assert html.count("quiz-panel") == 4


def test_panel_queries_do_not_grow_with_the_course(
    learner, workforce_track, django_assert_num_queries
):
    small, small_lessons = course_with_quizzes(workforce_track, 2)
    large, large_lessons = course_with_quizzes(workforce_track, 12)
    for course in (small, large):
        enrollment_create(user=learner, course=course)
    for course, lessons in ((small, small_lessons), (large, large_lessons)):
        course = CoursePage.objects.get(pk=course.pk)
        lesson = LessonPage.objects.select_related("locale").get(pk=lessons[-1].pk)
        course_fresh = CoursePage.objects.select_related("locale").get(pk=course.pk)
        with django_assert_num_queries(3):
            assert len(course_quiz_panels(user=learner, course=course_fresh)) == len(lessons) + 1
        with django_assert_num_queries(3):
            assert lesson_quiz_panel(user=learner, lesson=lesson) is not None


def test_english_lesson_shows_the_thai_lessons_quiz(enrolled, course, lessons):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    course.copy_for_translation(english)
    english_lesson = lessons[0].copy_for_translation(english)
    english_lesson.save_revision().publish()
    quiz = make_quiz(lesson=lessons[0], questions=[single_choice()])
    panel = lesson_quiz_panel(user=enrolled, lesson=english_lesson)
    assert panel["quiz"] == quiz and panel["status"] == "not_started"
