"""The cached course outline follows every change an author or trainer can make."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from lms.learning.outline import course_outline
from lms.learning.requirements import LessonRequirement
from lms.learning.services import enrollment_create
from tests.assessments.factories import make_quiz, single_choice
from tests.assignments.factories import AssignmentFactory
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory


@pytest.fixture
def course(workforce_track):
    course = CoursePageFactory(parent=workforce_track, title="ขายของออนไลน์")
    for title in ("ถ่ายรูปสินค้า", "ตั้งราคา", "ส่งของ"):
        LessonPageFactory(parent=course, title=title)
    return course


def titles(course):
    return [lesson.title for lesson in course_outline(course)]


def test_the_second_read_comes_from_the_cache(course):
    assert titles(course) == ["ถ่ายรูปสินค้า", "ตั้งราคา", "ส่งของ"]
    with CaptureQueriesContext(connection) as queries:
        assert titles(course) == ["ถ่ายรูปสินค้า", "ตั้งราคา", "ส่งของ"]
    assert len(queries) == 0


def test_a_published_lesson_appears_and_an_unpublished_one_goes(course):
    titles(course)  # cached
    new = LessonPageFactory(parent=course, title="รับชำระเงิน", live=False)
    new.save_revision().publish()
    assert titles(course)[-1] == "รับชำระเงิน"

    first = course.get_children().first().specific
    first.unpublish()
    assert "ถ่ายรูปสินค้า" not in titles(course)


def test_a_renamed_lesson_shows_its_new_title_and_link(course):
    titles(course)
    lesson = course.get_children().last().specific
    lesson.title = "จัดส่งสินค้า"
    lesson.slug = "delivery"
    lesson.save_revision().publish()
    outline = course_outline(course)
    assert outline[-1].title == "จัดส่งสินค้า"
    assert outline[-1].url.endswith("/delivery/")


def test_a_deleted_lesson_disappears(course):
    titles(course)
    course.get_children().first().delete()
    assert titles(course) == ["ตั้งราคา", "ส่งของ"]


def test_a_quiz_or_an_assignment_changes_what_completes_a_lesson(course):
    lessons = course.get_children().specific()
    assert [item.requirement for item in course_outline(course)] == [LessonRequirement.MANUAL] * 3

    quiz = make_quiz(lesson=lessons[0], questions=[single_choice()])
    AssignmentFactory(lesson=lessons[1])
    assert [item.requirement for item in course_outline(course)] == [
        LessonRequirement.QUIZ,
        LessonRequirement.ASSIGNMENT,
        LessonRequirement.MANUAL,
    ]

    quiz.is_live = False
    quiz.save()
    assert course_outline(course)[0].requirement == LessonRequirement.MANUAL


def test_a_lost_cache_version_still_gives_fresh_outlines(course):
    titles(course)
    cache.clear()  # e.g. Redis restarted or the key evicted
    LessonPageFactory(parent=course, title="รับชำระเงิน")
    assert titles(course)[-1] == "รับชำระเงิน"


def test_the_lesson_page_shows_a_lesson_published_after_it_was_cached(client, course):
    learner = UserFactory()
    enrollment_create(user=learner, course=course)
    client.force_login(learner)
    first = course.get_children().first()
    assert "รับชำระเงิน" not in client.get(first.url).content.decode()

    new = LessonPageFactory(parent=course, title="รับชำระเงิน", live=False)
    new.save_revision().publish()
    new.refresh_from_db()
    page = client.get(first.url).content.decode()
    assert "รับชำระเงิน" in page
    assert f'href="{new.url}"' in page


def test_a_republished_lesson_shows_its_new_body_and_a_preview_its_draft(client, course):
    learner = UserFactory()
    client.force_login(learner)
    lesson = course.get_children().first().specific
    assert "เนื้อหาบทเรียน" in client.get(lesson.url).content.decode()  # body now cached

    lesson.body = [("paragraph", "<p>ถ่ายรูปในที่มีแสงธรรมชาติ</p>")]
    lesson.save_revision().publish()
    page = client.get(lesson.url).content.decode()
    assert "ถ่ายรูปในที่มีแสงธรรมชาติ" in page
    assert "เนื้อหาบทเรียน" not in page

    # A draft is not live: learners still read the published body, an editor's preview
    # (never cached) shows the draft.
    lesson.refresh_from_db()
    lesson.body = [("paragraph", "<p>ร่างที่ยังไม่เผยแพร่</p>")]
    lesson.save_revision()
    assert "ร่างที่ยังไม่เผยแพร่" not in client.get(lesson.url).content.decode()
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    preview = client.get(f"/admin/pages/{lesson.pk}/view_draft/")
    assert preview.status_code == 200
    assert "ร่างที่ยังไม่เผยแพร่" in preview.content.decode()
