"""The outline's lines are rendered once for what they show, and never shown stale."""

import uuid
from dataclasses import replace

from django.utils import translation

import pytest

from lms.learning import outline_html
from lms.learning.models import LessonState
from lms.learning.outline import OutlineLesson
from lms.learning.outline_html import outline_items_html
from lms.learning.requirements import LessonRequirement
from lms.learning.selectors import LessonItem

LESSON = OutlineLesson(
    pk=7,
    title="ถ่ายรูปสินค้า",
    url="/workforce/sell-online/photos/",
    translation_key=uuid.uuid4(),
    is_optional=False,
    estimated_minutes=15,
    requirement=LessonRequirement.MANUAL,
)


def item(lesson=LESSON, state=LessonState.NOT_STARTED, **flags) -> LessonItem:
    return LessonItem(lesson=lesson, state=state, requirement=lesson.requirement, **flags)


@pytest.fixture(autouse=True)
def empty_store():
    outline_html._rendered.clear()


@pytest.fixture
def renders(monkeypatch):
    """How many lines went through the template engine."""
    count = [0]
    real = outline_html.render_to_string

    def counting(*args, **kwargs):
        count[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(outline_html, "render_to_string", counting)
    return count


def test_a_line_is_rendered_once_for_what_it_shows(renders):
    with translation.override("th"):
        first = outline_items_html([item(), item(state=LessonState.DONE)])
        again = outline_items_html([item(), item(state=LessonState.DONE)])
    assert first == again
    assert renders[0] == 2
    assert first.count("<li") == 2
    assert '<a href="/workforce/sell-online/photos/">ถ่ายรูปสินค้า</a>' in first
    assert "(กำลังเรียน)" not in first


def test_every_thing_a_line_shows_changes_it(renders):
    with translation.override("th"):
        plain = outline_items_html([item()])
        renamed = outline_items_html([item(lesson=replace(LESSON, title="ราคาสินค้า"))])
        in_progress = outline_items_html([item(state=LessonState.IN_PROGRESS)])
        current = outline_items_html([item(is_current=True)])
        locked = outline_items_html([item(is_open=False)])
        quiz = replace(LESSON, requirement=LessonRequirement.QUIZ)
        with_quiz = outline_items_html([item(lesson=quiz)])
    with translation.override("en"):
        english = outline_items_html([item()])
    assert "ราคาสินค้า" in renamed and "ถ่ายรูปสินค้า" not in renamed
    assert "(กำลังเรียน)" in in_progress
    assert 'aria-current="page"' in current and "<a href" not in current
    assert "outline__item--locked" in locked and "🔒" in locked
    assert "มีแบบทดสอบ" in with_quiz
    assert "(not started)" in english
    assert len({plain, renamed, in_progress, current, locked, with_quiz, english}) == 7
    assert renders[0] == 7


def test_markup_in_a_title_is_escaped():
    html = outline_items_html([item(lesson=replace(LESSON, title="<b>ตัวหนา</b>"))])
    assert "&lt;b&gt;ตัวหนา&lt;/b&gt;" in html
