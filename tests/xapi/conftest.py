import pytest

from assessments.services import attempt_answers_save, attempt_start, attempt_submit
from lms.learning.services import enrollment_create, lesson_complete, lesson_visit
from lms.users.models import TitlePrefix
from tests.assessments.factories import make_quiz, single_choice
from tests.assessments.helpers import answers_for
from tests.factories import CentreFactory, UserFactory


@pytest.fixture(autouse=True)
def certificate_files(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "certificate-files")},
        },
    }


@pytest.fixture
def lrs_settings(settings):
    """An LRS configured at an address where nothing listens (tests that send replace it)."""
    settings.LMS_XAPI_LRS_URL = "http://127.0.0.1:9"
    settings.LMS_XAPI_LRS_USERNAME = "lms"
    settings.LMS_XAPI_LRS_PASSWORD = "lms-test-pass"
    settings.SITE_URL = "https://learn.example.org"
    return settings


@pytest.fixture
def centre(db):
    return CentreFactory(name_th="ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก", name_en="Pho Tak Centre")


@pytest.fixture
def make_learner(centre):
    def make(username):
        return UserFactory(
            username=username,
            title_prefix=TitlePrefix.MISS,
            first_name="มาลี",
            last_name="ศรีสุข",
            home_centre=centre,
        )

    return make


@pytest.fixture
def quiz(lessons):
    """The last lesson is completed by passing its quiz."""
    return make_quiz(lesson=lessons[-1], questions=[single_choice()], pass_mark_percent=50)


def take_quiz(user, quiz, *, right):
    attempt = attempt_start(user=user, quiz=quiz).attempt
    attempt_answers_save(user=user, attempt=attempt, answers=answers_for(attempt, right=right))
    return attempt_submit(user=user, attempt=attempt).attempt


@pytest.fixture
def journey(course, lessons, quiz):
    """A learner goes through the course as a learner would: opens every lesson, marks the
    manual ones done, fails the quiz once and passes it, which completes the course and
    issues the certificate."""

    def go(user):
        enrollment = enrollment_create(user=user, course=course).enrollment
        for lesson in lessons:
            lesson_visit(user=user, lesson=lesson)
            if lesson != lessons[-1]:
                lesson_complete(user=user, lesson=lesson)
        take_quiz(user, quiz, right=False)
        take_quiz(user, quiz, right=True)
        enrollment.refresh_from_db()
        assert enrollment.completed_at is not None
        return enrollment

    return go
