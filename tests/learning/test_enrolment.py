import datetime as dt

from django.utils import timezone

import pytest

from lms.learning.models import Enrollment
from lms.learning.services import enrollment_create, lesson_complete
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory


@pytest.fixture
def learner(db):
    return UserFactory(username="learner-b")


@pytest.fixture
def logged_in(client, learner):
    client.force_login(learner)
    return client


def test_enrol_from_the_course_page(logged_in, learner, course, lessons):
    page = logged_in.get(course.url).content.decode()
    assert f'action="/learn/courses/{course.pk}/enrol/"' in page
    response = logged_in.post(f"/learn/courses/{course.pk}/enrol/", follow=True)
    assert response.status_code == 200
    assert Enrollment.objects.filter(user=learner, course=course, left_at__isnull=True).count() == 1
    assert "lessons done" in response.content.decode() or "บท" in response.content.decode()


def test_enrolling_twice_keeps_one_enrolment_and_says_so(logged_in, learner, course):
    logged_in.post(f"/learn/courses/{course.pk}/enrol/")
    response = logged_in.post(f"/learn/courses/{course.pk}/enrol/", follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("already" in m or "แล้ว" in m for m in messages)
    assert Enrollment.objects.filter(user=learner).count() == 1


def test_enrol_needs_login_and_post(client, course):
    assert client.post(f"/learn/courses/{course.pk}/enrol/").status_code == 302
    assert not Enrollment.objects.exists()


def test_enrol_with_get_is_refused(logged_in, course):
    assert logged_in.get(f"/learn/courses/{course.pk}/enrol/").status_code == 405
    assert not Enrollment.objects.exists()


def test_unknown_or_unpublished_course_is_404(logged_in, course):
    assert logged_in.post("/learn/courses/999999/enrol/").status_code == 404
    course.unpublish()
    assert logged_in.post(f"/learn/courses/{course.pk}/enrol/").status_code == 404
    assert not Enrollment.objects.exists()


def test_missing_prerequisite_is_named_and_nothing_changes(
    logged_in, learner, workforce_track, course, lessons
):
    advanced = CoursePageFactory(parent=workforce_track, title="การตลาดออนไลน์ขั้นสูง")
    advanced.prerequisites.add(course)
    advanced.save_revision().publish()
    response = logged_in.post(f"/learn/courses/{advanced.pk}/enrol/", follow=True)
    messages = " ".join(str(m) for m in response.context["messages"])
    assert course.title in messages
    assert not Enrollment.objects.filter(course=advanced).exists()

    enrollment_create(user=learner, course=course)
    for lesson in lessons:
        lesson_complete(user=learner, lesson=lesson)
    logged_in.post(f"/learn/courses/{advanced.pk}/enrol/")
    assert Enrollment.objects.filter(course=advanced, user=learner).exists()


def test_enrolment_window(logged_in, workforce_track):
    now = timezone.now()
    closed = CoursePageFactory(
        parent=workforce_track, enrolment_closes_at=now - dt.timedelta(days=1)
    )
    future = CoursePageFactory(
        parent=workforce_track, enrolment_opens_at=now + dt.timedelta(days=3)
    )
    for course, word in ((closed, "closed"), (future, "not opened")):
        response = logged_in.post(f"/learn/courses/{course.pk}/enrol/", follow=True)
        assert any(word in str(m) or "ลงทะเบียน" in str(m) for m in response.context["messages"])
    assert not Enrollment.objects.exists()
    page = logged_in.get(closed.url).content.decode()
    assert f'action="/learn/courses/{closed.pk}/enrol/"' not in page


def test_leave_keeps_progress_and_rejoining_resumes(logged_in, learner, course, lessons):
    enrollment_create(user=learner, course=course)
    lesson_complete(user=learner, lesson=lessons[0])
    logged_in.post(f"/learn/courses/{course.pk}/leave/")
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.left_at is not None
    logged_in.post(f"/learn/courses/{course.pk}/enrol/")
    enrollment.refresh_from_db()
    assert enrollment.left_at is None
    assert enrollment.progress.filter(completed_at__isnull=False).count() == 1


def test_marking_a_lesson_of_a_course_not_enrolled_in_is_refused(logged_in, lessons):
    response = logged_in.post(f"/learn/lessons/{lessons[0].pk}/done/", follow=True)
    assert any("Enrol" in str(m) or "ลงทะเบียน" in str(m) for m in response.context["messages"])
    assert not Enrollment.objects.exists()


def test_mark_done_goes_to_the_next_lesson_and_last_one_completes(
    logged_in, learner, course, lessons
):
    enrollment_create(user=learner, course=course)
    response = logged_in.post(f"/learn/lessons/{lessons[0].pk}/done/")
    assert response["Location"] == lessons[1].url
    logged_in.post(f"/learn/lessons/{lessons[1].pk}/done/")
    response = logged_in.post(f"/learn/lessons/{lessons[2].pk}/done/")
    assert response["Location"] == f"/learn/courses/{course.pk}/completed/"
    assert Enrollment.objects.get(user=learner).completed_at is not None


def test_continue_goes_to_the_first_unfinished_lesson(logged_in, learner, course, lessons):
    enrollment_create(user=learner, course=course)
    lesson_complete(user=learner, lesson=lessons[0])
    response = logged_in.get(f"/learn/courses/{course.pk}/continue/")
    assert response["Location"] == lessons[1].url
    # A learner who skipped ahead is sent back to what they left unfinished.
    lesson_complete(user=learner, lesson=lessons[2])
    assert logged_in.get(f"/learn/courses/{course.pk}/continue/")["Location"] == lessons[1].url


def test_sequential_course_locks_later_lessons(logged_in, learner, workforce_track):
    course = CoursePageFactory(parent=workforce_track, sequential=True)
    first, second = LessonPageFactory(parent=course), LessonPageFactory(parent=course)
    enrollment_create(user=learner, course=course)
    page = logged_in.get(second.url).content.decode()
    assert "opens when you finish" in page or "เปิดให้เรียน" in page
    response = logged_in.post(f"/learn/lessons/{second.pk}/done/", follow=True)
    assert any("before" in str(m) or "ก่อน" in str(m) for m in response.context["messages"])
    assert (
        not Enrollment.objects.get(user=learner)
        .progress.filter(completed_at__isnull=False)
        .exists()
    )
    logged_in.post(f"/learn/lessons/{first.pk}/done/")
    assert "opens when you finish" not in logged_in.get(second.url).content.decode()


def test_visiting_a_lesson_records_progress_state(logged_in, learner, course, lessons):
    enrollment_create(user=learner, course=course)
    logged_in.get(lessons[1].url)
    page = logged_in.get(course.url).content.decode()
    assert "outline__item--in_progress" in page


def test_enrolled_learner_is_not_asked_to_enrol_on_a_lesson_decided_elsewhere(
    logged_in, learner, course, lessons
):
    from lms.learning.requirements import (
        LESSON_REQUIREMENT_PROVIDERS,
        LessonRequirement,
        register_lesson_requirement,
    )

    def provider(lesson_ids):
        return {pk: LessonRequirement.ASSIGNMENT for pk in lesson_ids if pk == lessons[0].pk}

    register_lesson_requirement(provider, order=100)
    try:
        enrollment_create(user=learner, course=course)
        page = logged_in.get(lessons[0].url).content.decode()
        assert f'action="/learn/courses/{course.pk}/enrol/"' not in page
        assert 'action="/learn/lessons/' not in page  # no "mark as done" either
    finally:
        LESSON_REQUIREMENT_PROVIDERS.unregister(provider)
