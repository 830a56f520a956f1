"""An H5P activity in a lesson, at phone width: the learner opens the lesson, the
activity plays in its sandboxed frame (a content type written by the test, run by
h5p-standalone), the learner completes it, leaves, and comes back in a new browser: the
lesson is done and the course's progress shows it. Screenshots in test-artifacts/h5p/."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from curricula.models import Track, TrackPage
from lms.h5p.models import H5PResult
from lms.h5p.services import h5p_content_create
from lms.learning.models import CompletionSource, LessonProgress
from lms.learning.services import enrollment_create
from lms.setup.platform import platform_setup
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory
from tests.h5p.h5p_packages import build_package

from .conftest import PHONE, fits

PASSWORD = "demo-pass-2566"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "h5p"


@pytest.fixture
def lesson_with_activity(transactional_db, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    home = platform_setup()
    track = TrackPage.objects.get(locale=home.locale, track=Track.YOUTH)
    course = CoursePageFactory(parent=track, title="ความปลอดภัยออนไลน์", slug="online-safety")
    content = h5p_content_create(file=build_package(score=4, max_score=5), title="ทดสอบความเข้าใจ")
    lesson = LessonPageFactory(
        parent=course,
        title="รหัสผ่านที่ปลอดภัย",
        slug="safe-passwords",
        body=[
            ("paragraph", "<p>รหัสผ่านที่ดีควรยาวและเดาได้ยาก</p>"),
            ("h5p", {"content": content, "completes_lesson": True, "pass_mark": 60}),
        ],
    )
    LessonPageFactory(parent=course, title="การตั้งค่าความเป็นส่วนตัว", slug="privacy")
    learner = UserFactory(username="ploy", first_name="พลอย")
    learner.set_password(PASSWORD)
    learner.save()
    enrollment_create(user=learner, course=course)
    return live_server.url, course, lesson, learner, content


def open_phone(playwright_browser):
    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH", device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_a_learner_completes_an_h5p_activity_and_the_lesson_stays_done(
    lesson_with_activity, playwright_browser
):
    base, course, lesson, learner, content = lesson_with_activity
    SHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []

    context, page = open_phone(playwright_browser)
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    log_in(page, base, "ploy")
    page.goto(base + lesson.url)
    frame = page.frame_locator("iframe.h5p-activity__frame")
    button = frame.get_by_role("button", name="ส่งคำตอบ")
    expect(button).to_be_visible()
    # The lesson is finished by its activity, not by a button of its own.
    expect(page.get_by_role("button", name="บันทึกว่าเรียนบทนี้จบแล้ว")).to_have_count(0)
    fits(page)
    page.screenshot(path=str(SHOTS / "01-activity.png"), full_page=True)

    button.click()
    expect(frame.get_by_text("ส่งคำตอบแล้ว")).to_be_visible()
    expect(page.locator(".h5p-activity__status")).to_have_text("บันทึกผลของคุณแล้ว")
    page.screenshot(path=str(SHOTS / "02-completed.png"), full_page=True)
    context.close()

    result = H5PResult.objects.get(user=learner, content=content, lesson=lesson)
    assert (result.best_scaled, result.last_raw, result.last_max) == (0.8, 4, 5)
    progress = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert progress.completed_via == CompletionSource.ACTIVITY

    # Another day, another browser.
    context, page = open_phone(playwright_browser)
    log_in(page, base, "ploy")
    page.goto(base + lesson.url)
    expect(page.locator(".lesson-done")).to_be_visible()
    expect(page.locator(".h5p-results")).to_contain_text("80%")
    expect(page.frame_locator("iframe.h5p-activity__frame").get_by_role("button")).to_be_visible()
    page.screenshot(path=str(SHOTS / "03-lesson-done.png"), full_page=True)
    page.goto(base + course.url)
    expect(page.locator("progress").first).to_have_attribute("value", "50")
    fits(page)
    page.screenshot(path=str(SHOTS / "04-course-progress.png"), full_page=True)
    context.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_a_trainer_uploads_an_activity_and_a_broken_one_is_refused_in_thai(
    transactional_db, live_server, settings, tmp_path, playwright_browser
):
    from django.contrib.auth.models import Group

    from lms.h5p.models import H5PContent
    from lms.users import roles
    from tests.h5p.h5p_packages import package_files

    settings.MEDIA_ROOT = tmp_path / "media"
    platform_setup()
    trainer = UserFactory(username="somsak")
    trainer.set_password(PASSWORD)
    trainer.save()
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    broken = package_files()
    del broken["H5P.TestStyle-1.0/library.json"]
    broken_file = tmp_path / "broken.h5p"
    broken_file.write_bytes(build_package(broken).getvalue())
    good_file = tmp_path / "quiz.h5p"
    good_file.write_bytes(build_package().getvalue())
    SHOTS.mkdir(parents=True, exist_ok=True)

    context, page = open_phone(playwright_browser)
    log_in(page, live_server.url, "somsak")
    page.goto(live_server.url + "/admin/snippets/h5p/h5pcontent/add/")
    page.set_input_files("#id_package", str(broken_file))
    page.locator("button.action-save").first.click()
    expect(page.get_by_text("แพ็กเกจไม่มีไลบรารี H5P.TestStyle 1.0 ที่กิจกรรมต้องใช้")).to_be_visible()
    page.screenshot(path=str(SHOTS / "05-admin-refused.png"), full_page=True)
    assert not H5PContent.objects.exists()
    assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]

    page.set_input_files("#id_package", str(good_file))
    page.locator("button.action-save").first.click()
    expect(page.get_by_role("link", name="กดปุ่มเพื่อส่งคำตอบ")).to_be_visible()
    page.screenshot(path=str(SHOTS / "06-admin-list.png"), full_page=True)
    assert H5PContent.objects.get().uploaded_by == trainer
    context.close()
