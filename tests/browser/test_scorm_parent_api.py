"""Packages that look for the SCORM API in their parent frames only, without guarding the
look, still find it in the sandboxed player and complete the lesson (1.2 and 2004)."""

import io

import pytest
from playwright.sync_api import expect

from curricula.models import Track, TrackPage
from lms.learning.models import LessonProgress
from lms.learning.services import enrollment_create
from lms.packages.services import package_upload
from lms.setup.platform import platform_setup
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory
from tests.packages.builders import MANIFEST_12, MANIFEST_2004_4, parent_first_package

from .conftest import PHONE

PASSWORD = "demo-pass-2566"


@pytest.fixture
def lessons(transactional_db, live_server, settings, tmp_path):
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
    course = CoursePageFactory(parent=track, title="รู้ทันภัยออนไลน์", slug="safe-online")
    first = LessonPageFactory(parent=course, title="ข่าวปลอม", slug="fake-news")
    second = LessonPageFactory(parent=course, title="รหัสผ่าน", slug="passwords")
    for lesson, manifest in ((first, MANIFEST_12), (second, MANIFEST_2004_4)):
        package_upload(
            lesson=lesson,
            file=io.BytesIO(parent_first_package(manifest=manifest, title=lesson.title)),
            uploaded_by=None,
        )
    learner = UserFactory(username="parent-api-learner", password=PASSWORD)
    enrollment_create(user=learner, course=course)
    return live_server.url, learner, [first, second]


def test_a_package_looking_only_in_its_parents_finds_the_api(lessons, playwright_browser):
    base, learner, pages = lessons
    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH")
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", learner.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()
    for lesson in pages:
        page.goto(base + lesson.url)
        sco = page.frame_locator("iframe.scorm-frame__iframe")
        expect(sco.locator("#entry")).to_have_text("ab-initio")
        sco.locator("#finish").click()
        expect(page.locator("[data-scorm-status]")).to_have_text("คุณเรียนบทนี้จบแล้ว")
        assert LessonProgress.objects.filter(
            user=learner, lesson=lesson, completed_at__isnull=False
        ).exists()
    context.close()
    assert not errors, errors
