"""The admin a trainer and a national admin see is Thai, in Sarabun, on a phone and at a desk."""

import re

from .conftest import DESKTOP, WIDTHS
from .test_platform_journeys import admin_log_in

# Interface words that were English before (the crawl in tests/proof covers the rest).
ONCE_ENGLISH = re.compile(r"\b(Pages|Images|Documents|More actions|Search all pages|Sidebar)\b")


def _assert_thai_admin(page):
    text = page.evaluate("document.body.innerText")
    assert not ONCE_ENGLISH.search(text), ONCE_ENGLISH.search(text)
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.replace('"', "").startswith("Sarabun"), family
    assert page.evaluate("document.fonts.check('16px Sarabun', 'บทเรียน')")


@WIDTHS
def test_trainer_and_reviewer_see_a_thai_admin(demo, browser_page, shots, viewport):
    base, result = demo
    lesson = result["courses"]["sell-products-online"].get_children().first()

    page = browser_page(viewport)
    admin_log_in(page, base, "demo-trainer")
    page.goto(base + "/admin/")
    page.wait_for_load_state("networkidle")
    _assert_thai_admin(page)
    assert page.get_by_text(re.compile(r"\d+ หน้า")).count() >= 1
    shots(page, "trainer-dashboard")

    page.goto(f"{base}/admin/pages/{lesson.pk}/edit/")
    page.wait_for_load_state("networkidle")
    _assert_thai_admin(page)
    shots(page, "lesson-editor")

    page.goto(base + "/admin/reports/workflow/")
    page.wait_for_load_state("networkidle")
    shots(page, "moderation-report")

    reviewer = browser_page(viewport)
    admin_log_in(reviewer, base, "demo-admin")
    reviewer.goto(base + "/admin/")
    reviewer.wait_for_load_state("networkidle")
    _assert_thai_admin(reviewer)
    shots(reviewer, "national-admin-dashboard")


# What the admin's scripts draw after the page has loaded (the sidebar, the editor's
# toolbars, drop-down menus, tooltips' labels) is read from the browser, as a person
# would meet it: the crawl in tests/proof reads only the HTML the server sends.
VISIBLE_STRINGS_JS = """() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, template, noscript, code, kbd, samp, pre, textarea, [lang]:not([lang^="th"])')) continue;
        // Shown or read out: screen-reader-only text counts, closed menus and dialogs do not.
        if (!parent.checkVisibility({visibilityProperty: true})) continue;
        const text = node.textContent.trim();
        if (text) out.push(text);
    }
    for (const el of document.querySelectorAll('[title], [placeholder], [aria-label], [alt]')) {
        if (el.closest('[lang]:not([lang^="th"])') || !el.checkVisibility({visibilityProperty: true})) continue;
        for (const name of ['title', 'placeholder', 'aria-label', 'alt']) {
            const value = el.getAttribute(name);
            if (value && value.trim()) out.push(value.trim());
        }
    }
    return out;
}"""


def test_what_the_admins_scripts_draw_is_thai(demo, browser_page, shots):
    from tests.proof.test_thai_everywhere import _content_strings, english_strings

    base, result = demo
    lesson = result["courses"]["sell-products-online"].get_children().first()
    content = _content_strings()
    page = browser_page(DESKTOP)
    admin_log_in(page, base, "demo-admin")
    found = {}

    def read(step):
        shots(page, step)
        english = english_strings(page.evaluate(VISIBLE_STRINGS_JS), content)
        if english:
            found[step] = english

    page.goto(base + "/admin/")
    page.wait_for_load_state("networkidle")
    # The sidebar's menus are drawn by its script, each when it is opened.
    sidebar = page.locator("[data-wagtail-sidebar] nav, .sidebar nav").first
    for menu in ("รายงาน", "ช่วยเหลือ"):
        sidebar.get_by_role("button", name=re.compile(menu)).first.click()
        page.locator(".sidebar-sub-menu-panel:visible").first.wait_for()
        page.wait_for_timeout(400)  # the panel slides open
        read(f"menu-{menu}")
        page.keyboard.press("Escape")
    for step, path in [
        ("lesson-editor", f"/admin/pages/{lesson.pk}/edit/"),
        ("questions", "/admin/snippets/assessments/question/"),
        ("question-editor", "/admin/snippets/assessments/question/add/"),
        ("users", "/admin/users/"),
        ("account", "/admin/account/"),
    ]:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        read(step)
    # The keyboard shortcuts dialog, opened as a person would, with "?".
    page.keyboard.press("?")
    page.get_by_role("dialog").first.wait_for()
    read("keyboard-shortcuts")
    assert not found, "\n".join(f"{step}: {sorted(english)}" for step, english in found.items())
