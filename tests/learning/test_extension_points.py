"""What apps above learning plug in: requirements, the completion event, dashboard panels."""

from django.db import connection
from django.utils.html import format_html

from wagtail import hooks

import pytest

from assessments.requirements import final_quiz_passed, lessons_with_quiz
from lms.assignments.requirements import course_assignments_passed, lessons_with_assignment
from lms.classes.attendance import attendance_unmet
from lms.core.panels import Panel
from lms.h5p.requirements import lessons_with_activity
from lms.learning.dashboard import DASHBOARD_NOTICES, DASHBOARD_SECTIONS
from lms.learning.models import Enrollment
from lms.learning.requirements import (
    COURSE_CHECKS,
    LESSON_REQUIREMENT_PROVIDERS,
    Unmet,
    course_unmet,
    lesson_requirement,
    register_course_check,
    register_lesson_requirement,
    required_lessons_done,
)
from lms.learning.services import enrollment_create, lesson_complete
from lms.learning.signals import course_completed
from lms.packages.requirements import lessons_with_package
from tests.factories import UserFactory


@pytest.fixture
def learner(db):
    return UserFactory(username="learner-x")


def test_the_apps_register_their_requirements_in_the_order_learners_read_them():
    assert list(COURSE_CHECKS) == [
        required_lessons_done,
        final_quiz_passed,
        attendance_unmet,
        course_assignments_passed,
    ]
    # A lesson with both a quiz and an assignment is finished by the assignment; an H5P
    # activity gives way to either; a SCORM package that decides its lesson, to none.
    assert list(LESSON_REQUIREMENT_PROVIDERS) == [
        lessons_with_activity,
        lessons_with_quiz,
        lessons_with_assignment,
        lessons_with_package,
    ]


def test_a_registered_course_check_holds_completion_back_and_is_placed_by_order(
    learner, course, lessons
):
    def recording_missing(enrollment):
        return [Unmet("recording", "Send a voice recording")]

    enrollment = enrollment_create(user=learner, course=course).enrollment
    register_course_check(recording_missing, order=-10)  # before the lessons
    try:
        unmet = course_unmet(enrollment)
        assert [u.code for u in unmet] == ["recording"] + ["lesson"] * len(lessons)
        for lesson in lessons:
            lesson_complete(user=learner, lesson=lesson)
        assert Enrollment.objects.get(pk=enrollment.pk).completed_at is None
    finally:
        COURSE_CHECKS.unregister(recording_missing)
    assert recording_missing not in COURSE_CHECKS
    assert course_unmet(enrollment) == []


def test_a_registered_lesson_requirement_decides_its_lessons(lessons):
    def recordings(lesson_ids):
        return {pk: "recording" for pk in lesson_ids if pk == lessons[1].pk}

    register_lesson_requirement(recordings, order=50)
    try:
        assert lesson_requirement(lessons[1].pk) == "recording"
        assert lesson_requirement(lessons[0].pk) == "manual"
    finally:
        LESSON_REQUIREMENT_PROVIDERS.unregister(recordings)
    assert lesson_requirement(lessons[1].pk) == "manual"


def test_completion_listeners_hear_once_inside_the_completing_transaction(learner, course, lessons):
    heard = []

    def listener(sender, *, enrollment, **kwargs):
        heard.append((enrollment.pk, enrollment.completed_at, connection.in_atomic_block))

    course_completed.connect(listener, dispatch_uid="test-listener")
    try:
        enrollment_create(user=learner, course=course)
        for lesson in lessons:
            lesson_complete(user=learner, lesson=lesson)
        lesson_complete(user=learner, lesson=lessons[0])  # again: no second announcement
    finally:
        course_completed.disconnect(dispatch_uid="test-listener")
    enrollment = Enrollment.objects.get(user=learner)
    assert heard == [(enrollment.pk, enrollment.completed_at, True)]


def test_a_failing_listener_undoes_the_completion(learner, course, lessons):
    def listener(sender, **kwargs):
        raise RuntimeError("listener failed")

    enrollment_create(user=learner, course=course)
    for lesson in lessons[:-1]:
        lesson_complete(user=learner, lesson=lesson)
    course_completed.connect(listener, dispatch_uid="test-failing-listener")
    try:
        with pytest.raises(RuntimeError):
            lesson_complete(user=learner, lesson=lessons[-1])
    finally:
        course_completed.disconnect(dispatch_uid="test-failing-listener")
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.completed_at is None
    assert not enrollment.progress.filter(lesson=lessons[-1], completed_at__isnull=False).exists()


class Marker(Panel):
    def __init__(self, text):
        super().__init__("unused.html")
        self.text = text

    def render_html(self, parent_context=None):
        return format_html('<p class="test-marker">{}</p>', self.text)


def test_registered_dashboard_panels_are_shown_in_their_places(client, learner):
    client.force_login(learner)
    with (
        hooks.register_temporarily(DASHBOARD_NOTICES, lambda request: Marker("notice")),
        hooks.register_temporarily(
            DASHBOARD_SECTIONS, lambda request: Marker(f"section for {request.user}")
        ),
    ):
        html = client.get("/learn/").content.decode()
    # (A learner with nothing started sees no "in progress" section: the completed one is
    # the first list of courses.)
    top, after_completed = html.split('id="completed-heading"')
    assert '<p class="test-marker">notice</p>' in top.rsplit("</header>", 1)[1]
    assert f'<p class="test-marker">section for {learner}</p>' in after_completed
    assert "test-marker" not in client.get("/learn/").content.decode()
