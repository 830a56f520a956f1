"""Journey 2's ending with the production pipeline: a learner on a phone finishes the
online-safety course (lessons marked done, the quiz passed), the certificate is rendered
by a real Celery worker through Redis, and the learner downloads it and checks the QR code.

Needs PostgreSQL (the worker process shares the test database) and Redis; CI has both.
"""

import re
import shutil
from pathlib import Path

from django.db import connection, connections

import pytest

from assessments.models import Quiz
from curricula.models import CoursePage
from lms.certificates.models import Certificate, RenderStatus
from lms.learning.models import Enrollment
from lms.setup.demo.assessments import SAFETY_QUIZ
from tests.certificates.conftest import certificate_files  # noqa: F401 - fixture
from tests.certificates.test_pipeline_worker import (  # noqa: F401 - fixtures
    REDIS_URL,
    broker,
    wait_for,
    workers,
)
from tests.demo_data import demo_seed_for_test

from .conftest import PHONE
from .test_centre_journey import log_in
from .test_platform_journeys import _qr_url_from_pdf

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a worker process needs a database it can share (PostgreSQL; CI runs it)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
QUESTIONS = {q["kind"]: q for q in SAFETY_QUIZ["questions"]}


def question(page, kind):
    prompt = re.sub(r"<[^>]+>", "", QUESTIONS[kind]["prompt"])[:20]
    return page.locator("section.question").filter(has_text=prompt)


def answer_the_safety_quiz(page):
    for kind in ("single", "multiple"):
        for text, right in QUESTIONS[kind]["choices"]:
            if right:
                question(page, kind).get_by_label(text).check()
    value = "true" if QUESTIONS["true_false"]["correct_answer_true"] else "false"
    question(page, "true_false").locator(f"input[value={value}]").check()
    question(page, "short_text").locator("input[type=text]").fill("๑๔๔๑")  # Thai digits
    matching = question(page, "matching")
    for item, match in QUESTIONS["matching"]["pairs"]:
        matching.get_by_label(item).select_option(label=match)


def test_learner_finishes_a_course_and_a_real_worker_renders_the_certificate(
    live_server,
    playwright_browser,
    broker,  # noqa: F811
    workers,  # noqa: F811
    certificate_files,  # noqa: F811
    shots,
    tmp_path,
):
    for program in ("pdftoppm", "zbarimg"):
        assert shutil.which(program), f"{program} is missing: install poppler-utils and zbar-tools"
    result = demo_seed_for_test()
    broker(REDIS_URL)
    workers(REDIS_URL)
    base = live_server.url
    course = CoursePage.objects.get(pk=result["courses"]["online-safety"].pk)
    lessons = list(course.get_children().live().specific())
    quiz = Quiz.objects.get(lesson__slug=SAFETY_QUIZ["lesson"])
    username = "demo-kkn-wanida"
    assert Enrollment.objects.filter(user__username=username, course=course).exists()

    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        log_in(page, base, username)
        for lesson in lessons:
            page.goto(base + lesson.url)
            if lesson.pk == quiz.lesson_id:
                page.goto(f"{base}/quizzes/{quiz.pk}/")
                page.locator(f"form[action='/quizzes/{quiz.pk}/start/'] button").click()
                page.wait_for_url(re.compile(r"/quizzes/attempts/\d+/$"))
                answer_the_safety_quiz(page)
                shots(page, "quiz-answered")
                page.locator("button[name=finish]").click()
                page.wait_for_url("**/submit/")
                page.locator("main form button[type=submit]").click()
                page.wait_for_url("**/review/")
                assert page.locator(".result--passed").is_visible()
            else:
                page.locator(f"form[action$='/learn/lessons/{lesson.pk}/done/'] button").click()
                page.wait_for_load_state()
        shots(page, "last-lesson-done")

        enrollment = Enrollment.objects.get(user__username=username, course=course)
        assert enrollment.completed_at is not None
        certificate = Certificate.objects.get(learner__username=username, course=course)
        # The web process only queued the work; the worker renders it.
        wait_for(
            lambda: Certificate.objects.filter(
                pk=certificate.pk, status=RenderStatus.RENDERED
            ).exists(),
            timeout=120,
            what="the worker to render the certificate",
        )

        page.goto(base + "/certificates/")
        shots(page, "certificate-ready")
        with page.expect_download() as download_info:
            page.locator(f"a[href*='/certificates/{certificate.code}/download/']").first.click()
        pdf = Path(download_info.value.path()).read_bytes()
        assert pdf.startswith(b"%PDF")
        url = _qr_url_from_pdf(pdf, tmp_path)
        page.goto(base + url[url.index("/certificates/") :])
        assert page.locator(".verdict--valid h1").is_visible()
        assert "วนิดา" in page.content()
        shots(page, "verified")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()
        connections.close_all()
