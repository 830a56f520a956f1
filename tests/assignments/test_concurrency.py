"""Double taps and two trainers at once: real threads against the configured database
(PostgreSQL in CI, a SQLite file otherwise). One decision, one current attempt."""

import threading

from django.db import connections

import pytest

from lms.assignments.models import Submission, SubmissionFile, SubmissionStatus
from lms.assignments.services import (
    AssignmentError,
    Work,
    submission_draft_save,
    submission_hand_in,
    submission_review,
)
from lms.learning.services import enrollment_create
from lms.setup.platform import platform_setup
from tests.factories import CentreFactory, CoursePageFactory, LessonPageFactory, UserFactory

from .factories import AssignmentFactory, make_trainer, photo

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(functions) -> list[Exception]:
    """Start the functions at the same moment in threads; return what they raised."""
    barrier = threading.Barrier(len(functions))
    errors: list[Exception] = []

    def wrap(fn):
        try:
            barrier.wait(timeout=30)
            fn()
        except Exception as exc:  # collected and checked in the main thread
            errors.append(exc)
        finally:
            connections.close_all()  # each thread had its own connection

    threads = [threading.Thread(target=wrap, args=(fn,)) for fn in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return errors


@pytest.fixture
def setup():
    home = platform_setup()
    track = home.get_children().first().specific
    course = CoursePageFactory(parent=track)
    lesson = LessonPageFactory(parent=course)
    centre = CentreFactory()
    learner = UserFactory(username="doubletap", home_centre=centre)
    enrollment_create(user=learner, course=course)
    assignment = AssignmentFactory(lesson=lesson)
    return learner, assignment, centre


def test_two_trainers_deciding_at_once_record_one_decision(setup):
    learner, assignment, centre = setup
    first, second = make_trainer("reviewer-1", centre), make_trainer("reviewer-2", centre)
    submission = submission_hand_in(user=learner, assignment=assignment, work=Work(text="งาน"))
    errors = run_together(
        [
            lambda: submission_review(reviewer=first, submission=submission, decision="passed"),
            lambda: submission_review(
                reviewer=second, submission=submission, decision="redo", feedback="แก้"
            ),
        ]
    )
    assert len(errors) == 1
    assert isinstance(errors[0], AssignmentError) and errors[0].code == "already_reviewed"
    submission.refresh_from_db()
    assert submission.status in (SubmissionStatus.PASSED, SubmissionStatus.REDO)
    expected_rows = 1 if submission.status == SubmissionStatus.PASSED else 2
    assert Submission.objects.filter(user=learner).count() == expected_rows


def test_double_tap_on_hand_in_hands_in_once(setup):
    learner, assignment, _centre = setup
    submission_draft_save(user=learner, assignment=assignment, work=Work(text="พร้อมส่ง"))
    errors = run_together(
        [lambda: submission_hand_in(user=learner, assignment=assignment, work=Work())] * 4
    )
    assert len(errors) == 3
    assert {e.code for e in errors} == {"submitted"}
    assert Submission.objects.get(user=learner).status == SubmissionStatus.SUBMITTED


def test_two_tabs_saving_a_first_draft_make_one_attempt(setup):
    learner, assignment, _centre = setup
    errors = run_together(
        [
            lambda: submission_draft_save(
                user=learner, assignment=assignment, work=Work(images=[photo("a.jpg")])
            ),
            lambda: submission_draft_save(
                user=learner, assignment=assignment, work=Work(images=[photo("b.jpg")])
            ),
        ]
    )
    assert errors == []
    draft = Submission.objects.get(user=learner)
    assert draft.attempt == 1
    assert sorted(SubmissionFile.objects.values_list("original_name", flat=True)) == [
        "a.jpg",
        "b.jpg",
    ]
