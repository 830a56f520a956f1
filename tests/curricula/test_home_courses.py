"""The home page invites: the courses national admins feature, in their order, then the
newest others; the English home page shows the same choice in English where it exists."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from curricula.models import HomeFeaturedCourse, HomePage
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def feature(home, *courses):
    home = HomePage.objects.get(pk=home.pk)
    for order, course in enumerate(courses):
        home.featured_courses.add(HomeFeaturedCourse(course=course, sort_order=order))
    home.save_revision().publish()


def titles_in(html: str, *titles: str) -> list[str]:
    found = [(html.index(title), title) for title in titles if title in html]
    return [title for _, title in sorted(found)]


def test_featured_first_in_their_order_then_the_newest(client, home, workforce_track, youth_track):
    old = CoursePageFactory(parent=youth_track, title="ความปลอดภัยออนไลน์", slug="safe")
    selling = CoursePageFactory(parent=workforce_track, title="ขายของออนไลน์", slug="sell")
    newest = CoursePageFactory(parent=workforce_track, title="บัญชีครัวเรือน", slug="books")
    feature(home, selling, old)
    page = client.get("/").content.decode()
    assert "หลักสูตรแนะนำ" in page and "หลักสูตรใหม่" in page
    featured, new = page.split('id="featured-heading"')[1].split('id="new-heading"')
    assert titles_in(featured, "ความปลอดภัยออนไลน์", "ขายของออนไลน์") == [
        "ขายของออนไลน์",
        "ความปลอดภัยออนไลน์",
    ]
    # A featured course is not shown again among the new ones.
    assert titles_in(new, "ความปลอดภัยออนไลน์", "ขายของออนไลน์", "บัญชีครัวเรือน") == ["บัญชีครัวเรือน"]
    assert newest.live


def test_an_unpublished_featured_course_is_left_out(client, home, workforce_track):
    draft = CoursePageFactory(parent=workforce_track, title="ร่างหลักสูตร", slug="draft")
    feature(home, draft)
    draft.unpublish()
    assert "ร่างหลักสูตร" not in client.get("/").content.decode()


def test_the_home_page_does_not_grow_with_the_featured_list(client, home, workforce_track):
    courses = [
        CoursePageFactory(parent=workforce_track, title=f"หลักสูตร {n}", slug=f"c{n}")
        for n in range(6)
    ]
    feature(home, courses[0])
    client.get("/")

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured.captured_queries)

    one = count()
    HomeFeaturedCourse.objects.all().delete()
    feature(home, *courses)
    client.get("/")  # publishing clears the site's cached root paths
    assert count() == one
