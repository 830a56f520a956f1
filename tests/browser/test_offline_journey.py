"""Learning offline at 360 px, as in a village without signal: a learner downloads a course
on the centre's Wi-Fi, goes home without a connection, reads every lesson, marks two done,
answers the offline quiz and writes an assignment draft; back online, the phone sends it all
and the server counts each action once, also when the same queue is sent again. What the
server refuses shows in Thai. A second learner on the same phone finds nothing of the first.
And a course changed on the server is downloaded again at the next connection.

Screenshots go to test-artifacts/offline/."""

import io
import time
from pathlib import Path

from django.core.files.images import ImageFile

import pytest
import wagtail_factories
from PIL import Image

from assessments.models import QuizAttempt
from lms.assignments.models import Submission
from lms.learning.models import LessonProgress
from lms.learning.services import enrollment_create
from lms.offline.keys import user_cache_key
from tests.assessments.factories import make_quiz, single_choice
from tests.assignments.factories import AssignmentFactory
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

from .conftest import PHONE

PASSWORD = "pass-2566-ok"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "offline"
LESSON_TEXTS = ["ตั้งชื่อร้านให้จำง่าย", "ถ่ายรูปสินค้าในที่แสงดี", "ตอบลูกค้าอย่างสุภาพ"]

# Every cached response's address and, for HTML, its text, by cache.
CACHED = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    found[name] = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const type = response.headers.get("Content-Type") || "";
      found[name].push({url: request.url, text: type.startsWith("text/html") ? await response.text() : ""});
    }
  }
  return found;
}"""
DATABASES = "indexedDB.databases().then(list => list.map(d => d.name))"


def _wait_for(page, script: str, *, timeout: float = 20.0):
    # Polled from here: the pages' policy forbids the eval that wait_for_function needs.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(script)
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {script}")


def _shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def _picture(colour) -> ImageFile:
    data = io.BytesIO()
    Image.new("RGB", (1200, 800), colour).save(data, "JPEG")
    return ImageFile(io.BytesIO(data.getvalue()), name="shop.jpg")


@pytest.fixture
def offline_course(transactional_db, live_server, workforce_track, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    course = CoursePageFactory(parent=workforce_track, title="เปิดร้านออนไลน์", slug="shop-offline")
    lessons = []
    for number, text in enumerate(LESSON_TEXTS, start=1):
        image = wagtail_factories.ImageFactory(
            title=f"รูปที่ {number}", file=_picture((40 * number, 120, 80))
        )
        lessons.append(
            LessonPageFactory(
                parent=course,
                title=f"บทที่ {number}",
                slug=f"shop-{number}",
                body=[
                    ("paragraph", f"<p>{text}</p>"),
                    (
                        "image",
                        {"image": image, "alt_text": f"ภาพประกอบบทที่ {number}", "caption": ""},
                    ),
                ],
            )
        )
    # The course's final quiz: lessons 1 and 2 are marked done by hand, lesson 3 has the
    # assignment.
    quiz = make_quiz(
        course=course,
        title="แบบทดสอบเรื่องร้านค้า",
        questions=[single_choice(right="ตอบภายในวันเดียว", wrong=("ไม่ต้องตอบ", "ตอบสัปดาห์หน้า"))],
        max_attempts=1,
        available_offline=True,
    )
    assignment = AssignmentFactory(
        lesson=lessons[2], title="เขียนประกาศขายสินค้า", text_required=True, min_images=0
    )
    first = UserFactory(username="offline-first", first_name="มะลิ")
    second = UserFactory(username="offline-second", first_name="ชบา")
    return live_server.url, course, lessons, quiz, assignment, first, second


def _sign_in(page, base, user):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url("**/learn/")
    _wait_for(page, "navigator.serviceWorker.ready.then(r => r.active.state === 'activated')")


def _download(page, base, course):
    page.goto(base + course.url)
    panel = page.locator("section.offline-download")
    panel.wait_for(state="visible")
    panel.get_by_role("button", name="ดาวน์โหลดไว้เรียนแบบออฟไลน์").click()
    status = panel.locator("[data-offline-status]")
    _wait_for(
        page, "document.querySelector('[data-offline-status]').textContent.includes('ดาวน์โหลดแล้ว')"
    )
    return panel, status


def test_offline_journey(playwright_browser, offline_course):
    base, course, lessons, quiz, assignment, first, second = offline_course
    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH", device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _sign_in(page, base, first)
        page.goto(base + course.url)
        page.get_by_role("button", name="ลงทะเบียนเรียนหลักสูตรนี้").first.click()
        page.wait_for_load_state("load")

        panel, status = _download(page, base, course)
        # "ดาวน์โหลดแล้ว · ใช้พื้นที่ 12 กิโลไบต์": a size in Thai words.
        assert "ใช้พื้นที่" in status.inner_text()
        assert "ไบต์" in status.inner_text()
        assert panel.get_by_role("button", name="ลบออกจากเครื่อง").is_visible()
        _shot(page, "01-download-panel")
        (record,) = page.evaluate("LMSOffline.downloads()")
        assert record["course"] == str(course.pk) and record["bytes"] > 0

        context.set_offline(True)
        page.reload()
        _wait_for(page, "!document.querySelector('[data-offline-state]').hidden")
        assert "ออฟไลน์อยู่" in page.locator("[data-offline-bar]").inner_text()
        for lesson, text in zip(lessons, LESSON_TEXTS, strict=True):
            page.goto(base + lesson.url)
            assert page.get_by_text(text).is_visible(), lesson.url
            # The picture comes from the phone too.
            assert page.evaluate(
                "Promise.all([...document.querySelectorAll('.lesson-body img')].map(i => "
                "i.decode().then(() => i.naturalWidth > 0, () => false)))"
                ".then(all => all.length > 0 && all.every(Boolean))"
            ), lesson.url
            if lesson is not lessons[2]:
                page.locator('form[data-offline-action="lesson.done"] button[type=submit]').click()
                page.get_by_text("รอส่ง", exact=True).wait_for()
                _shot(page, "02-lesson-marked-done-offline")
        _wait_for(page, "LMSOffline.queue().then(q => q.length === 2)")

        page.goto(base + f"/offline/quizzes/{quiz.pk}/paper/")
        page.get_by_label("ตอบภายในวันเดียว").check()
        page.get_by_role("button", name="ส่งคำตอบ").click()
        page.get_by_text("บันทึกไว้ในเครื่องแล้ว จะส่งเมื่อกลับมาออนไลน์").wait_for()

        page.goto(base + assignment_draft_url(assignment))
        draft = page.locator('form[data-offline-action="assignment.draft"]')
        draft.locator("textarea[name=text]").fill("ขายน้ำพริกเผา ขวดละ 50 บาท")
        draft.locator("button[type=submit]").first.click()
        page.get_by_text("บันทึกไว้ในเครื่องแล้ว จะส่งเมื่อกลับมาออนไลน์").wait_for()
        assert "รอส่ง 4 รายการ" in page.locator("[data-offline-bar]").inner_text()
        _shot(page, "03-offline-banner-queue")
        stored = page.evaluate("LMSOffline.queue()")
        assert [item["type"] for item in stored] == [
            "lesson.done",
            "lesson.done",
            "quiz.submit",
            "assignment.draft",
        ]

        # Back online: the queue goes by itself.
        context.set_offline(False)
        _wait_for(page, "LMSOffline.queue().then(q => q.length === 0)")
        _wait_for(page, "!document.querySelector('[data-offline-sent]').hidden")
        assert page.locator("[data-offline-bar]").inner_text().strip() == "ส่งแล้ว"
        _shot(page, "04-back-online-sent")

        def counted():
            return (
                LessonProgress.objects.filter(user=first, completed_at__isnull=False).count(),
                QuizAttempt.objects.filter(user=first, quiz=quiz, graded_at__isnull=False).count(),
                list(Submission.objects.filter(user=first).values_list("text", flat=True)),
            )

        assert counted() == (2, 1, ["ขายน้ำพริกเผา ขวดละ 50 บาท"])
        assert QuizAttempt.objects.get(user=first, quiz=quiz).passed is True

        # The same queue sent again (an answer lost on the way): each key counts once.
        again = page.evaluate("items => LMSOffline.sync(items)", stored)
        assert [result["key"] for result in again] == [item["key"] for item in stored]
        assert {result["status"] for result in again} == {"done"}
        assert counted() == (2, 1, ["ขายน้ำพริกเผา ขวดละ 50 บาท"])

        # A second try of the quiz offline: the server refuses it (one attempt allowed), in
        # Thai, and it stays on screen until dismissed.
        context.set_offline(True)
        page.goto(base + f"/offline/quizzes/{quiz.pk}/paper/")
        page.get_by_label("ไม่ต้องตอบ").check()
        page.get_by_role("button", name="ส่งคำตอบ").click()
        page.get_by_text("รอส่ง 1 รายการ").wait_for()
        context.set_offline(False)
        notice = page.locator(".offline-bar__notice")
        notice.wait_for()
        assert "ทำแบบทดสอบครบจำนวนครั้งแล้ว" in notice.inner_text()
        _shot(page, "05-offline-banner-refused")
        assert QuizAttempt.objects.filter(user=first, quiz=quiz).count() == 1
        page.reload()
        notice.wait_for()
        notice.get_by_role("button", name="รับทราบ").click()
        notice.wait_for(state="detached")
        assert page.evaluate("LMSOffline.notices()") == []

        # The session ends without signing out (the browser forgot it); a second learner signs
        # in on the same phone and finds nothing of the first.
        context.clear_cookies()
        _sign_in(page, base, second)
        page.goto(base + "/learn/")
        mine = "lms-offline-" + user_cache_key(user=second)
        _wait_for(
            page,
            f"{DATABASES}.then(names => names.every(n => !n.startsWith('lms-offline-') || n === {mine!r}))",
        )
        kept = page.evaluate(CACHED)
        for name, entries in kept.items():
            for entry in entries:
                assert "มะลิ" not in entry["text"], (name, entry["url"])
                assert not any(lesson.url in entry["url"] for lesson in lessons), (
                    name,
                    entry["url"],
                )
        assert page.evaluate("LMSOffline.queue()") == []
        assert page.evaluate("LMSOffline.downloads()") == []
        assert {n for n in page.evaluate(DATABASES) if n.startswith("lms-offline-")} <= {mine}
        assert not [
            name
            for name in kept
            if name.startswith("lms-pages-user-")
            and name != "lms-pages-user-" + user_cache_key(user=second)
        ]
        page.goto(base + course.url)
        assert page.locator("section.offline-download").count() == 0
    finally:
        context.close()


def assignment_draft_url(assignment) -> str:
    # The draft page the device keeps (the assignment page itself is a personal record).
    return f"/offline/assignments/{assignment.pk}/draft/"


def test_changed_course_downloads_again(playwright_browser, offline_course):
    base, course, lessons, quiz, assignment, first, second = offline_course
    enrollment_create(user=first, course=course)
    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH", device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _sign_in(page, base, first)
        _download(page, base, course)
        (before,) = page.evaluate("LMSOffline.downloads()")

        lesson = lessons[0]
        lesson.body = [("paragraph", "<p>ฉบับปรับปรุง: ตั้งชื่อร้านสั้น ๆ</p>")]
        lesson.save_revision().publish()

        # The next connection finds the new version and downloads the course again.
        context.set_offline(True)
        context.set_offline(False)
        _wait_for(
            page,
            f"LMSOffline.downloads().then(d => d.length === 1 && d[0].version !== {before['version']!r})",
        )
        context.set_offline(True)
        page.goto(base + lesson.url)
        assert page.get_by_text("ฉบับปรับปรุง: ตั้งชื่อร้านสั้น ๆ").is_visible()

        # Removed from the phone: the course's pages and pictures go, the record too.
        context.set_offline(False)
        page.goto(base + course.url)
        panel = page.locator("section.offline-download")
        panel.get_by_role("button", name="ลบออกจากเครื่อง").click()
        panel.get_by_text("ลบออกจากเครื่องแล้ว").wait_for()
        assert panel.get_by_role("button", name="ดาวน์โหลดไว้เรียนแบบออฟไลน์").is_visible()
        assert page.evaluate("LMSOffline.downloads()") == []
        kept = [entry["url"] for entries in page.evaluate(CACHED).values() for entry in entries]
        for url in before["urls"]:
            if url != course.url:
                assert base + url not in kept, url
    finally:
        context.close()


def test_sign_out_sends_what_waits(playwright_browser, offline_course):
    """A shared phone's learner signs out right after the connection returned, before the
    queue went: the sign-out sends it first, and then nothing of the learner stays."""
    base, course, lessons, quiz, assignment, first, second = offline_course
    enrollment_create(user=first, course=course)
    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH", device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _sign_in(page, base, first)
        page.goto(base + lessons[0].url)
        # The server cannot be reached for the queue (a weak signal): it stays on the phone.
        page.route("**/offline/sync/", lambda route: route.abort())
        context.set_offline(True)
        page.locator('form[data-offline-action="lesson.done"] button[type=submit]').click()
        page.get_by_text("รอส่ง", exact=True).wait_for()
        context.set_offline(False)
        # The phone tried to send it (and failed).
        _wait_for(page, "!document.querySelector('[data-offline-state]').hidden")
        time.sleep(2)
        assert page.evaluate("LMSOffline.queue().then(q => q.length)") == 1
        assert not LessonProgress.objects.filter(user=first, completed_at__isnull=False).exists()

        page.unroute("**/offline/sync/")
        with page.expect_navigation():
            page.get_by_role("button", name="ออกจากระบบ").click()
        page.wait_for_load_state("load")
        assert LessonProgress.objects.filter(user=first, completed_at__isnull=False).count() == 1
        _wait_for(
            page,
            f"{DATABASES}.then(names => !names.some(n => n.startsWith('lms-offline-')))",
        )
    finally:
        context.close()
