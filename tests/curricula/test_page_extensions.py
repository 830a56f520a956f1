"""The course and lesson pages show what apps register with curricula's hooks."""

from django.contrib.auth.models import AnonymousUser
from django.utils.html import format_html

from wagtail import hooks

import pytest

from curricula.extensions import (
    COURSE_LIST_BADGES,
    COURSE_PAGE_CONTEXT,
    COURSE_PAGE_PANELS,
    LESSON_LIST_STATES,
    LESSON_PAGE_CONTEXT,
    LESSON_PAGE_PANELS,
    lesson_states,
)
from lms.core.panels import Panel


class Marker(Panel):
    """A panel that shows what it was given and the page it is on."""

    def __init__(self, text):
        super().__init__("unused.html")
        self.text = text

    def render_html(self, parent_context=None):
        return format_html(
            '<p class="test-marker">{} on {}</p>', self.text, parent_context["page"].title
        )


@pytest.fixture
def anonymous(client, lessons):
    return client


def test_a_registered_lesson_panel_is_shown_in_the_lesson_status_and_gone_afterwards(
    anonymous, lessons
):
    seen = {}

    def panel(request, page, context):
        seen["context"] = context
        return Marker(f"extra for {context['extra']}")

    with (
        hooks.register_temporarily(LESSON_PAGE_CONTEXT, lambda request, page: {"extra": 7}),
        hooks.register_temporarily(LESSON_PAGE_PANELS, panel),
    ):
        html = anonymous.get(lessons[0].url).content.decode()
    status = html.split('class="lesson-status"')[1]
    assert f'<p class="test-marker">extra for 7 on {lessons[0].title}</p>' in status
    # The panel was given the page's context, learning's progress included.
    assert seen["context"]["page"].pk == lessons[0].pk and "progress" in seen["context"]
    assert "test-marker" not in anonymous.get(lessons[0].url).content.decode()


def test_a_registered_course_panel_is_shown_under_the_lessons(anonymous, course):
    with (
        hooks.register_temporarily(COURSE_PAGE_PANELS, lambda **kw: [Marker("one")], order=99),
        hooks.register_temporarily(COURSE_PAGE_CONTEXT, lambda request, page: {"seen": 1}),
    ):
        response = anonymous.get(course.url)
    assert response.context["seen"] == 1
    html = response.content.decode()
    lessons_part = html.split('id="lessons-heading"')[1]
    assert f'<p class="test-marker">one on {course.title}</p>' in lessons_part
    assert "test-marker" not in anonymous.get(course.url).content.decode()


def test_registered_course_badges_show_on_the_catalogue_and_lesson_states_in_search(
    client, course, lessons
):
    def badges(user, courses):
        return {c.translation_key: {"completed": False, "percent": 42} for c in courses}

    def states(user, lessons):
        return {lesson.translation_key: "done" for lesson in lessons}

    with (
        hooks.register_temporarily(COURSE_LIST_BADGES, badges),
        hooks.register_temporarily(LESSON_LIST_STATES, states),
    ):
        catalogue = client.get("/courses/").content.decode()
        found = lesson_states(user=AnonymousUser(), lessons=lessons)
    assert 'value="42"' in catalogue
    assert found == {lesson.translation_key: "done" for lesson in lessons}
    assert 'value="42"' not in client.get("/courses/").content.decode()
    assert (
        lesson_states(user=AnonymousUser(), lessons=lessons) == {}
    )  # anonymous: learning adds nothing
