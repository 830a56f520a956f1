"""Practical assignment at phone width, as people would do it: the learner photographs
a product (two photos) and writes the listing; the trainer asks for a redo with
feedback; the learner changes a photo and hands in again; the trainer passes it; the
lesson is done. Two phones, one for each person, against a live server."""

import io
import re

from django.contrib.auth.models import Group
from django.core import mail
from django.utils.translation import gettext as _

import pytest
from PIL import Image
from playwright.sync_api import expect

from curricula.models import Track, TrackPage
from lms.assignments.models import Submission, SubmissionStatus
from lms.learning.models import CompletionSource, LessonProgress
from lms.learning.services import enrollment_create
from lms.setup.platform import platform_setup
from lms.users import roles
from tests.assignments.factories import GPS_IFD, SIMPLE_RUBRIC, AssignmentFactory, photo_bytes
from tests.factories import (
    CentreFactory,
    CoursePageFactory,
    LessonPageFactory,
    StaffRoleFactory,
    UserFactory,
)

from .conftest import PHONE

PASSWORD = "demo-pass-2566"
SOMETHING = re.compile(r"\S")


@pytest.fixture
def journey(transactional_db, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    home = platform_setup()
    track = TrackPage.objects.get(locale=home.locale, track=Track.WORKFORCE)
    course = CoursePageFactory(
        parent=track, title="การขายสินค้าออนไลน์สำหรับผู้ผลิตชุมชน", slug="sell-products-online"
    )
    LessonPageFactory(parent=course, title="รู้จักช่องทางการขายออนไลน์", slug="channels")
    lesson = LessonPageFactory(
        parent=course,
        title="ถ่ายรูปสินค้าด้วยโทรศัพท์มือถือ",
        slug="photograph-products-with-a-phone",
    )
    assignment = AssignmentFactory(
        lesson=lesson,
        title="ถ่ายรูปสินค้าของคุณและเขียนประกาศขาย",
        instructions="<p>ถ่ายรูปสินค้าของคุณอย่างน้อย 2 รูป แล้วเขียนประกาศขายสั้น ๆ</p>",
        text_required=True,
        text_label="ประกาศขายสินค้าของคุณ",
        min_images=2,
        grading="rubric",
        rubric=SIMPLE_RUBRIC,
        pass_points=3,
    )
    centre = CentreFactory(name_th="ศูนย์ดิจิทัลชุมชนตำบลโพธิ์ตาก")
    learner = UserFactory(
        username="demo-learner",
        first_name="มาลี",
        last_name="ศรีสุข",
        email="malee@example.org",
        home_centre=centre,
        password=PASSWORD,
    )
    enrollment_create(user=learner, course=course)
    trainer = UserFactory(
        username="demo-trainer", first_name="สมศักดิ์", last_name="ทองดี", password=PASSWORD
    )
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    StaffRoleFactory(user=trainer, centre=centre)
    return live_server.url, assignment, lesson, learner


@pytest.fixture
def second_phone(playwright_browser):
    context = playwright_browser.new_context(viewport=PHONE, locale="th-TH", device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def camera_photo(name: str, colour: str) -> dict:
    return {
        "name": name,
        "mimeType": "image/jpeg",
        "buffer": photo_bytes((3000, 4000), colour=colour),
    }


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def status_of(page) -> str:
    return page.locator("#assignment-status").inner_text().strip()


def test_hand_in_redo_and_pass_on_a_phone(journey, phone, second_phone, shots):
    base, assignment, lesson, learner = journey
    hand_in_url = f"{base}/assignments/{assignment.pk}/"
    me, trainer = phone, second_phone

    # The learner takes two photos and writes the listing.
    log_in(me, base, "demo-learner")
    me.goto(hand_in_url)
    shots(me, "learner-assignment")
    assert fits_the_phone(me)
    assert me.locator("#id_photos").get_attribute("accept") == "image/*"
    me.fill("#id_text", "น้ำพริกปลาย่าง สูตรโบราณ 200 กรัม ราคา 65 บาท")
    me.set_input_files(
        "#id_photos",
        [camera_photo("IMG_0001.JPG", "#c92a2a"), camera_photo("IMG_0002.JPG", "#2f9e44")],
    )
    shots(me, "learner-ready")
    me.locator("button[name=action][value=hand_in]").click()
    me.wait_for_load_state()
    shots(me, "learner-handed-in")
    assert status_of(me) == _("Handed in, waiting for review")
    assert me.locator("input[type=file]").count() == 0
    first = Submission.objects.get(user=learner)
    assert first.files.count() == 2
    for record in first.files.all():
        with record.file.open("rb") as handle:
            stored = Image.open(io.BytesIO(handle.read()))
        assert max(stored.size) == 2048 and not stored.getexif().get_ifd(GPS_IFD)

    # The trainer finds it in the queue, looks at the photos and asks for a redo.
    log_in(trainer, base, "demo-trainer")
    trainer.goto(base + "/admin/")
    assert trainer.locator("text=" + _("Submissions to review (%(count)s)") % {"count": 1}).count()
    trainer.goto(base + "/assignments/review/")
    shots(trainer, "trainer-queue")
    assert fits_the_phone(trainer)
    trainer.get_by_role("link", name="มาลี ศรีสุข").click()
    trainer.wait_for_load_state()
    shots(trainer, "trainer-review")
    assert fits_the_phone(trainer)
    photos = trainer.locator(".photo-grid--full img")
    assert photos.count() == 2
    assert photos.first.evaluate("img => img.naturalWidth") == 1536  # the full stored size
    criteria = assignment.criteria
    trainer.check(f"input[name=criterion_{criteria[0].id}][value='0']")
    trainer.check(f"input[name=criterion_{criteria[1].id}][value='2']")
    trainer.fill("#id_feedback", "รูปที่ 1 มืดไป ถ่ายใหม่ใกล้หน้าต่างนะคะ")
    trainer.locator("button[name=decision][value=redo]").click()
    trainer.wait_for_load_state()
    shots(trainer, "trainer-redo-sent")
    first.refresh_from_db()
    assert first.status == SubmissionStatus.REDO
    assert mail.outbox and "รูปที่ 1 มืดไป" in mail.outbox[-1].body

    # The learner reads the feedback, replaces the dark photo and hands in again.
    me.goto(hand_in_url)
    shots(me, "learner-redo")
    assert status_of(me) == _("Your trainer asked for a redo")
    assert "รูปที่ 1 มืดไป" in me.content()
    assert fits_the_phone(me)
    me.locator("button[name=remove_file]").first.click()
    me.wait_for_load_state()
    me.set_input_files("#id_photos", [camera_photo("IMG_0003.JPG", "#f59f00")])
    me.fill("#id_text", "น้ำพริกปลาย่าง สูตรโบราณ ไม่ใส่ผงชูรส 200 กรัม ราคา 65 บาท ส่งฟรี 3 กระปุก")
    shots(me, "learner-redo-ready")
    me.locator("button[name=action][value=hand_in]").click()
    me.wait_for_load_state()
    shots(me, "learner-handed-in-again")
    assert status_of(me) == _("Handed in, waiting for review")
    second = Submission.objects.get(user=learner, attempt=2)
    assert sorted(second.files.values_list("original_name", flat=True)) == [
        "IMG_0002.JPG",
        "IMG_0003.JPG",
    ]
    first.refresh_from_db()
    assert first.files.count() == 2  # the first attempt is kept as it was

    # The trainer passes the second attempt.
    trainer.goto(base + "/assignments/review/")
    trainer.get_by_role("link", name="มาลี ศรีสุข").click()
    trainer.wait_for_load_state()
    trainer.check(f"input[name=criterion_{criteria[0].id}][value='2']")
    trainer.check(f"input[name=criterion_{criteria[1].id}][value='2']")
    trainer.fill("#id_feedback", "สวยมาก พร้อมลงขายได้เลย")
    shots(trainer, "trainer-pass")
    trainer.locator("button[name=decision][value=passed]").click()
    trainer.wait_for_load_state()
    shots(trainer, "trainer-queue-empty")

    # The lesson is done.
    progress = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert progress.completed_via == CompletionSource.ASSIGNMENT and progress.completed_at
    me.goto(hand_in_url)
    shots(me, "learner-passed")
    assert status_of(me) == _("Passed")
    assert "สวยมาก พร้อมลงขายได้เลย" in me.content() and "4/4" in me.content()
    me.goto(base + lesson.url)
    shots(me, "lesson-done")
    assert me.locator(".lesson-done").count() == 1


def test_draft_text_is_kept_while_the_learner_types(journey, phone, shots):
    base, assignment, _lesson, learner = journey
    log_in(phone, base, "demo-learner")
    phone.goto(f"{base}/assignments/{assignment.pk}/")
    phone.fill("#id_text", "ร่างประกาศขาย น้ำพริกปลาย่าง")
    # assignments.js saves the text a moment after typing stops, and says so.
    expect(phone.locator("[data-autosave-status]")).to_have_text(SOMETHING)
    shots(phone, "autosaved")
    assert Submission.objects.get(user=learner).text == "ร่างประกาศขาย น้ำพริกปลาย่าง"
    phone.reload()
    assert phone.input_value("#id_text") == "ร่างประกาศขาย น้ำพริกปลาย่าง"
    # Choosing more photos than allowed is flagged before anything is sent.
    phone.set_input_files("#id_photos", [camera_photo(f"IMG_{i}.JPG", "#c92a2a") for i in range(6)])
    expect(phone.locator("[data-file-check]")).to_have_text(SOMETHING)
    shots(phone, "too-many-photos")
    assert fits_the_phone(phone)
