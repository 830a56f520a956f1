import pytest

from lms.learning.services import enrollment_create
from tests.factories import CentreFactory, UserFactory

from .factories import AssignmentFactory, make_trainer


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores uploads in its own folder, so what is stored can be counted."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def centre(db):
    return CentreFactory()


@pytest.fixture
def other_centre(db):
    return CentreFactory()


@pytest.fixture
def learner(home, centre, course):
    user = UserFactory(username="malee", email="malee@example.org", home_centre=centre)
    enrollment_create(user=user, course=course)
    return user


@pytest.fixture
def other_learner(home, centre, course):
    user = UserFactory(username="somchai", home_centre=centre)
    enrollment_create(user=user, course=course)
    return user


@pytest.fixture
def trainer(home, centre):
    return make_trainer("trainer-a", centre)


@pytest.fixture
def other_trainer(home, other_centre):
    return make_trainer("trainer-b", other_centre)


@pytest.fixture
def assignment(lessons):
    return AssignmentFactory(lesson=lessons[1])
