"""Two tabs and double clicks: concurrent requests never lose or duplicate progress.

Real threads against the configured database (PostgreSQL in CI, a SQLite file otherwise).
"""

import threading

from django.db import close_old_connections

import pytest

from lms.learning.models import Enrollment, LessonProgress
from lms.learning.services import enrollment_create, lesson_complete
from lms.setup.platform import platform_setup
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(functions):
    barrier = threading.Barrier(len(functions))
    errors = []

    def wrap(fn):
        try:
            barrier.wait(timeout=30)
            fn()
        except Exception as exc:  # collected and re-raised in the main thread
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=wrap, args=(fn,)) for fn in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return errors


@pytest.fixture
def setup():
    home = platform_setup()
    track = home.get_children().first().specific
    course = CoursePageFactory(parent=track)
    lessons = [LessonPageFactory(parent=course) for _ in range(4)]
    return UserFactory(username="twotabs"), course, lessons


def test_double_enrol_creates_one_enrolment(setup):
    learner, course, _lessons = setup
    errors = run_together([lambda: enrollment_create(user=learner, course=course)] * 6)
    assert errors == []
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_double_click_on_done_records_one_progress_row(setup):
    learner, course, lessons = setup
    enrollment_create(user=learner, course=course)
    errors = run_together([lambda: lesson_complete(user=learner, lesson=lessons[0])] * 6)
    assert errors == []
    assert LessonProgress.objects.filter(user=learner, lesson=lessons[0]).count() == 1


def test_two_tabs_finishing_the_last_lessons_complete_the_course_once(setup):
    learner, course, lessons = setup
    enrollment_create(user=learner, course=course)
    lesson_complete(user=learner, lesson=lessons[0])
    lesson_complete(user=learner, lesson=lessons[1])
    errors = run_together(
        [
            lambda: lesson_complete(user=learner, lesson=lessons[2]),
            lambda: lesson_complete(user=learner, lesson=lessons[3]),
        ]
    )
    assert errors == []
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.completed_at is not None
    assert LessonProgress.objects.filter(user=learner, completed_at__isnull=False).count() == 4
    from wagtail.models import ModelLogEntry

    completions = ModelLogEntry.objects.filter(
        action="lms.enrollment.complete", object_id=str(enrollment.pk)
    )
    assert completions.count() == 1
