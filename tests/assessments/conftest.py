import pytest

from lms.learning.services import enrollment_create
from tests.factories import UserFactory


@pytest.fixture
def learner(db):
    return UserFactory(username="malee")


@pytest.fixture
def enrolled(learner, course, lessons):
    """The learner enrolled in the course (with its three lessons)."""
    enrollment_create(user=learner, course=course)
    return learner
