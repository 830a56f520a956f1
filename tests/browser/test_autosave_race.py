"""Wagtail's autosave stays on while a Thai trainer writes a new lesson at a person's
speed (80 ms a key), pauses, saves the draft and submits it for review.

On the add page the first autosave creates the page and turns the form into the edit
form. A "save draft" pressed while that autosave is waiting (Wagtail sends it 500 ms
after the last change) or on its way could create a second page, or be refused as out
of date. static/js/admin-richtext-flush.js holds such a save until the autosave has
answered; here the pause before each press covers the moments before, during and after
an autosave.
"""

import time

from wagtail.models import WorkflowState

import pytest

from curricula.models import LessonPage
from lms.core.slugs import slug_from_text

from .conftest import DESKTOP
from .test_platform_journeys import admin_log_in, open_footer_actions

TITLE = "บทที่ 4 เขียนคำบรรยายสินค้า"
FIRST = "เขียนสั้น ๆ ว่าสินค้าคืออะไร ทำจากอะไร"
MORE = " และบอกขนาดกับราคาให้ชัด"


def press(page, button):
    """Press a footer button and wait for the page the server answers with (the editor may
    hold the press until an autosave on its way has answered)."""
    with page.expect_navigation(timeout=30_000):
        button.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("pause", [0, 350, 700, 1500], ids=lambda ms: f"pause-{ms}ms")
def test_add_save_submit_with_autosave_on(demo, browser_page, shots, settings, pause):
    assert getattr(settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500) > 0
    base, result = demo
    course = result["courses"]["sell-products-online"]
    page = browser_page(DESKTOP)
    errors = []
    page.on("response", lambda r: r.status >= 500 and errors.append(f"{r.status} {r.url}"))
    sent = []  # the form's posts and the slug script's questions, for a failure's message
    page.on(
        "request",
        lambda r: (
            (r.method == "POST" or "/slug/" in r.url)
            and sent.append(f"{time.monotonic():.2f} {r.method} {r.url} {r.headers.get('accept')}")
        ),
    )
    admin_log_in(page, base, "demo-trainer")
    page.goto(base + f"/admin/pages/add/curricula/lessonpage/{course.pk}/")
    assert page.locator("form[data-controller~=w-autosave]").count() == 1

    page.locator("#id_title").press_sequentially(TITLE, delay=80)
    page.wait_for_timeout(1200)  # a person reads what they typed
    page.fill("#id_summary", "เขียนคำบรรยายสินค้าให้คนอยากซื้อ")
    page.locator("[data-contentpath=body] .c-sf-add-button").first.click()
    page.get_by_role("option", name="ข้อความ").first.click()
    editor = page.locator("[data-contentpath=body] [contenteditable=true]").first
    editor.click()
    editor.press_sequentially(FIRST, delay=80)
    page.wait_for_timeout(pause)
    press(page, page.locator("footer button.action-save"))
    assert page.url.endswith("/edit/")
    page.locator(".messages .success").first.wait_for()
    shots(page, "draft-saved")

    lessons = LessonPage.objects.child_of(course).filter(title=TITLE)
    assert lessons.count() == 1
    lesson = lessons.get()
    assert lesson.slug == slug_from_text(TITLE), "\n".join(sent)
    assert FIRST in str(lesson.get_latest_revision_as_object().body)

    editor = page.locator("[data-contentpath=body] [contenteditable=true]").first
    editor.click()
    page.keyboard.press("Control+End")
    editor.press_sequentially(MORE, delay=80)
    page.wait_for_timeout(pause)
    open_footer_actions(page)
    press(page, page.locator("button[name=action-submit]"))
    page.locator(".messages .success").first.wait_for()
    shots(page, "submitted")

    assert LessonPage.objects.child_of(course).filter(title=TITLE).count() == 1
    lesson.refresh_from_db()
    assert FIRST + MORE in str(lesson.get_latest_revision_as_object().body)
    state = WorkflowState.objects.for_instance(lesson).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.locator(".messages .error").count()
    assert errors == []
