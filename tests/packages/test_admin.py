"""The admin's SCORM packages: a trainer uploads, edits and deletes; refusals in Thai."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from lms.packages.models import ScormPackage
from lms.users import roles
from tests.factories import CentreFactory, StaffRoleFactory, UserFactory

from .builders import MANIFEST_12, scorm12_package, zip_bytes
from .conftest import stored_names


@pytest.fixture
def staff(client, lessons):
    user = UserFactory(username="centre-trainer", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    StaffRoleFactory(user=user, centre=CentreFactory())
    client.force_login(user)
    return user


def upload(client, lesson, data, name="package.zip", **fields):
    return client.post(
        reverse("scorm_package_admin:add"),
        {
            "lesson": lesson.pk,
            "title": "",
            "completes_lesson": "on",
            "package_file": SimpleUploadedFile(name, data, content_type="application/zip"),
            **fields,
        },
    )


def test_a_trainer_uploads_a_package(client, staff, lessons):
    response = upload(client, lessons[0], scorm12_package(), counts_as_quiz="on", pass_mark="70")
    assert response.status_code == 302
    package = ScormPackage.objects.get()
    assert (package.lesson_id, package.uploaded_by, package.pass_mark) == (
        lessons[0].pk,
        staff,
        70,
    )
    assert package.counts_as_quiz and package.completes_lesson
    listing = client.get(reverse("scorm_package_admin:index"))
    assert "ขายของออนไลน์ (1.2)" in listing.content.decode()


def test_a_program_inside_is_refused_in_thai_with_nothing_kept(client, staff, lessons):
    data = zip_bytes(
        {
            "imsmanifest.xml": MANIFEST_12.format(title="x"),
            "index.html": "<p>x</p>",
            "setup.exe": b"MZ",
        }
    )
    response = upload(client, lessons[0], data)
    assert response.status_code == 200
    assert "แพ็กเกจมีไฟล์โปรแกรม ซึ่งไม่อนุญาต: setup.exe" in response.content.decode()
    assert not ScormPackage.objects.exists()
    assert stored_names() == []


def test_the_settings_are_edited_and_the_package_deleted(
    client, staff, lessons, django_capture_on_commit_callbacks
):
    upload(client, lessons[0], scorm12_package())
    package = ScormPackage.objects.get()
    response = client.post(
        reverse("scorm_package_admin:edit", args=[package.pk]),
        {"title": "ชื่อใหม่", "pass_mark": "80"},
    )
    assert response.status_code == 302
    package.refresh_from_db()
    assert (package.title, package.pass_mark, package.completes_lesson) == ("ชื่อใหม่", 80, False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("scorm_package_admin:delete", args=[package.pk]))
    assert response.status_code == 302
    assert not ScormPackage.objects.exists()
    assert stored_names() == []


def test_a_learner_cannot_reach_the_admin_upload(client, lessons):
    client.force_login(UserFactory(username="just-a-learner"))
    response = upload(client, lessons[0], scorm12_package())
    assert response.status_code in (302, 403)
    assert not ScormPackage.objects.exists()
