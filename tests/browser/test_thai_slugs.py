"""A Thai trainer writes a course and three lessons without touching the slug.

Each title is typed in Thai (with spaces, with digits, with only Thai letters); the slug
field shows the romanised slug while the trainer types; every page saves with a
readable, unique ASCII slug; once published, a learner opens each lesson at its address.
"""

from curricula.models import CoursePage, LessonPage
from lms.core.slugs import slug_from_text, slug_is_good

from .conftest import DESKTOP, PHONE
from .test_centre_journey import log_in
from .test_platform_journeys import admin_log_in

COURSE = "ถ่ายวิดีโอสินค้าด้วยมือถือ รุ่นทดสอบ H1"
LESSONS = [
    "จัดแสง และมุมกล้อง",  # with a space
    "บทที่ 1 จัดแสงและมุมกล้อง",  # with a digit
    "ตัดต่อวิดีโอด้วยแอปฟรี",  # only Thai letters
]


def type_title(page, title):
    field = page.locator("#id_title")
    field.click()
    field.press_sequentially(title, delay=40)


def wait_for_slug(page, expected):
    """The slug field (on the Promote tab) holds the romanised title, before any save."""
    page.wait_for_function(
        "(slug) => document.querySelector('#id_slug').value === slug", arg=expected
    )


def save_draft(page):
    page.locator("footer button[type=submit]").first.click()
    # The editor may hold the save until an autosave on its way has finished: wait for
    # the page that says it was saved, not only for the click.
    page.locator(".messages .success").first.wait_for(timeout=30_000)
    page.wait_for_load_state()


def test_thai_titles_give_readable_unique_slugs(demo, browser_page, shots):
    base, result = demo
    track = result["courses"]["sell-products-online"].get_parent()
    page = browser_page(DESKTOP)
    admin_log_in(page, base, "demo-trainer")

    page.goto(base + f"/admin/pages/add/curricula/coursepage/{track.pk}/")
    type_title(page, COURSE)
    page.fill("#id_summary", "ถ่ายวิดีโอสั้นแนะนำสินค้าด้วยโทรศัพท์")
    page.fill("#id_estimated_hours", "2")
    wait_for_slug(page, slug_from_text(COURSE))
    page.get_by_role("tab", name="โปรโมท").click()
    shots(page, "course-slug-while-typing")
    save_draft(page)
    course = CoursePage.objects.get(title=COURSE)
    assert course.slug == "thai-widio-sinkha-duai-muethue-run-thotsop-h1"

    for number, title in enumerate(LESSONS, start=1):
        page.goto(base + f"/admin/pages/add/curricula/lessonpage/{course.pk}/")
        type_title(page, title)
        wait_for_slug(page, slug_from_text(title))
        page.get_by_role("tab", name="โปรโมท").click()
        shots(page, f"lesson-{number}-slug-while-typing")
        save_draft(page)
        assert LessonPage.objects.child_of(course).filter(title=title).exists(), title
    shots(page, "lessons-saved")

    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    slugs = [lesson.slug for lesson in lessons]
    assert slugs == [slug_from_text(title) for title in LESSONS]
    assert len(set(slugs)) == 3
    assert all(slug.isascii() and slug_is_good(slug) for slug in [course.slug, *slugs])
    page.context.close()

    # Published (the review itself is tested elsewhere), each lesson opens for a learner.
    for page_ in [course, *lessons]:
        page_.get_latest_revision().publish()
    learner = browser_page(PHONE)
    log_in(learner, base, "demo-learner")
    for lesson in lessons:
        url = lesson.get_url()
        assert url.isascii() and "/-" not in url
        response = learner.goto(base + url)
        assert response.ok, url
        assert learner.get_by_text(lesson.title).first.is_visible()
    desktop = browser_page(DESKTOP)
    log_in(desktop, base, "demo-learner")
    desktop.goto(base + lessons[1].get_url())
    shots(desktop, "learner-opens-lesson")


