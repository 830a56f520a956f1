import io

from django.core.files.storage import default_storage

import pytest

from lms.learning.services import enrollment_create
from lms.packages.services import package_upload
from tests.factories import UserFactory

from .builders import scorm12_package, scorm2004_package


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    yield


def stored_names(prefix: str = "scorm") -> list[str]:
    found = []

    def walk(path):
        try:
            directories, files = default_storage.listdir(path)
        except FileNotFoundError:
            return
        found.extend(f"{path}/{name}" for name in files)
        for directory in directories:
            walk(f"{path}/{directory}")

    walk(prefix)
    return found


@pytest.fixture
def trainer(db):
    return UserFactory(username="trainer1", is_staff=True)


@pytest.fixture
def learner(lessons):
    user = UserFactory(username="learner-scorm")
    enrollment_create(user=user, course=lessons[0].get_parent().specific)
    return user


@pytest.fixture
def package12(lessons, trainer):
    return package_upload(
        lesson=lessons[0], file=io.BytesIO(scorm12_package()), uploaded_by=trainer
    )


@pytest.fixture
def package2004(lessons, trainer):
    return package_upload(
        lesson=lessons[1],
        file=io.BytesIO(scorm2004_package()),
        uploaded_by=trainer,
        counts_as_quiz=True,
        pass_mark=70,
    )
