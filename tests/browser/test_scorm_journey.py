"""SCORM at phone width: a trainer uploads a 1.2 and a 2004 package in the admin; a
learner goes part way in each, leaves, comes back in a new browser (a new session) and
resumes where they stopped, finishes, and the course page shows both lessons done with
their scores."""

from pathlib import Path

from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from curricula.models import Track, TrackPage
from lms.learning.models import LessonProgress
from lms.learning.services import enrollment_create
from lms.packages.models import ScormPackage
from lms.setup.platform import platform_setup
from lms.users import roles
from tests.factories import (
    CentreFactory,
    CoursePageFactory,
    LessonPageFactory,
    StaffRoleFactory,
    UserFactory,
)
from tests.packages.builders import MANIFEST_12, scorm12_package, scorm2004_package, zip_bytes

from .conftest import PHONE, fits

PASSWORD = "demo-pass-2566"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "packages"


@pytest.fixture
def journey(transactional_db, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    home = platform_setup()
    track = TrackPage.objects.get(locale=home.locale, track=Track.WORKFORCE)
    course = CoursePageFactory(parent=track, title="ขายของออนไลน์ให้ปัง", slug="sell-well")
    first = LessonPageFactory(parent=course, title="รู้จักตลาดออนไลน์", slug="market")
    second = LessonPageFactory(parent=course, title="แบบฝึกตั้งราคา", slug="pricing")
    centre = CentreFactory()
    trainer = UserFactory(
        username="scorm-trainer", first_name="สมศรี", last_name="ครูดี", password=PASSWORD
    )
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    StaffRoleFactory(user=trainer, centre=centre)
    learner = UserFactory(
        username="scorm-learner", first_name="มานี", last_name="ใจงาม", password=PASSWORD
    )
    enrollment_create(user=learner, course=course)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    return live_server.url, course, first, second, learner


def log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()


def upload(page, base, lesson_label, name, data, pass_mark=None):
    page.goto(base + "/admin/scorm_packages/new/")
    page.select_option("#id_lesson", label=lesson_label)
    page.set_input_files(
        "#id_package_file", {"name": name, "mimeType": "application/zip", "buffer": data}
    )
    if pass_mark is not None:
        page.check("#id_counts_as_quiz")
        page.fill("#id_pass_mark", str(pass_mark))
    page.locator("form [type=submit]").last.click()
    page.wait_for_load_state()


def new_phone(browser):
    context = browser.new_context(viewport=PHONE, locale="th-TH", device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def shot(page, name):
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_scorm_packages_across_two_sessions(journey, playwright_browser):
    base, course, first, second, learner = journey

    # The trainer uploads both packages from a phone.
    context, admin = new_phone(playwright_browser)
    log_in(admin, base, "scorm-trainer")
    # A zip with a program inside is refused, in Thai, and nothing is kept.
    hostile = zip_bytes(
        {
            "imsmanifest.xml": MANIFEST_12.format(title="x"),
            "index.html": "<p>x</p>",
            "tools/setup.exe": b"MZ",
        }
    )
    upload(admin, base, f"{course.title} › {first.title}", "hostile.zip", hostile)
    expect(admin.locator("body")).to_contain_text("แพ็กเกจมีไฟล์โปรแกรม ซึ่งไม่อนุญาต: tools/setup.exe")
    shot(admin, "00-trainer-refused")
    assert not ScormPackage.objects.exists()
    upload(admin, base, f"{course.title} › {first.title}", "sell-12.zip", scorm12_package())
    shot(admin, "01-trainer-uploaded-12")
    upload(
        admin,
        base,
        f"{course.title} › {second.title}",
        "pricing-2004.zip",
        scorm2004_package(),
        pass_mark=70,
    )
    shot(admin, "02-trainer-uploaded-2004")
    expect(admin.locator("body")).to_contain_text("SCORM 2004 ฉบับที่ 4")
    context.close()
    assert ScormPackage.objects.filter(lesson=first, version="1.2").exists()
    assert ScormPackage.objects.filter(lesson=second, version="2004-4").exists()

    for number, lesson in enumerate([first, second], start=1):
        # Session 1: part way, then the browser is closed.
        context, page = new_phone(playwright_browser)
        log_in(page, base, "scorm-learner")
        page.goto(base + lesson.url)
        sco = page.frame_locator("iframe.scorm-frame__iframe")
        expect(sco.locator("#entry")).to_have_text("ab-initio")
        expect(sco.locator("#learner")).not_to_be_empty()
        expect(sco.locator("#page")).to_have_text("หน้า 1 จาก 3")
        sco.locator("#next").click()
        expect(sco.locator("#page")).to_have_text("หน้า 2 จาก 3")
        expect(page.locator("[data-scorm-status]")).to_have_text("บันทึกความก้าวหน้าแล้ว")
        fits(page)
        shot(page, f"{number + 2:02d}-learner-part-way-{lesson.slug}")
        context.close()

        # Session 2, a new browser: it resumes at page 2 with the saved memory.
        context, page = new_phone(playwright_browser)
        log_in(page, base, "scorm-learner")
        page.goto(base + lesson.url)
        sco = page.frame_locator("iframe.scorm-frame__iframe")
        expect(sco.locator("#entry")).to_have_text("resume")
        expect(sco.locator("#page")).to_have_text("หน้า 2 จาก 3")
        expect(sco.locator("#memory")).to_have_text("seen:2")
        sco.locator("#next").click()
        sco.locator("#finish").click()
        expect(page.locator("[data-scorm-status]")).to_have_text("คุณเรียนบทนี้จบแล้ว")
        shot(page, f"{number + 4:02d}-learner-finished-{lesson.slug}")
        context.close()
        assert LessonProgress.objects.filter(
            user=learner, lesson=lesson, completed_at__isnull=False, completed_via="package"
        ).exists()

    context, page = new_phone(playwright_browser)
    log_in(page, base, "scorm-learner")
    page.goto(base + course.url)
    results = page.locator(".scorm-results")
    expect(results).to_contain_text("คะแนน 80")
    expect(results).to_contain_text("คะแนน 90")
    assert results.locator(".badge--ok").count() == 2
    fits(page)
    shot(page, "07-course-progress")
    context.close()
