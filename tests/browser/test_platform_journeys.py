"""Journeys 1, 3 and 6 of the product brief, in the system Chromium against a live server.

1. A trainer writes a course and a lesson in the Wagtail admin and submits the course for
   review; a national admin approves it in the admin and it goes live for learners.
3. Anyone scans the QR code printed on a certificate PDF and sees whether it is valid.
6. A national admin sees the report by province, track and month and exports it.

Journeys 3 and 6 run at phone width (360 px) and at desktop width; the admin authoring of
journey 1 at desktop width, as trainers write at a computer.
"""

import io
import shutil
import subprocess
from pathlib import Path

from django.core.files.storage import storages

from openpyxl import load_workbook

from curricula.models import CoursePage, LessonPage
from lms.certificates.models import Certificate
from lms.learning.models import Enrollment
from lms.reports.reports import MEASURES

from .conftest import DESKTOP, PHONE, WIDTHS, fits
from .test_centre_journey import log_in


def admin_log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo-pass-2566")
    # Waiting for the next page, not the one still open (a load state is already reached).
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()


def open_footer_actions(page):
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()


def test_trainer_writes_a_course_and_a_national_admin_approves_it(demo, browser_page, shots):
    base, result = demo
    track = result["courses"]["sell-products-online"].get_parent()

    # The trainer writes the course: summary, level, hours, a skill tag, an ASCII slug.
    page = browser_page(DESKTOP)
    admin_log_in(page, base, "demo-trainer")
    page.goto(base + f"/admin/pages/add/curricula/coursepage/{track.pk}/")
    page.fill("#id_title", "ถ่ายภาพสินค้าด้วยมือถือ")
    page.fill("#id_summary", "ถ่ายรูปสินค้าให้น่าซื้อด้วยโทรศัพท์เครื่องเดียว")
    page.select_option("#id_level", index=0)
    page.fill("#id_estimated_hours", "3")
    tags = page.locator("[data-contentpath=tags] .tagit-new input")
    tags.fill("ถ่ายภาพสินค้า")
    tags.press("Enter")
    page.get_by_role("tab", name="โปรโมท").click()
    page.fill("#id_slug", "phone-product-photos")
    shots(page, "trainer-writes-course")
    open_footer_actions(page)
    # Trainers submit; they cannot publish.
    assert page.locator("button[name=action-publish]").count() == 0
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()
    course = CoursePage.objects.get(slug="phone-product-photos")
    assert not course.live
    assert course.current_workflow_state.status == "in_progress"
    assert [t.name for t in course.tags.all()] == ["ถ่ายภาพสินค้า"]

    # A lesson with text, written in the StreamField editor.
    page.goto(base + f"/admin/pages/add/curricula/lessonpage/{course.pk}/")
    page.fill("#id_title", "แสงจากหน้าต่าง")
    page.locator("[data-contentpath=body] .c-sf-add-button").first.click()
    page.get_by_role("option", name="ข้อความ").first.click()
    editor = page.locator("[data-contentpath=body] [contenteditable=true]").first
    editor.click()
    # Trainers paste their Thai text from a document (Draft.js sees a paste, whereas
    # synthetic Thai keystrokes bypass its input handling), then type on.
    editor.evaluate(
        """(el, text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            el.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true}));
        }""",
        "วางสินค้าใกล้หน้าต่างตอนสาย แสงนุ่มทำให้สีสินค้าตรงกับของจริง",
    )
    editor.press_sequentially(" 9:00-10:00")
    # The editor copies its state into the form's hidden field a moment later.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input[type=hidden], textarea')]"
        ".some((field) => field.value.includes('10:00'))"
    )
    shots(page, "trainer-writes-lesson-text")
    page.get_by_role("tab", name="โปรโมท").click()
    page.fill("#id_slug", "window-light")
    shots(page, "trainer-writes-lesson")
    open_footer_actions(page)
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()
    lesson = LessonPage.objects.get(slug="window-light")
    body = str(lesson.get_latest_revision_as_object().body)
    assert "แสงนุ่ม" in body
    assert "9:00-10:00" in body
    page.context.close()

    # Learners cannot see the course yet.
    page = browser_page(PHONE)
    response = page.goto(base + "/courses/")
    assert "ถ่ายภาพสินค้าด้วยมือถือ" not in page.content()

    # The national admin approves from the page editor.
    admin_page = browser_page(DESKTOP)
    admin_log_in(admin_page, base, "demo-admin")
    admin_page.goto(base + f"/admin/pages/{course.pk}/edit/")
    shots(admin_page, "admin-reviews-course")
    open_footer_actions(admin_page)
    # A course is approved in a dialog that lists everything sent with it.
    admin_page.locator("button[data-workflow-action-name=approve]").click()
    admin_page.locator(".course-review").wait_for()
    admin_page.locator(".modal form button[type=submit]").click()
    # Approving leaves the editor for the track's page list.
    admin_page.wait_for_url(base + f"/admin/pages/{track.pk}/", wait_until="commit")
    course.refresh_from_db()
    assert course.live
    shots(admin_page, "admin-approved")

    # Now learners find it in the catalogue.
    response = page.goto(base + "/courses/")
    assert response.ok
    assert page.get_by_text("ถ่ายภาพสินค้าด้วยมือถือ").first.is_visible()
    shots(page, "catalogue-shows-the-new-course")


