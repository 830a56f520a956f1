"""No typed text is lost when a trainer saves straight after typing.

Draftail (Wagtail's rich text editor) copies what is typed into the form's hidden input
only 250 ms after the last change (its `stateSaveInterval`), and Wagtail does not copy
it again when the form is submitted: typed at machine speed and saved at once, the text
was stored empty. At a person's speed (80 ms a key) Wagtail's autosave is still on its
way when save is pressed; the server refused the save as out of date (400) and kept the
autosaved, shorter text. With comments on (Wagtail's default), the editor's own
saveState has nothing to call. static/js/admin-richtext-flush.js copies every
editor's text into its input as the form is submitted (and into autosave's data).
"""

import pytest

from curricula.models import LessonPage

from .conftest import DESKTOP
from .test_platform_journeys import admin_log_in

TYPED = "Window light at 9:00 keeps colours true"


def open_text_block(page, base, course, title):
    page.goto(base + f"/admin/pages/add/curricula/lessonpage/{course.pk}/")
    page.fill("#id_title", title)
    page.locator("[data-contentpath=body] .c-sf-add-button").first.click()
    page.get_by_role("option", name="ข้อความ").first.click()
    editor = page.locator("[data-contentpath=body] [contenteditable=true]").first
    editor.click()
    # The editor keeps its text where the flush on submit can reach it.
    assert page.evaluate(
        "() => [...document.querySelectorAll('input[type=hidden]')]"
        ".some((i) => i.draftailEditor && typeof i.draftailEditor.getEditorState === 'function')"
    )
    return editor


def save_at_once(page):
    # No wait: the click comes as soon as the last key is up, as a quick hand or a script does.
    page.locator("footer button[type=submit]").first.click()
    # Saved: Wagtail shows the edit view with its success message.
    page.locator(".messages .success").first.wait_for()


def saved_body(course, title):
    lesson = LessonPage.objects.child_of(course).get(title=title)
    return str(lesson.get_latest_revision_as_object().body)


@pytest.mark.parametrize("delay", [80, 0], ids=["a-person-80ms", "a-machine"])
def test_typed_text_is_kept_when_saved_at_once(demo, browser_page, delay):
    base, result = demo
    course = result["courses"]["sell-products-online"]
    page = browser_page(DESKTOP)
    admin_log_in(page, base, "demo-trainer")
    title = f"ข้อความที่พิมพ์ {delay}"
    editor = open_text_block(page, base, course, title)
    editor.press_sequentially(TYPED, delay=delay)
    save_at_once(page)
    assert TYPED in saved_body(course, title)
