"""The admin a trainer and a national admin see is Thai, in Sarabun, on a phone and at a desk."""

import re

from .conftest import WIDTHS
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
