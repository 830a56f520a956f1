"""Finishing a course: a page of congratulations with the certificate and what to learn
next, for the learner who finished it and nobody else."""

import pytest

from lms.learning.services import enrollment_create, lesson_complete
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(db):
    return UserFactory(first_name="สมหญิง", last_name="ใจดี")


@pytest.fixture
def finished(client, learner, course, lessons, workforce_track):
    course.tags.add("การขายออนไลน์")
    course.save_revision().publish()
    enrollment_create(user=learner, course=course)
    for lesson in lessons[:-1]:
        lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    response = client.post(f"/learn/lessons/{lessons[-1].pk}/done/")
    return response


def test_the_last_lesson_leads_to_congratulations_and_the_certificate(
    client, finished, course, learner
):
    assert finished["Location"] == f"/learn/courses/{course.pk}/completed/"
    page = client.get(finished["Location"]).content.decode()
    assert "ยินดีด้วย!" in page and f"คุณเรียนจบหลักสูตร “{course.title}” แล้ว" in page
    assert "เกียรติบัตรของคุณ" in page
    certificate = learner.certificates.get(course=course)
    assert (
        certificate.number in page and f"/certificates/verify/{certificate.display_code}/" in page
    )


def test_what_to_learn_next_shares_the_skill_or_the_track(
    client, finished, course, workforce_track, youth_track
):
    related = CoursePageFactory(parent=youth_track, title="ถ่ายภาพสินค้า", slug="photos")
    related.tags.add("การขายออนไลน์")
    related.save_revision().publish()
    same_track = CoursePageFactory(parent=workforce_track, title="บัญชีครัวเรือน", slug="books")
    unrelated = CoursePageFactory(parent=youth_track, title="ความปลอดภัยออนไลน์", slug="safe")
    for other in (related, same_track, unrelated):
        LessonPageFactory(parent=other)
    # The unrelated course is the most taken: the finished course's neighbours still come first.
    for _ in range(3):
        enrollment_create(user=UserFactory(), course=unrelated)
    page = client.get(finished["Location"]).content.decode()
    assert page.index("ถ่ายภาพสินค้า") < page.index("บัญชีครัวเรือน") < page.index("ความปลอดภัยออนไลน์")
    assert page.count('class="card course-card"') == 3


def test_only_the_learner_who_finished_sees_it(client, finished, course, learner):
    url = finished["Location"]
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    # Nor a learner still on the way.
    other = UserFactory()
    enrollment_create(user=other, course=course)
    client.force_login(other)
    assert client.get(url).status_code == 404
