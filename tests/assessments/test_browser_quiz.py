"""Headless Chromium at phone width: take a demo lesson quiz, fail, retry, pass.

The first attempt is answered with JavaScript off (every answer a plain form
post), the second with it on (answers save as they change, also after the
connection drops and comes back). Passing completes the lesson. Screenshots go
to test-artifacts/screenshots/<test name>/.
"""

import os
import re
from pathlib import Path

from django.db import connections

import pytest
from playwright.sync_api import expect

from assessments.models import Quiz, QuizAttempt
from lms.learning.models import CompletionSource, Enrollment
from lms.learning.services import enrollment_create
from lms.setup.demo.assessments import POSTAGE_QUIZ
from tests.demo_data import demo_seed_for_test
from tests.factories import UserFactory

from .conftest import ensure_tree_roots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
QUESTIONS = {q["kind"]: q for q in POSTAGE_QUIZ["questions"]}


@pytest.fixture
def browser(playwright_browser):
    return playwright_browser


class Shots:
    def __init__(self, name: str):
        self.folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", name)
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()
        self.count = 0

    def __call__(self, page, step: str):
        self.count += 1
        page.screenshot(path=str(self.folder / f"{self.count:02d}-{step}.png"), full_page=True)


def phone(browser, *, javascript: bool):
    context = browser.new_context(
        viewport={"width": 360, "height": 780},
        locale="th-TH",
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def log_in(page, base, next_url):
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.fill("#id_username", "nok")
    page.fill("#id_password", "pass-2566-ok")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def question(page, kind):
    """The sheet's section of the demo question of this kind (the order is shuffled)."""
    prompt = re.sub(r"<[^>]+>", "", QUESTIONS[kind]["prompt"])[:20]
    return page.locator("section.question").filter(has_text=prompt)


def tick_boolean(page, value: bool):
    question(page, "true_false").locator(f"input[value={'true' if value else 'false'}]").check()


def answer_wrong(page):
    for kind in ("single", "multiple"):
        wrong = next(text for text, right in QUESTIONS[kind]["choices"] if not right)
        question(page, kind).get_by_label(wrong).check()
    tick_boolean(page, not QUESTIONS["true_false"]["correct_answer_true"])
    question(page, "short_text").locator("input[type=text]").fill("ใบเสร็จ")
    question(page, "numeric").locator("input[type=text]").fill("๕๐")
    for select in question(page, "matching").locator("select").all():
        select.select_option(index=1)


def answer_right(page):
    for kind in ("single", "multiple"):
        for text, right in QUESTIONS[kind]["choices"]:
            if right:
                question(page, kind).get_by_label(text).check()
    tick_boolean(page, QUESTIONS["true_false"]["correct_answer_true"])
    # Typed with a space and Thai digits: both still count as right.
    question(page, "short_text").locator("input[type=text]").fill("เลข พัสดุ")
    question(page, "numeric").locator("input[type=text]").fill("๗๐")
    matching = question(page, "matching")
    for item, match in QUESTIONS["matching"]["pairs"]:
        matching.get_by_label(item).select_option(label=match)


def test_take_the_demo_quiz_fail_retry_and_pass(live_server, browser, request):
    try:
        take_fail_retry_pass(live_server.url, browser, Shots(request.node.name))
    finally:
        # Database calls made between Playwright calls run in another context and open a
        # connection of their own; close it, or dropping the test database would fail.
        connections.close_all()


def take_fail_retry_pass(base, browser, shots):
    ensure_tree_roots()
    result = demo_seed_for_test()
    learner = UserFactory(username="nok", first_name="นกน้อย", last_name="พันธ์ทิพย์")
    enrollment_create(user=learner, course=result["courses"]["sell-products-online"])
    quiz = Quiz.objects.get(lesson__slug=POSTAGE_QUIZ["lesson"])

    # Attempt 1, JavaScript off: every answer goes by a normal form post.
    context, page = phone(browser, javascript=False)
    log_in(page, base, f"/quizzes/{quiz.pk}/")
    shots(page, "quiz-page")
    page.locator(f"form[action='/quizzes/{quiz.pk}/start/'] button").click()
    shots(page, "sheet-empty")
    answer_wrong(page)
    question(page, "numeric").get_by_role("button").click()  # "Save answer" saves the whole sheet
    assert page.url.endswith(_anchor_after(page, "numeric"))
    shots(page, "sheet-saved-without-js")
    page.locator("button[name=finish]").click()
    shots(page, "confirm-submit")
    page.locator("main form button[type=submit]").click()
    shots(page, "result-failed")
    first = QuizAttempt.objects.get(user=learner)
    assert first.passed is False and first.percent < 70
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()

    # Attempt 2, JavaScript on: answers save as they change, even across a dropped connection.
    context, page = phone(browser, javascript=True)
    log_in(page, base, f"/quizzes/attempts/{first.pk}/review/")
    page.locator(f"form[action='/quizzes/{quiz.pk}/start/'] button").click()
    page.wait_for_url(re.compile(r"/quizzes/attempts/\d+/$"))
    page.wait_for_load_state("load")
    second = QuizAttempt.objects.get(user=learner, number=2)
    context.set_offline(True)
    tick_boolean(page, QUESTIONS["true_false"]["correct_answer_true"])
    status = question(page, "true_false").locator("[data-save-status][data-state=error]")
    status.wait_for()
    shots(page, "offline-not-saved")
    context.set_offline(False)
    # Back online, the answer that could not be saved is sent again by itself.
    question(page, "true_false").locator("[data-save-status][data-state=saved]").wait_for()
    answer_right(page)
    expect(page.locator(".quiz-map__item.is-answered")).to_have_count(6)
    # Typed answers save after a short pause; every question shows it saved.
    expect(page.locator("[data-save-status][data-state=saved]")).to_have_count(6)
    page.reload()  # what the server has: every answer, without pressing any button
    assert question(page, "short_text").locator("input[type=text]").input_value() == "เลข พัสดุ"
    shots(page, "sheet-all-saved")
    assert second.answers.exclude(response_key="").count() == 6
    page.locator("button[name=finish]").click()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/review/")
    shots(page, "result-passed")
    second.refresh_from_db()
    assert second.passed and second.percent == 100
    assert page.locator(".result--passed").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # The lesson is done, through the quiz, and the course moved on.
    enrollment = Enrollment.objects.get(user=learner)
    done = enrollment.progress.filter(completed_at__isnull=False)
    assert [p.lesson.slug for p in done] == [POSTAGE_QUIZ["lesson"]]
    assert done.get().completed_via == CompletionSource.QUIZ
    page.goto(f"{base}/quizzes/{quiz.pk}/")
    shots(page, "quiz-page-passed")
    context.close()


def _anchor_after(page, kind) -> str:
    """Where "Save answer" leads: the next question, or the finish button after the last."""
    position = int(question(page, kind).get_attribute("data-position"))
    return f"#q-{position + 1}" if position < 6 else "#finish"
