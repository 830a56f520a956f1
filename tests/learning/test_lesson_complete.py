import datetime as dt

import pytest

from lms.learning.models import CompletionSource, Enrollment, LessonProgress
from lms.learning.requirements import (
    LESSON_REQUIREMENT_PROVIDERS,
    LessonRequirement,
    register_lesson_requirement,
)
from lms.learning.services import LearningError, enrollment_create, lesson_complete, lesson_visit
from tests.factories import LessonPageFactory, UserFactory


@pytest.fixture
def learner(db):
    return UserFactory(username="learner-a")


def test_completing_every_required_lesson_completes_the_course_once(learner, course, lessons):
    enrollment_create(user=learner, course=course)
    for lesson in lessons[:-1]:
        lesson_complete(user=learner, lesson=lesson)
        assert Enrollment.objects.get(user=learner).completed_at is None
    lesson_complete(user=learner, lesson=lessons[-1])
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.completed_at is not None
    first_completion = enrollment.completed_at
    # Repeating the last step changes nothing.
    lesson_complete(user=learner, lesson=lessons[-1])
    enrollment.refresh_from_db()
    assert enrollment.completed_at == first_completion
    assert LessonProgress.objects.filter(user=learner).count() == 3


def test_optional_lessons_do_not_block_completion(learner, course, lessons):
    optional = LessonPageFactory(parent=course, is_optional=True)
    enrollment_create(user=learner, course=course)
    for lesson in lessons:
        lesson_complete(user=learner, lesson=lesson)
    assert Enrollment.objects.get(user=learner).completed_at is not None
    assert not LessonProgress.objects.filter(lesson=optional).exists()


def test_completing_without_enrolment_is_refused_and_saves_nothing(learner, lessons):
    with pytest.raises(LearningError) as error:
        lesson_complete(user=learner, lesson=lessons[0])
    assert error.value.code == "not_enrolled"
    assert not LessonProgress.objects.exists()


def test_lesson_decided_by_a_quiz_cannot_be_marked_done(learner, course, lessons):
    quiz_lesson = lessons[1]

    def provider(lesson_ids):
        return {pk: LessonRequirement.QUIZ for pk in lesson_ids if pk == quiz_lesson.pk}

    register_lesson_requirement(provider, order=100)
    try:
        enrollment_create(user=learner, course=course)
        with pytest.raises(LearningError) as error:
            lesson_complete(user=learner, lesson=quiz_lesson)
        assert error.value.code == LessonRequirement.QUIZ
        progress = lesson_complete(user=learner, lesson=quiz_lesson, via=CompletionSource.QUIZ)
        assert progress.completed_via == CompletionSource.QUIZ
    finally:
        LESSON_REQUIREMENT_PROVIDERS.unregister(provider)


def test_visit_records_first_and_last_visit(learner, course, lessons):
    assert lesson_visit(user=learner, lesson=lessons[0]) is None
    enrollment_create(user=learner, course=course)
    first = lesson_visit(user=learner, lesson=lessons[0])
    second = lesson_visit(user=learner, lesson=lessons[0])
    assert first.pk == second.pk
    progress = LessonProgress.objects.get(pk=first.pk)
    assert progress.first_visited_at <= progress.last_visited_at
    assert progress.state == "in_progress"


def test_reloading_a_lesson_within_a_minute_writes_nothing_later_visits_are_recorded(
    learner, course, lessons
):
    enrollment = enrollment_create(user=learner, course=course).enrollment
    first = lesson_visit(user=learner, lesson=lessons[0])
    stored = LessonProgress.objects.get(pk=first.pk)
    activity = Enrollment.objects.get(pk=enrollment.pk).last_activity_at

    lesson_visit(user=learner, lesson=lessons[0])  # a reload
    assert LessonProgress.objects.get(pk=first.pk).last_visited_at == stored.last_visited_at
    assert Enrollment.objects.get(pk=enrollment.pk).last_activity_at == activity

    an_hour_ago = stored.last_visited_at - dt.timedelta(hours=1)
    LessonProgress.objects.filter(pk=first.pk).update(last_visited_at=an_hour_ago)
    lesson_visit(user=learner, lesson=lessons[0])
    assert LessonProgress.objects.get(pk=first.pk).last_visited_at > stored.last_visited_at
    assert Enrollment.objects.get(pk=enrollment.pk).last_activity_at > activity
