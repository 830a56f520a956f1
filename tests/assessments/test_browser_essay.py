"""Headless Chromium: a trainer imports a GIFT file with an essay into a quiz, a learner
writes the essay at phone width, the trainer grades it at phone width.

The trainer uploads the file on the admin's import page, into a new bank and the
course's quiz. The learner answers a quiz with a description, a true-or-false question and an essay,
submits and is told the result waits for the trainer. The trainer opens the queue of
written answers at 360 px, reads the answer with the notes for the grader and gives
points and a comment. The learner then sees the result and the comment, the lesson is
done through the quiz and, as it was the course's only requirement, the course is
complete. On each new page: nothing wider than the phone, no English word, Thai lines
broken only between words (measured as in tests/browser/test_line_breaks.py) and no
serious accessibility problem (axe-core, as in tests/browser/test_accessibility.py).
Screenshots go to test-artifacts/screenshots/<test>/.
"""

import re

from django.contrib.auth.models import Group
from django.core import mail
from django.db import connections

import pytest
from playwright.sync_api import expect

from assessments.models import QuestionKind, QuizAttempt
from lms.learning.models import CompletionSource, Enrollment
from lms.learning.services import enrollment_create
from lms.setup.platform import platform_setup
from lms.users import roles
from tests.browser.test_accessibility import _axe, _describe
from tests.browser.test_line_breaks import MEASURE, bad_wraps
from tests.factories import (
    CentreFactory,
    CoursePageFactory,
    LessonPageFactory,
    StaffRoleFactory,
    UserFactory,
)

from .conftest import ensure_tree_roots
from .factories import make_quiz
from .test_browser_quiz import Shots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pass-2566-ok"
PROMPT = "เขียนข้อความตอบลูกค้าที่ได้รับขวดน้ำพริกแตก"
ESSAY = "ขอโทษลูกค้าก่อนค่ะ\nแล้วส่งขวดใหม่ให้ฟรี\n\nต่อไปจะห่อบับเบิลสองรอบ"
COMMENT = "ตอบได้ดีมาก สุภาพและแก้ปัญหาได้ตรงจุด"


# What a trainer has from Moodle: a description, a true-or-false question and an essay.
GIFT = f"""// ดูแลลูกค้าหลังการขาย
::คำชี้แจง:: ตอนที่ 1\\: อ่านสถานการณ์แล้วตอบคำถามด้านล่าง

::ถ่ายรูปพัสดุ:: ควรถ่ายรูปพัสดุก่อนส่งทุกครั้ง {{T}}

::ตอบลูกค้า:: {PROMPT} {{}}
"""


def import_into_quiz(page, base, quiz):
    """The trainer uploads the GIFT file into a new bank and the quiz, in the admin."""
    page.goto(f"{base}/admin/question-import/")
    page.set_input_files(
        "#id_file",
        files=[{"name": "ดูแลลูกค้า.gift", "mimeType": "text/plain", "buffer": GIFT.encode()}],
    )
    page.fill("#id_new_bank", "คลังดูแลลูกค้า")
    page.select_option("#id_quiz", value=str(quiz.pk))
    with page.expect_navigation():
        page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    expect(page.locator(".gift-report")).to_contain_text("คลังดูแลลูกค้า")


@pytest.fixture
def browser(playwright_browser):
    return playwright_browser


