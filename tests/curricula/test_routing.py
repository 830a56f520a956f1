"""The site's pages are found in one query for the whole path, as Wagtail's walk finds them."""

from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from curricula.models import HomePage
from tests.factories import ActivityPageFactory, CoursePageFactory, LessonPageFactory


def wagtail_walk(home, components):
    """Wagtail's own routing, level by level."""
    try:
        return Page.route(home, RequestFactory().get("/"), components).page
    except Http404:
        return None


def ours(home, components):
    try:
        return home.route(RequestFactory().get("/"), components).page
    except Http404:
        return None


@pytest.fixture
def tree(home, workforce_track, early_track):
    first = CoursePageFactory(parent=workforce_track, slug="first")
    second = CoursePageFactory(parent=workforce_track, slug="second")
    pages = {
        "first": first,
        "second": second,
        # The same slug under two courses, and a course slug reused as a lesson slug.
        "first/lesson-1": LessonPageFactory(parent=first, slug="lesson-1"),
        "second/lesson-1": LessonPageFactory(parent=second, slug="lesson-1"),
        "second/first": LessonPageFactory(parent=second, slug="first"),
        "first/draft": LessonPageFactory(parent=first, slug="draft", live=False),
    }
    ActivityPageFactory(parent=early_track, slug="first")
    return HomePage.objects.get(pk=home.pk), pages


@pytest.mark.parametrize(
    "path",
    [
        "workforce",
        "workforce/first",
        "workforce/second/lesson-1",
        "workforce/first/lesson-1",
        "workforce/second/first",
        "early-childhood/first",
        "workforce/first/draft",  # not live: 404
        "workforce/first/missing",
        "workforce/lesson-1",  # a lesson's slug one level too high
        "youth/first",  # a course's slug under another track
        "workforce/first/lesson-1/extra",
        "nowhere",
    ],
)
def test_finds_what_wagtails_walk_finds(tree, path):
    home, _pages = tree
    components = path.split("/")
    expected = wagtail_walk(home, components)
    found = ours(home, components)
    assert (found and found.pk) == (expected and expected.pk)
    if expected is not None:
        assert type(found) is type(expected)  # the specific page, as the view needs


def test_a_lesson_costs_three_queries_and_brings_its_course(tree):
    home, pages = tree
    lesson = pages["second/lesson-1"]
    with CaptureQueriesContext(connection) as routing:
        found = ours(home, ["workforce", "second", "lesson-1"])
    # The chain of pages, the lesson, its course (Wagtail's walk takes six).
    assert len(routing.captured_queries) == 3
    assert found.pk == lesson.pk
    with CaptureQueriesContext(connection) as parent_lookup:
        course = found.get_parent()
    assert parent_lookup.captured_queries == []
    assert course.pk == pages["second"].pk
    assert type(course) is type(pages["second"])


def test_serves_a_live_page_below_a_draft_as_wagtail_does(tree):
    home, pages = tree
    Page.objects.filter(pk=pages["first"].pk).update(live=False)
    components = ["workforce", "first", "lesson-1"]
    assert ours(home, components).pk == wagtail_walk(home, components).pk


def test_over_http_a_lesson_is_served_and_a_wrong_parent_is_not(client, tree):
    _home, pages = tree
    response = client.get("/workforce/second/lesson-1/")
    assert response.status_code == 200
    assert pages["second/lesson-1"].title in response.content.decode()
    assert client.get("/workforce/second/draft/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/workforce/" + "x/" * 500,  # very deep
        "/workforce/" + "ก" * 3000 + "/",  # very long, Thai
        "/workforce/first/%00/",
        "/workforce/first/lesson-1%27%20OR%201=1--/",
        "/workforce/../workforce/first/",
        "/workforce/first/lesson-1/lesson-1/lesson-1/",
    ],
)
def test_hostile_paths_are_a_plain_404(client, tree, path):
    response = client.get(path)
    assert response.status_code == 404
