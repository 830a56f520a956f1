import json

import pytest

from lms.learning.models import Enrollment
from lms.learning.services import enrollment_create, lesson_complete
from lms.users.models import User
from tests.factories import UserFactory


@pytest.fixture
def learner(db):
    return UserFactory(username="malee", email="malee@example.org", phone="0812345678")


def test_download_contains_profile_enrolments_and_progress_and_nobody_else(
    client, learner, course, lessons
):
    other = UserFactory(username="other")
    enrollment_create(user=learner, course=course)
    lesson_complete(user=learner, lesson=lessons[0])
    enrollment_create(user=other, course=course)
    client.force_login(learner)
    response = client.get("/accounts/my-data/?download=1")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["username"] == "malee"
    assert data["profile"]["email"] == "malee@example.org"
    assert [e["course"] for e in data["enrolments"]] == [course.title]
    assert [p["lesson"] for p in data["lesson_progress"]] == [lessons[0].title]
    assert "other" not in response.content.decode()


def test_my_data_needs_login(client, db):
    response = client.get("/accounts/my-data/?download=1")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_deletion_anonymises_but_keeps_the_numbers(client, learner, course, lessons):
    enrollment_create(user=learner, course=course)
    for lesson in lessons:
        lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    response = client.post("/accounts/delete/", {"password": "pass-2566-ok", "confirm": "on"})
    assert response.status_code == 302
    user = User.objects.get(pk=learner.pk)
    assert user.anonymised_at is not None
    assert user.username.startswith("deleted-")
    assert (user.first_name, user.last_name, user.email, user.phone) == ("", "", "", "")
    assert not user.is_active
    client.logout()
    login = client.post("/accounts/login/", {"username": "malee", "password": "pass-2566-ok"})
    assert login.status_code == 200  # refused: the form is shown again
    # Statistics stay: the completion still counts.
    assert Enrollment.objects.filter(course=course, completed_at__isnull=False).count() == 1


def test_deletion_needs_the_password_and_changes_nothing_without_it(client, learner):
    client.force_login(learner)
    response = client.post("/accounts/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert User.objects.get(pk=learner.pk).anonymised_at is None


def test_staff_reset_password_forces_a_change_at_next_login(client, learner):
    learner.set_password("temp-2567-abc")
    learner.must_change_password = True
    learner.save()
    client.force_login(learner)
    response = client.get("/learn/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/"
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "temp-2567-abc",
            "new_password1": "my-own-2567-pass",
            "new_password2": "my-own-2567-pass",
        },
    )
    assert response.status_code == 302
    assert client.get("/learn/").status_code == 200
    assert not User.objects.get(pk=learner.pk).must_change_password


def test_export_and_deletion_cover_certificates(
    client, learner, course, lessons, django_capture_on_commit_callbacks
):
    from lms.certificates.models import Certificate

    learner.first_name, learner.last_name = "มาลี", "ศรีสุข"
    learner.save()
    enrollment_create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons:
            lesson_complete(user=learner, lesson=lesson)
    certificate = Certificate.objects.get(learner=learner)
    client.force_login(learner)
    data = json.loads(client.get("/accounts/my-data/?download=1").content)
    assert [c["code"] for c in data["certificates"]] == [certificate.code]
    assert data["quiz_attempts"] == []

    client.post("/accounts/delete/", {"password": "pass-2566-ok", "confirm": "on"})
    certificate.refresh_from_db()
    assert certificate.learner_name == "" and certificate.file_name == ""
    assert certificate.revoked_at is None  # still a valid certificate
    page = client.get(f"/certificates/verify/{certificate.code}/").content.decode()
    assert "มาลี" not in page