def phone(browser):
    """A phone-sized page; the Content-Security-Policy is bypassed only so that axe's
    script can be injected (the policy is tested in tests/proof/test_security.py)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 780}, locale="th-TH", bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def log_in(page, base, username, next_url):
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def check_phone_page(page, name):
    """No sideways scrolling at 360 px, no English word in view, no Thai word split."""
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
    page.evaluate("document.fonts.ready")
    _total, bad = bad_wraps(page.evaluate(MEASURE))
    assert bad == [], f"{name}: {bad}"
    visible = page.locator("main").inner_text()
    english = re.findall(r"[A-Za-z]{3,}", visible)
    assert english == [], f"{name}: English on a Thai page: {english}"
    assert _describe(name, _axe(page)) == []


def test_essay_written_graded_and_the_course_completes(live_server, browser, request, settings):
    settings.LMS_THAI_LINE_BREAKS = True
    try:
        essay_journey(live_server.url, browser, Shots(request.node.name))
    finally:
        # Database calls made between Playwright calls run in another context and open a
        # connection of their own; close it, or dropping the test database would fail.
        connections.close_all()


def essay_journey(base, browser, shots):
    ensure_tree_roots()
    home = platform_setup()
    track = home.get_children().first()
    course = CoursePageFactory(parent=track, title="การดูแลลูกค้าออนไลน์", slug="customer-care")
    lesson = LessonPageFactory(parent=course, title="ตอบลูกค้าเมื่อสินค้าเสียหาย", slug="reply")
    # The quiz is there, empty, waiting for the trainer's questions; pass mark 60 %.
    quiz = make_quiz(
        lesson=lesson,
        title="แบบทดสอบ: ดูแลลูกค้าหลังการขาย",
        questions=[],
        shuffle_questions=False,
        pass_mark_percent=60,
    )
    centre = CentreFactory(name_th="ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก")
    learner = UserFactory(
        username="kaew", first_name="แก้วตา", last_name="ศรีสุข", email="kaew@example.org"
    )
    learner.home_centre = centre
    learner.save()
    enrollment_create(user=learner, course=course)
    trainer = UserFactory(username="khru-somsak", first_name="สมศักดิ์", last_name="ทองดี")
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    StaffRoleFactory(user=trainer, centre=centre)

    context, page = phone(browser)
    log_in(page, base, "khru-somsak", "/admin/")
    import_into_quiz(page, base, quiz)
    shots(page, "trainer-import-report")
    context.close()
    kinds = list(quiz.items.order_by("sort_order").values_list("question__kind", flat=True))
    assert kinds == [QuestionKind.DESCRIPTION, QuestionKind.TRUE_FALSE, QuestionKind.ESSAY]

    # The learner answers at phone width, with JavaScript: the essay saves as it is typed.
    context, page = phone(browser)
    log_in(page, base, "kaew", f"/quizzes/{quiz.pk}/")
    page.locator(f"form[action='/quizzes/{quiz.pk}/start/'] button").click()
    page.wait_for_url(re.compile(r"/quizzes/attempts/\d+/$"))
    page.wait_for_load_state("load")
    expect(page.locator(".quiz-map__item")).to_have_count(2)  # the description is no question
    expect(page.locator(".question--description")).to_contain_text("ตอนที่ 1")
    page.locator("input[value=true]").check()
    textarea = page.get_by_label("คำตอบของคุณ", exact=True)
    textarea.fill(ESSAY)
    essay_section = page.locator("section.question").filter(has_text=PROMPT)
    essay_section.locator("[data-save-status][data-state=saved]").wait_for()
    shots(page, "learner-sheet")
    check_phone_page(page, "sheet")
    page.locator("button[name=finish]").click()
    shots(page, "learner-confirm")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/review/")
    expect(page.locator(".result--waiting")).to_contain_text("รอวิทยากรให้คะแนน")
    expect(page.locator(".review-essay")).to_contain_text("แล้วส่งขวดใหม่ให้ฟรี")
    assert page.locator(".result__score").count() == 0
    shots(page, "learner-waiting")
    check_phone_page(page, "review while waiting")
    attempt = QuizAttempt.objects.get(user=learner)
    assert attempt.awaits_grading
    assert attempt.answers.get(position=3).response == {"text": ESSAY}
    page.goto(f"{base}{lesson.url}")
    expect(page.locator(".quiz-panel")).to_contain_text("รอวิทยากรให้คะแนน")
    shots(page, "learner-lesson-waiting")
    context.close()

    # The trainer grades on a phone.
    context, page = phone(browser)
    log_in(page, base, "khru-somsak", "/quizzes/grading/")
    expect(page.locator(".grading-queue__item")).to_have_count(1)
    shots(page, "trainer-queue")
    check_phone_page(page, "queue")
    page.locator(".grading-queue__item a").click()
    page.wait_for_url(re.compile(r"/quizzes/grading/\d+/$"))
    expect(page.locator(".review-essay")).to_contain_text("ต่อไปจะห่อบับเบิลสองรอบ")
    expect(page.locator(".grading-context")).to_contain_text("1 จาก 1 คะแนน")
    shots(page, "trainer-grading")
    check_phone_page(page, "grading page")
    page.get_by_label("คะแนน (0 ถึง 1)").fill("๕")  # more than the question is worth
    page.get_by_role("button", name="บันทึกคะแนน").click()
    expect(page.locator(".errorlist")).to_contain_text("ใส่คะแนนตั้งแต่ 0 ถึง 1")
    shots(page, "trainer-points-refused")
    page.get_by_label("คะแนน (0 ถึง 1)").fill("0.5")
    page.get_by_label("ความเห็นถึงผู้เรียน").fill(COMMENT)
    page.get_by_role("button", name="บันทึกคะแนน").click()
    page.wait_for_url("**/quizzes/grading/")
    expect(page.locator(".message--success")).to_contain_text("สอบผ่าน")
    expect(page.locator(".grading-queue__item")).to_have_count(0)
    shots(page, "trainer-queue-empty")
    context.close()

    attempt.refresh_from_db()
    assert attempt.percent == 75 and attempt.passed  # 1 + 0.5 of 2 points
    # The result by e-mail (the certificate of the completed course comes in another).
    (result,) = [m for m in mail.outbox if quiz.title in m.subject]
    assert result.to == ["kaew@example.org"] and "75%" in result.body

    # The learner sees the result and the comment; the lesson and the course are done.
    context, page = phone(browser)
    log_in(page, base, "kaew", f"/quizzes/attempts/{attempt.pk}/review/")
    expect(page.locator(".result--passed")).to_contain_text("75%")
    expect(page.locator(".review-essay__comment")).to_contain_text(COMMENT)
    expect(page.locator(".review-question").filter(has_text=PROMPT)).to_contain_text(
        "0.5 / 1 คะแนน"
    )
    shots(page, "learner-result")
    check_phone_page(page, "review after grading")
    context.close()
    enrollment = Enrollment.objects.get(user=learner, course=course)
    progress = enrollment.progress.get(lesson=lesson)
    assert progress.completed_via == CompletionSource.QUIZ
    assert enrollment.completed_at is not None
