import pytest

from curricula.models import Track, TrackPage
from lms.core.platform import platform_setup

from .factories import CoursePageFactory, LessonPageFactory


@pytest.fixture
def home(db):
    """The fixed frame every site has: locales, home pages, tracks, groups, workflow."""
    return platform_setup()


@pytest.fixture
def youth_track(home):
    return TrackPage.objects.get(locale=home.locale, track=Track.YOUTH)


@pytest.fixture
def workforce_track(home):
    return TrackPage.objects.get(locale=home.locale, track=Track.WORKFORCE)


@pytest.fixture
def early_track(home):
    return TrackPage.objects.get(locale=home.locale, track=Track.EARLY_CHILDHOOD)


@pytest.fixture
def course(workforce_track):
    return CoursePageFactory(parent=workforce_track, title="การขายสินค้าออนไลน์", slug="sell-online")


@pytest.fixture
def lessons(course):
    return [LessonPageFactory(parent=course, slug=f"lesson-{i}") for i in range(1, 4)]
