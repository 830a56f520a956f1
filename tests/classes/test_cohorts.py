"""Classes: created at a centre for a live course, trainers of that centre, members
enrolled in the course, sessions within the class's dates."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from lms.centres.services import CentreError
from lms.classes.models import Cohort, CohortMembership, CohortSession
from lms.classes.services import (
    cohort_create,
    cohort_member_add,
    cohort_member_remove,
    cohort_session_create,
    cohort_session_delete,
)
from lms.learning.models import Enrollment
from tests.factories import CoursePageFactory, UserFactory

TODAY = timezone.localdate


def test_create_a_class_from_the_phone_form(world, login):
    client = login(world.trainer_a)
    response = client.post(
        reverse("centres:cohort_create"),
        {
            "centre": world.centre_a.pk,
            "course": world.course.pk,
            "name": "  ขายของออนไลน์   รุ่น 2 ",
            "start_date": TODAY().isoformat(),
            "end_date": (TODAY() + dt.timedelta(days=30)).isoformat(),
            "trainers": [world.trainer_a.pk],
        },
    )
    assert response.status_code == 302
    cohort = Cohort.objects.latest("pk")
    assert cohort.name == "ขายของออนไลน์ รุ่น 2"
    assert list(cohort.trainers.all()) == [world.trainer_a]
    assert ModelLogEntry.objects.filter(action="lms.cohort.create", object_id=str(cohort.pk))


@pytest.mark.parametrize(
    "changes",
    [
        {"name": ""},
        {"end_date": "2000-01-01"},
        {"course": 999999},
        {"centre": "centre-b"},
        {"trainers": ["admin-b"]},
    ],
)
def test_bad_class_forms_save_nothing(world, login, changes):
    data = {
        "centre": world.centre_a.pk,
        "course": world.course.pk,
        "name": "รุ่นใหม่",
        "start_date": TODAY().isoformat(),
    }
    for key, value in changes.items():
        if value == "centre-b":
            value = world.centre_b.pk
        elif value == ["admin-b"]:
            value = [world.admin_b.pk]
        data[key] = value
    count = Cohort.objects.count()
    response = login(world.trainer_a).post(reverse("centres:cohort_create"), data)
    assert response.status_code == 400
    assert Cohort.objects.count() == count


def test_service_rules(world, workforce_track):
    with pytest.raises(CentreError):  # trainer of another centre
        cohort_create(
            actor=world.admin_a,
            centre=world.centre_a,
            course=world.course,
            name="x",
            start_date=TODAY(),
            trainers=[world.admin_b],
        )
    draft = CoursePageFactory(parent=workforce_track, live=False)
    with pytest.raises(CentreError) as error:
        cohort_create(
            actor=world.admin_a, centre=world.centre_a, course=draft, name="x", start_date=TODAY()
        )
    assert error.value.code == "not_live"
    with pytest.raises(CentreError):
        cohort_create(
            actor=world.admin_b,
            centre=world.centre_a,
            course=world.course,
            name="x",
            start_date=TODAY(),
        )


def test_members_are_enrolled_and_keep_their_record_when_removed(world):
    learner = UserFactory(username="new-villager", home_centre=world.centre_a)
    result = cohort_member_add(actor=world.trainer_a, cohort=world.cohort_a, user=learner)
    assert result.created
    assert not cohort_member_add(actor=world.trainer_a, cohort=world.cohort_a, user=learner).created
    assert Enrollment.objects.filter(user=learner, course=world.course, left_at=None).exists()
    assert cohort_member_remove(actor=world.trainer_a, cohort=world.cohort_a, user=learner)
    assert not CohortMembership.objects.filter(cohort=world.cohort_a, user=learner).exists()
    assert Enrollment.objects.filter(user=learner, course=world.course).exists()


def test_a_member_who_cannot_be_enrolled_is_not_added(world, workforce_track):
    closed = CoursePageFactory(
        parent=workforce_track, enrolment_closes_at=timezone.now() - dt.timedelta(days=1)
    )
    cohort = cohort_create(
        actor=world.admin_a, centre=world.centre_a, course=closed, name="ปิดรับ", start_date=TODAY()
    )
    with pytest.raises(CentreError) as error:
        cohort_member_add(actor=world.admin_a, cohort=cohort, user=world.learner_a)
    assert error.value.code == "enrolment_closed"
    assert not cohort.memberships.exists()


def test_add_members_page_finds_and_adds(world, login):
    learner = UserFactory(username="somsri", first_name="สมศรี", home_centre=world.centre_a)
    client = login(world.trainer_a)
    url = reverse("centres:cohort_members_add", args=[world.cohort_a.pk])
    page = client.get(url, {"q": "สมศรี"}).content.decode()
    assert f'value="{learner.pk}"' in page
    assert client.post(url, {"user": learner.pk, "q": "สมศรี"}).status_code == 302
    assert world.cohort_a.memberships.filter(user=learner).exists()


def test_sessions(world, login):
    with pytest.raises(CentreError):  # outside the class's dates
        cohort_session_create(
            actor=world.trainer_a,
            cohort=world.cohort_a,
            date=TODAY() + dt.timedelta(days=100),
            start_time=dt.time(9),
            end_time=dt.time(12),
        )
    with pytest.raises(CentreError):
        cohort_session_create(
            actor=world.trainer_a,
            cohort=world.cohort_a,
            date=TODAY(),
            start_time=dt.time(12),
            end_time=dt.time(9),
        )
    client = login(world.trainer_a)
    response = client.post(
        reverse("centres:session_create", args=[world.cohort_a.pk]),
        {"date": TODAY().isoformat(), "start_time": "13:00", "end_time": "16:00", "topic": "ถ่ายรูป"},
    )
    assert response.status_code == 302
    session = CohortSession.objects.get(topic="ถ่ายรูป")
    bad = client.post(
        reverse("centres:session_edit", args=[session.pk]),
        {"date": TODAY().isoformat(), "start_time": "16:00", "end_time": "13:00"},
    )
    assert bad.status_code == 400
    # A session with attendance is a record and stays.
    from lms.classes.services import attendance_record

    attendance_record(actor=world.trainer_a, session=session, marks={world.learner_a.pk: "present"})
    with pytest.raises(CentreError):
        cohort_session_delete(actor=world.trainer_a, session=session)
    client.post(reverse("centres:session_edit", args=[session.pk]), {"delete": "1"})
    assert CohortSession.objects.filter(pk=session.pk).exists()


def test_certificates_button_issues_to_the_class_and_shows_the_batch(world, login):
    from lms.certificates.models import CertificateBatch

    client = login(world.admin_a)
    page = client.get(reverse("centres:cohort_detail", args=[world.cohort_a.pk])).content.decode()
    assert reverse("centres:cohort_certificates", args=[world.cohort_a.pk]) in page
    response = client.post(reverse("centres:cohort_certificates", args=[world.cohort_a.pk]))
    batch = CertificateBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates_admin:batch", args=[batch.pk])
    members = set(world.cohort_a.memberships.values_list("user_id", flat=True))
    assert set(batch.items.values_list("learner_id", flat=True)) == members
