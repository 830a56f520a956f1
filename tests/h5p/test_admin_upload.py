"""Trainers upload .h5p files in the admin (Interactive activities): a good one is saved,
a refused one is an error on the form in Thai, with nothing saved."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from lms.h5p.models import H5PContent
from lms.users import roles
from tests.factories import UserFactory

from .h5p_packages import build_package, package_files

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/h5p/h5pcontent/add/"


@pytest.fixture
def trainer(client, home):
    user = UserFactory(username="somsak")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(user)
    return user


def upload(files=None, name="activity.h5p"):
    return SimpleUploadedFile(name, build_package(files).getvalue(), "application/zip")


def test_a_trainer_uploads_an_activity(client, trainer, media):
    response = client.post(ADD, {"title": "", "package": upload()})
    assert response.status_code == 302
    content = H5PContent.objects.get()
    assert content.title == "กดปุ่มเพื่อส่งคำตอบ" and content.uploaded_by == trainer
    assert (media / content.storage_prefix / "h5p.json").exists()


def test_a_refused_package_is_an_error_on_the_form_and_nothing_is_saved(client, trainer, media):
    files = package_files()
    del files["H5P.TestStyle-1.0/library.json"]
    response = client.post(ADD, {"title": "กิจกรรม", "package": upload(files)})
    assert response.status_code == 200
    assert "แพ็กเกจไม่มีไลบรารี H5P.TestStyle 1.0 ที่กิจกรรมต้องใช้" in response.content.decode()
    assert not H5PContent.objects.exists()
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_only_h5p_files_are_taken(client, trainer):
    response = client.post(ADD, {"title": "", "package": upload(name="activity.zip")})
    assert "กรุณาเลือกไฟล์ที่ชื่อลงท้ายด้วย .h5p" in response.content.decode()
    assert not H5PContent.objects.exists()


def test_learners_cannot_upload(client, home):
    client.force_login(UserFactory(username="learner"))
    response = client.post(ADD, {"title": "", "package": upload()})
    assert response.status_code in (302, 403)
    assert not H5PContent.objects.exists()
