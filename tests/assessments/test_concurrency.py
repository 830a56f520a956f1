"""Double clicks and two tabs, as real threads against the configured database.

On PostgreSQL (CI) the attempt row lock and the constraints decide; on SQLite the
write lock does. Either way an attempt is graded once and attempts stay within
the maximum.
"""

import threading

from django.contrib.auth.models import Group
from django.db import connection

from wagtail.models import ModelLogEntry

import pytest

from assessments.grading_services import essay_grade
from assessments.models import QuizAttempt
from assessments.services import (
    AttemptError,
    attempt_answers_save,
    attempt_start,
    attempt_submit,
)
from lms.learning.models import LessonProgress
from lms.learning.services import enrollment_create
from lms.setup.platform import platform_setup
from lms.users import roles
from tests.factories import (
    CentreFactory,
    CoursePageFactory,
    LessonPageFactory,
    StaffRoleFactory,
    UserFactory,
)

from .conftest import ensure_tree_roots
from .factories import essay, make_quiz, one_of_each
from .helpers import answers_for

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(functions):
    barrier = threading.Barrier(len(functions))
    results, errors = [], []

    def wrap(fn):
        try:
            barrier.wait(timeout=30)
            results.append(fn())
        except Exception as exc:  # collected and checked in the main thread
            errors.append(exc)
        finally:
            connection.close()  # each thread has its own; leave none open

    threads = [threading.Thread(target=wrap, args=(fn,)) for fn in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


@pytest.fixture
def setup():
    ensure_tree_roots()
    home = platform_setup()
    track = home.get_children().first().specific
    course = CoursePageFactory(parent=track)
    lesson = LessonPageFactory(parent=course)
    LessonPageFactory(parent=course)
    learner = UserFactory(username="twotabs")
    enrollment_create(user=learner, course=course)
    quiz = make_quiz(lesson=lesson, questions=one_of_each(), max_attempts=1)
    return learner, quiz, lesson


def test_concurrent_submits_grade_once(setup):
    learner, quiz, lesson = setup
    attempt = attempt_start(user=learner, quiz=quiz).attempt
    attempt_answers_save(user=learner, attempt=attempt, answers=answers_for(attempt))
    results, errors = run_together([lambda: attempt_submit(user=learner, attempt=attempt)] * 6)
    assert errors == []
    assert sum(1 for r in results if r.graded_now) == 1
    assert len({r.attempt.submitted_at for r in results}) == 1
    assert ModelLogEntry.objects.filter(action="assessments.attempt.submit").count() == 1
    assert LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).count() == 1


def test_concurrent_starts_make_one_attempt_within_the_maximum(setup):
    learner, quiz, _lesson = setup
    results, errors = run_together([lambda: attempt_start(user=learner, quiz=quiz)] * 6)
    assert all(isinstance(e, AttemptError) for e in errors), errors
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert sum(1 for r in results if r.created) == 1


def test_saving_while_submitting_never_changes_a_graded_attempt(setup):
    learner, quiz, _lesson = setup
    attempt = attempt_start(user=learner, quiz=quiz).attempt
    right = answers_for(attempt)
    results, errors = run_together(
        [lambda: attempt_submit(user=learner, attempt=attempt)]
        + [lambda: attempt_answers_save(user=learner, attempt=attempt, answers=right)] * 3
    )
    assert errors == []
    attempt.refresh_from_db()
    graded = {a.question_id: a.points for a in attempt.answers.all()}
    # Whatever order they ran in, the score is the sum of the stored points.
    assert attempt.score == sum(graded.values())


def test_two_trainers_grading_the_last_essays_at_once_finish_the_attempt_once(setup):
    """Each grades a different essay: the second to get the lock sees the first's points,
    and exactly one of them adds the attempt up and records the pass."""
    learner, _quiz, lesson = setup
    centre = CentreFactory()
    learner.home_centre = centre
    learner.save()
    quiz = make_quiz(lesson=lesson.get_next_sibling().specific, questions=[essay(), essay()])
    trainers = []
    for name in ("khru-a", "khru-b"):
        trainer = UserFactory(username=name)
        trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
        StaffRoleFactory(user=trainer, centre=centre)
        trainers.append(trainer)
    attempt = attempt_start(user=learner, quiz=quiz).attempt
    attempt_answers_save(user=learner, attempt=attempt, answers=answers_for(attempt))
    attempt = attempt_submit(user=learner, attempt=attempt).attempt
    first, second = attempt.answers.order_by("position")
    results, errors = run_together(
        [
            lambda: essay_grade(grader=trainers[0], attempt=attempt, grades={first.pk: (5, "")}),
            lambda: essay_grade(grader=trainers[1], attempt=attempt, grades={second.pk: (5, "")}),
        ]
    )
    assert errors == [] and len(results) == 2
    attempt.refresh_from_db()
    assert attempt.percent == 100 and attempt.passed and attempt.graded_at is not None
    assert ModelLogEntry.objects.filter(action="assessments.attempt.graded").count() == 1
    assert ModelLogEntry.objects.filter(action="assessments.essay.grade").count() == 2
