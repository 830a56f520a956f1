"""Assignments decide completion through the learner-progress registries."""

import pytest

from lms.assignments.services import Work, submission_hand_in, submission_review
from lms.learning.models import CompletionSource, Enrollment
from lms.learning.requirements import LessonRequirement, course_unmet, lesson_requirements
from lms.learning.services import LearningError, lesson_complete

from .factories import AssignmentFactory


def test_lessons_with_an_assignment_need_it_passed(django_assert_num_queries, lessons):
    AssignmentFactory(lesson=lessons[1])
    ids = [lesson.pk for lesson in lessons]
    # The assignments provider answers for any number of lessons in one query.
    from lms.assignments.requirements import lessons_with_assignment

    with django_assert_num_queries(1):
        found = lessons_with_assignment(ids)
    assert found == {lessons[1].pk: LessonRequirement.ASSIGNMENT}
    kinds = lesson_requirements(ids)
    assert kinds[lessons[1].pk] == LessonRequirement.ASSIGNMENT
    assert kinds[lessons[0].pk] == LessonRequirement.MANUAL


def test_learner_cannot_mark_an_assignment_lesson_done(learner, assignment):
    with pytest.raises(LearningError) as refused:
        lesson_complete(user=learner, lesson=assignment.lesson)
    assert refused.value.code == LessonRequirement.ASSIGNMENT


def test_course_level_assignment_completes_the_course_when_passed(
    trainer, learner, course, lessons
):
    assignment = AssignmentFactory(course=course, title="โครงงานปลายหลักสูตร")
    for lesson in lessons:
        lesson_complete(user=learner, lesson=lesson)
    enrollment = Enrollment.objects.get(user=learner, course=course)
    assert enrollment.completed_at is None
    unmet = course_unmet(enrollment)
    assert [u.code for u in unmet] == ["assignment"]
    assert "โครงงานปลายหลักสูตร" in unmet[0].message
    submission = submission_hand_in(user=learner, assignment=assignment, work=Work(text="งาน"))
    submission_review(reviewer=trainer, submission=submission, decision="passed")
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_passing_the_last_lesson_completes_the_course(trainer, learner, course, lessons):
    assignment = AssignmentFactory(lesson=lessons[2])
    lesson_complete(user=learner, lesson=lessons[0])
    lesson_complete(user=learner, lesson=lessons[1])
    submission = submission_hand_in(user=learner, assignment=assignment, work=Work(text="งาน"))
    assert Enrollment.objects.get(user=learner).completed_at is None
    submission_review(reviewer=trainer, submission=submission, decision="passed")
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.completed_at is not None
    progress = enrollment.progress.get(lesson=lessons[2])
    assert progress.completed_via == CompletionSource.ASSIGNMENT