def _qr_url_from_pdf(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "certificate.pdf"
    source.write_bytes(pdf)
    subprocess.run(  # noqa: S603 - fixed programs on our own file
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(source), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    decoded = subprocess.run(  # noqa: S603
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "page.png")],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return decoded.stdout.strip()


@WIDTHS
def test_anyone_scans_the_qr_code_and_sees_the_certificate_is_valid(
    demo, browser_page, shots, viewport, tmp_path
):
    for program in ("pdftoppm", "zbarimg"):
        assert shutil.which(program), f"{program} is missing: install poppler-utils and zbar-tools"
    base, _result = demo
    certificate = Certificate.objects.get(learner__username="demo-learner")
    with storages["certificates"].open(certificate.file_name, "rb") as handle:
        url = _qr_url_from_pdf(handle.read(), tmp_path)
    # The printed code is grouped in fives for reading aloud; the address holds it so.
    assert url.replace("-", "").endswith(f"/certificates/verify/{certificate.code}/")
    # The printed address names the public site; the test server stands in for it.
    path = url[url.index("/certificates/") :]

    page = browser_page(viewport)
    page.goto(base + path)
    assert page.locator(".verdict--valid h1").is_visible()
    assert certificate.learner.first_name in page.content()
    assert certificate.course_title in page.content()
    fits(page, viewport)
    shots(page, f"verify-{viewport['width']}")

    # A code that was never issued is plainly unknown.
    response = page.goto(base + "/certificates/verify/ABCDEFGHJKMNPQRSTVWX/")
    assert response.status == 404
    assert certificate.learner.first_name not in page.content()
    shots(page, f"verify-unknown-{viewport['width']}")


@WIDTHS
def test_national_admin_reports_by_province_track_and_month_and_exports(
    demo, browser_page, shots, viewport
):
    base, _result = demo
    page = browser_page(viewport)
    log_in(page, base, "demo-admin")
    for dimension in ("province", "track", "month"):
        page.goto(base + f"/centre/reports/?by={dimension}")
        assert page.locator(".report-rows li").count() >= 2  # at least one row and the total
        fits(page, viewport)
        shots(page, f"report-by-{dimension}-{viewport['width']}")

    page.goto(base + "/centre/reports/?by=province")
    with page.expect_download() as download:
        page.locator("a[href*='/reports/export.xlsx']").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    table = list(sheet.iter_rows(values_only=True))
    heading = next(
        i for i, row in enumerate(table) if len([c for c in row if c]) == 1 + len(MEASURES)
    )
    rows, total = table[heading + 1 : -1], table[-1]
    labels = " ".join(str(row[0]) for row in rows)
    # Both demo centres' provinces, and the total row adds up.
    assert "หนองคาย" in labels
    assert "ขอนแก่น" in labels
    enrolments = 1 + [name for name, _label in MEASURES].index("enrolments")
    assert sum(row[enrolments] for row in rows) == total[enrolments]
    assert total[enrolments] == Enrollment.objects.filter(user__home_centre__isnull=False).count()
