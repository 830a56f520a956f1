"""The offline quiz paper, the draft page and the download panel on a 360 px phone."""

import re

import pytest

from lms.learning.services import enrollment_create
from lms.setup.platform import platform_setup
from tests.assessments.conftest import ensure_tree_roots
from tests.assessments.factories import essay, make_quiz, matching, single_choice, true_false
from tests.assignments.factories import AssignmentFactory
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

from .conftest import fits

pytestmark = pytest.mark.django_db(transaction=True)

LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


def test_offline_pages_read_well_on_a_phone(live_server, phone, shots):
    ensure_tree_roots()
    home = platform_setup()
    course = CoursePageFactory(parent=home.get_children().first().specific, title="ขายของออนไลน์")
    lessons = [LessonPageFactory(parent=course, slug=f"lesson-{n}") for n in range(2)]
    learner = UserFactory(username="malee")
    enrollment_create(user=learner, course=course)
    quiz = make_quiz(
        course=course,
        title="แบบทดสอบปลายหลักสูตร",
        questions=[single_choice(), true_false(), matching(), essay()],
        available_offline=True,
    )
    assignment = AssignmentFactory(lesson=lessons[1], title="เขียนประกาศขายสินค้า")

    page = phone
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "malee")
    page.fill("#id_password", "pass-2566-ok")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url("**/learn/")

    page.goto(live_server.url + course.url)
    # The client script (static/js/offline-learning.js) shows the panel where the browser
    # can keep pages, as Chromium can.
    panel = page.locator(".offline-download")
    panel.wait_for(state="visible")
    assert panel.get_by_role("heading", name="ดาวน์โหลดไว้เรียนแบบออฟไลน์").is_visible()
    assert not panel.get_by_role("button", name="ลบออกจากเครื่อง").is_visible()
    panel.scroll_into_view_if_needed()
    shots(page, "course-download-panel")
    fits(page)

    page.goto(live_server.url + f"/offline/quizzes/{quiz.pk}/paper/")
    assert page.get_by_role("button", name="ส่งคำตอบ").is_visible()
    shots(page, "quiz-paper")
    fits(page)
    main = page.locator("main").inner_text()
    assert not LATIN_WORD.search(main), LATIN_WORD.findall(main)

    page.goto(live_server.url + f"/offline/assignments/{assignment.pk}/draft/")
    page.fill("textarea[name=text]", "น้ำพริกแม่มะลิ ขวดละ 59 บาท")
    shots(page, "assignment-draft")
    fits(page)
    page.get_by_role("button", name="บันทึกฉบับร่าง").click()
    page.wait_for_url(f"**/assignments/{assignment.pk}/")
    assert "บันทึกฉบับร่างแล้ว" in page.content()
    shots(page, "draft-saved")
