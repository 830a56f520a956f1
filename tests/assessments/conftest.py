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


def ensure_tree_roots():
    """Wagtail's migrations create the page and collection roots; a transactional test's
    flush removes them, so tests that run after one put them back."""
    from wagtail.models import Collection, Locale, Page

    if Page.get_first_root_node() is None:
        thai, _created = Locale.objects.get_or_create(language_code="th")
        Page.add_root(instance=Page(title="Root", slug="root", locale=thai))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
