import pytest

from lms.h5p.services import h5p_content_create
from lms.learning.services import enrollment_create
from tests.factories import LessonPageFactory, UserFactory

from .h5p_packages import build_package


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def activity(db):
    return h5p_content_create(file=build_package(), title="ทดสอบความเข้าใจ")


def lesson_with(course, content, **block):
    return LessonPageFactory(
        parent=course,
        body=[("paragraph", "<p>อ่านก่อนทำกิจกรรม</p>"), ("h5p", {"content": content, **block})],
    )


@pytest.fixture
def learner(course):
    user = UserFactory(username="ploy")
    enrollment_create(user=user, course=course)
    return user
