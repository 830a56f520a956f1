"""A Thai trainer writes a course with three lessons, saves them as drafts and sends the
course for review once; the national admin reads the whole change in one dialog and
approves once; then all four pages are live and a learner opens every lesson."""

from wagtail.models import WorkflowState

from curricula.models import CoursePage, LessonPage

from .conftest import DESKTOP, PHONE
from .test_centre_journey import log_in
from .test_platform_journeys import admin_log_in, open_footer_actions

COURSE = ("ขายผ้าทอมือออนไลน์ รุ่น 2", "handwoven-online-2")
LESSONS = [
    # With a space and digits, with only Thai letters, with a space and no digit.
    ("บทที่ 1 เลือกผ้าและจัดแสง", "choose-cloth-and-light"),
    ("ถ่ายลายผ้าให้เห็นชัด", "photograph-the-pattern"),
    ("ตั้งราคา และเขียนคำบรรยาย", "price-and-caption"),
]


def save_draft(page, title, slug):
    # Thai slugs are another piece of work; this journey types its own ASCII slug, first,
    # so that the title no longer fills it in and no autosave sends a slug such as "-".
    page.get_by_role("tab", name="โปรโมท").click()
    page.fill("#id_slug", slug)
    page.get_by_role("tab", name="เนื้อหา").click()
    page.fill("#id_title", title)
    page.get_by_role("tab", name="โปรโมท").click()
    assert page.input_value("#id_slug") == slug
    page.locator("footer button.action-save").click()
    page.wait_for_url("**/edit/")


def test_one_review_for_a_whole_course(demo, browser_page, shots, settings):
    # This journey types at machine speed (fill) and is about the review, so it saves only
    # when the trainer says so. With autosave on, a person's add → save draft → submit is
    # test_autosave_race.py: a save pressed while an autosave waits or is on its way is
    # held until it answers (no duplicate page, no text lost), and the slug no longer
    # turns into "…-2" when the title's blur asked for it just after the first autosave
    # had created the page (measured at 80 ms a key: the autosave's POST, then 0.2 s
    # later, before its answer, the slug question; seen in 1 run of 3).
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    base, result = demo
    track = result["courses"]["sell-products-online"].get_parent()

    trainer = browser_page(DESKTOP)
    admin_log_in(trainer, base, "demo-trainer")
    trainer.goto(base + f"/admin/pages/add/curricula/coursepage/{track.pk}/")
    trainer.fill("#id_summary", "ถ่ายรูปและขายผ้าทอมือของกลุ่มแม่บ้านผ่านร้านค้าออนไลน์")
    trainer.fill("#id_estimated_hours", "4")
    save_draft(trainer, *COURSE)
    course = CoursePage.objects.get(slug=COURSE[1])
    for title, slug in LESSONS:
        trainer.goto(base + f"/admin/pages/add/curricula/lessonpage/{course.pk}/")
        save_draft(trainer, title, slug)
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    assert [lesson.slug for lesson in lessons] == [slug for _title, slug in LESSONS]
    assert not any(page.live for page in [course, *lessons])

    # One submission, from the course.
    trainer.goto(base + f"/admin/pages/{course.pk}/edit/")
    open_footer_actions(trainer)
    shots(trainer, "trainer-sends-the-course")
    trainer.locator("button[name=action-submit]").click()
    trainer.wait_for_load_state()
    for page in [course, *lessons]:
        state = WorkflowState.objects.for_instance(page).get()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS, page.title
    shots(trainer, "trainer-sent")
    trainer.context.close()

    # One decision, from the course's editor, in a dialog that shows the whole change.
    admin = browser_page(DESKTOP)
    admin_log_in(admin, base, "demo-admin")
    shots(admin, "reviewer-dashboard")
    admin.goto(base + f"/admin/pages/{course.pk}/edit/")
    open_footer_actions(admin)
    admin.get_by_role("button", name="อนุมัติทั้งหลักสูตร").click()
    review = admin.locator(".course-review")
    review.wait_for()
    text = review.inner_text()
    assert "หลักสูตรนี้และบทเรียนที่ส่งมาด้วย 3 บท จะเผยแพร่ทันที" in text
    for title, _slug in [COURSE, *LESSONS]:
        assert title in text
    assert text.count("ใหม่") >= 4
    assert review.get_by_role("link", name="ดูฉบับที่ส่งมา").count() == 4
    shots(admin, "reviewer-sees-the-whole-course")
    admin.locator(".modal form button[type=submit]").click()
    # Approving leaves the editor for the track's page list.
    admin.wait_for_url(base + f"/admin/pages/{track.pk}/", wait_until="commit")
    shots(admin, "reviewer-approved")

    for page in [course, *lessons]:
        page.refresh_from_db()
        assert page.live, page.title
        assert WorkflowState.objects.for_instance(page).get().status == "approved"
    admin.context.close()

    # A learner opens each lesson.
    learner = browser_page(PHONE)
    log_in(learner, base, "demo-learner")
    learner.goto(base + course.url)
    learner.get_by_role("button", name="ลงทะเบียนเรียนหลักสูตรนี้").click()
    learner.wait_for_load_state()
    for lesson in lessons:
        response = learner.goto(base + lesson.url)
        assert response.ok
        assert learner.get_by_role("heading", name=lesson.title).first.is_visible()
        assert lesson.url.isascii()
    shots(learner, "learner-opens-the-third-lesson")