def test_the_slug_stops_following_once_edited_by_hand(demo, browser_page):
    base, result = demo
    course = result["courses"]["sell-products-online"]
    page = browser_page(DESKTOP)
    admin_log_in(page, base, "demo-trainer")
    page.goto(base + f"/admin/pages/add/curricula/lessonpage/{course.pk}/")
    type_title(page, "จัดแสง")
    wait_for_slug(page, "chat-saeng")
    page.get_by_role("tab", name="โปรโมท").click()
    page.fill("#id_slug", "light")
    page.get_by_role("tab", name="เนื้อหา").click()
    type_title(page, " และมุมกล้อง")
    page.wait_for_timeout(800)  # longer than the editor waits before asking the server
    assert page.locator("#id_slug").input_value() == "light"
    save_draft(page)
    assert LessonPage.objects.child_of(course).get(title="จัดแสง และมุมกล้อง").slug == "light"


def test_a_copy_gets_its_slug_from_the_new_thai_title(demo, browser_page, shots):
    """Page actions → Copy: the new slug follows the new Thai title as it is typed (80 ms a
    key), stays editable, and a copy saved without touching anything gets a unique slug."""
    base, result = demo
    course = result["courses"]["sell-products-online"]
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    page = browser_page(DESKTOP)
    admin_log_in(page, base, "demo-trainer")

    def open_copy_form():
        page.goto(base + f"/admin/pages/{course.pk}/")
        row = page.locator("tr", has=page.locator(f'a[href$="/admin/pages/{lesson.pk}/edit/"]'))
        row.locator("[data-w-dropdown-target=toggle]").first.click()
        page.locator(f'a[href*="/admin/pages/{lesson.pk}/copy/"]').first.click()
        page.wait_for_url(f"**/admin/pages/{lesson.pk}/copy/**")

    open_copy_form()
    assert page.input_value("#id_new_slug") == lesson.slug
    title = page.locator("#id_new_title")
    title.fill("")
    title.press_sequentially("บทที่ 9 จัดแสงยามเย็น", delay=80)
    wait = "(slug) => document.querySelector('#id_new_slug').value === slug"
    page.wait_for_function(wait, arg="bot-thi-9-chat-saeng-yam-yen")
    shots(page, "copy-slug-follows-the-thai-title")
    page.get_by_role("button", name="คัดลอกหน้านี้").click()
    page.locator(".messages .success").first.wait_for()
    shots(page, "copied")
    copy = LessonPage.objects.child_of(course).get(title="บทที่ 9 จัดแสงยามเย็น")
    assert copy.slug == "bot-thi-9-chat-saeng-yam-yen"

    # Edited by hand (in Thai), the slug is the trainer's: romanised, no longer following.
    open_copy_form()
    title = page.locator("#id_new_title")
    title.fill("")
    title.press_sequentially("บทที่ 10 แสง", delay=80)
    page.wait_for_function(wait, arg="bot-thi-10-saeng")
    slug = page.locator("#id_new_slug")
    slug.fill("")
    slug.press_sequentially("แสงเย็น", delay=80)
    title.press("End")  # leaving the slug tidies it
    title.press_sequentially(" ยามเย็น", delay=80)
    page.wait_for_function(wait, arg="saeng-yen")
    page.wait_for_timeout(800)  # longer than the editor waits before asking the server
    assert page.input_value("#id_new_slug") == "saeng-yen"
    shots(page, "copy-slug-edited-by-hand")
    page.get_by_role("button", name="คัดลอกหน้านี้").click()
    page.locator(".messages .success").first.wait_for()
    assert LessonPage.objects.child_of(course).get(title="บทที่ 10 แสง ยามเย็น").slug == "saeng-yen"

    # Copied without touching anything: the original's slug, numbered, under the same title.
    open_copy_form()
    page.get_by_role("button", name="คัดลอกหน้านี้").click()
    page.locator(".messages .success").first.wait_for()
    copies = LessonPage.objects.child_of(course).filter(title=lesson.title).exclude(pk=lesson.pk)
    assert [c.slug for c in copies] == [f"{lesson.slug}-2"]
    slugs = list(LessonPage.objects.child_of(course).values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))
    assert all(slug.isascii() and slug_is_good(slug) for slug in slugs)
