from django.contrib.auth.models import Group

import pytest

from lms.centres.models import StaffRoleKind
from lms.learning.services import enrollment_create, lesson_complete
from lms.users import roles
from lms.users.models import TitlePrefix
from tests.conftest import admin_in_english
from tests.factories import CentreFactory, StaffRoleFactory, UserFactory


@pytest.fixture(autouse=True)
def certificate_files(settings, tmp_path):
    """Each test writes its PDFs to a folder of its own."""
    root = tmp_path / "certificate-files"
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root)},
        },
    }
    return root


@pytest.fixture
def centre(db):
    return CentreFactory(name_th="ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก", name_en="Pho Tak Centre")


@pytest.fixture
def other_centre(db):
    return CentreFactory()


@pytest.fixture
def learner(centre):
    return UserFactory(
        username="malee",
        title_prefix=TitlePrefix.MISS,
        first_name="มาลี",
        last_name="ศรีสุข",
        first_name_en="Malee",
        last_name_en="Srisuk",
        email="malee@example.org",
        home_centre=centre,
    )


@pytest.fixture
def other_learner(centre):
    return UserFactory(username="somchai", first_name="สมชาย", last_name="ใจดี", home_centre=centre)


def _staff(username, group_name, centre=None, role=None):
    # These tests read the admin's messages in English.
    user = admin_in_english(UserFactory(username=username))
    user.groups.add(Group.objects.get(name=group_name))
    if centre is not None:
        StaffRoleFactory(user=user, centre=centre, role=role)
    return user


@pytest.fixture
def centre_admin(home, centre):
    return _staff("centre-admin", roles.CENTRE_ADMINS, centre, StaffRoleKind.CENTRE_ADMIN)


@pytest.fixture
def trainer(home, centre):
    return _staff("trainer", roles.TRAINERS, centre, StaffRoleKind.TRAINER)


@pytest.fixture
def far_admin(home, other_centre):
    """A centre admin at another centre: must not see our learners."""
    return _staff("far-admin", roles.CENTRE_ADMINS, other_centre, StaffRoleKind.CENTRE_ADMIN)


@pytest.fixture
def national_admin(home):
    return _staff("national-admin", roles.NATIONAL_ADMINS)


@pytest.fixture
def complete_course(course, lessons):
    """Complete `course` for a learner through the learner services, as a learner would."""

    def complete(user):
        enrollment = enrollment_create(user=user, course=course).enrollment
        for lesson in lessons:
            lesson_complete(user=user, lesson=lesson)
        enrollment.refresh_from_db()
        return enrollment

    return complete


@pytest.fixture
def certified(complete_course, django_capture_on_commit_callbacks):
    """Complete the course for a learner and run what follows the commit (the render)."""
    from lms.certificates.models import Certificate

    def certify(user):
        with django_capture_on_commit_callbacks(execute=True):
            enrollment = complete_course(user)
        return Certificate.objects.get(learner=user, course=enrollment.course, revoked_at=None)

    return certify
