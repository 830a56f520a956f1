"""Journeys 4 and 5 at phone width (360 px) and at desktop width.

A centre admin opens a class, imports 25 villagers from a spreadsheet with 3 bad
rows (the dry run first, then the 22 good rows), takes attendance (on the phone, or
at the centre's computer) and downloads the centre's XLSX report, which holds the
right numbers. A facilitator records an early-childhood session. The QR check-in
happens between two phones.
"""

import datetime as dt
import io
from pathlib import Path

from django.utils import timezone

from openpyxl import load_workbook

from lms.classes.models import Attendance, Cohort, ImportBatch
from lms.early_childhood.models import EarlyChildhoodSession
from lms.learning.models import Enrollment
from lms.reports.reports import MEASURES

from .conftest import PHONE, WIDTHS, fits

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "learners-25-rows-3-errors.xlsx"


def log_in(page, base, username):
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo-pass-2566")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def submit(page, form="main form.form"):
    page.locator(f"{form} button[type=submit]").first.click()
    page.wait_for_load_state()


@WIDTHS
def test_centre_admin_imports_a_class_and_takes_attendance(demo, browser_page, viewport, shots):
    base, result = demo
    page = browser_page(viewport)
    today = timezone.localdate()
    log_in(page, base, "demo-centre-admin")
    page.goto(base + "/centre/")
    shots(page, "staff-home")
    fits(page, viewport)

    # A new class of the online-selling course.
    page.goto(base + "/centre/classes/new/")
    page.fill("#id_name", "ขายของออนไลน์ รุ่นที่ 2")
    page.select_option("#id_course", str(result["courses"]["sell-products-online"].pk))
    page.fill("#id_start_date", today.isoformat())
    page.fill("#id_end_date", (today + dt.timedelta(days=30)).isoformat())
    page.check(f"input[name=trainers][value='{result['users']['demo-trainer'].pk}']")
    shots(page, "new-class")
    submit(page)
    cohort = Cohort.objects.get(name="ขายของออนไลน์ รุ่นที่ 2")
    assert page.url.endswith(f"/centre/classes/{cohort.pk}/")

    page.goto(base + f"/centre/classes/{cohort.pk}/sessions/new/")
    page.fill("#id_date", today.isoformat())
    page.fill("#id_start_time", "09:00")
    page.fill("#id_end_time", "12:00")
    page.fill("#id_topic", "ถ่ายรูปสินค้าด้วยมือถือ")
    submit(page)

    # The spreadsheet: the dry run first.
    page.goto(base + f"/centre/import/?cohort={cohort.pk}")
    shots(page, "import-upload")
    fits(page, viewport)
    page.set_input_files("#id_file", str(SAMPLE))
    submit(page)
    batch = ImportBatch.objects.latest("pk")
    assert (batch.total_rows, batch.valid_rows, batch.error_rows) == (25, 22, 3)
    assert page.locator(".stat dd").all_inner_texts()[:3] == ["25", "22", "3"]
    assert page.locator(".row-results > li").count() == 3  # the rows with errors, with reasons
    assert "12345" in page.locator(".row-results").inner_text()
    shots(page, "dry-run")
    fits(page, viewport)
    assert cohort.memberships.count() == 0  # nothing saved yet

    # The 22 good rows, by the admin's choice.
    page.check("#id_only_valid_rows")
    page.locator("button[name=start]").click()
    page.wait_for_load_state()
    page.wait_for_selector(".import-progress progress[value='100']")
    shots(page, "imported")
    assert cohort.memberships.count() == 22
    with page.expect_download() as download:
        page.locator(f"a[href$='/import/{batch.pk}/report.xlsx']").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))[1:]
    assert len(rows) == 25
    assert sum(1 for row in rows if row[4]) == 22  # initial passwords of the new accounts

    # Attendance: one tap per person on the phone, a row per person at a desk.
    session = cohort.sessions.get()
    page.goto(base + f"/centre/sessions/{session.pk}/")
    page.locator("button[name=all][value=present]").click()
    page.wait_for_load_state()
    items = page.locator(".attendance-item")
    assert items.count() == 22
    items.nth(0).locator(".choice-absent").click()
    items.nth(1).locator(".choice-excused").click()
    shots(page, "attendance")
    fits(page, viewport)
    page.locator(".save-bar button").click()
    page.wait_for_load_state()
    shots(page, "attendance-saved")
    statuses = list(Attendance.objects.filter(session=session).values_list("status", flat=True))
    assert (statuses.count("present"), statuses.count("absent"), statuses.count("excused")) == (
        20,
        1,
        1,
    )

    # The centre's report, as a spreadsheet.
    page.goto(base + "/centre/reports/?by=centre")
    shots(page, "report")
    fits(page, viewport)
    with page.expect_download() as download:
        page.locator("a[href*='/reports/export.xlsx']").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    table = list(sheet.iter_rows(values_only=True))
    heading = next(i for i, row in enumerate(table) if row and row[0] and row[1] and row[2])
    row = table[heading + 1]
    column = {name: 1 + i for i, (name, _label) in enumerate(MEASURES)}
    centre = result["centre"]
    enrolments = Enrollment.objects.filter(user__home_centre=centre)
    assert centre.name_th in row[0]
    assert row[column["learners"]] == enrolments.values("user").distinct().count()
    assert row[column["enrolments"]] == enrolments.count()
    assert row[column["completions"]] == enrolments.filter(completed_at__isnull=False).count()
    present = Attendance.objects.filter(session__cohort__centre=centre, status="present").count()
    absent = Attendance.objects.filter(session__cohort__centre=centre, status="absent").count()
    assert row[column["attendance_rate"]] == round(100 * present / (present + absent))
    early = EarlyChildhoodSession.objects.filter(centre=centre).count()
    assert row[column["early_sessions"]] == early


@WIDTHS
def test_facilitator_records_an_early_childhood_session(demo, browser_page, viewport, shots):
    base, result = demo
    page = browser_page(viewport)
    log_in(page, base, "demo-trainer")
    page.goto(base + "/centre/early-childhood/new/")
    activity = result["activities"][0]
    page.select_option("#id_activity", str(activity.pk))
    page.fill("#id_children_age_3", "3")
    page.fill("#id_children_age_4", "5")
    page.fill("#id_children_age_5", "2")
    page.fill("#id_adults", "4")
    page.fill("#id_notes", "เด็ก ๆ ช่วยกันเก็บของเล่นหลังกิจกรรม")
    shots(page, "record-form")
    fits(page, viewport)
    count = EarlyChildhoodSession.objects.count()
    submit(page)
    shots(page, "recorded")
    assert EarlyChildhoodSession.objects.count() == count + 1
    record = EarlyChildhoodSession.objects.latest("pk")
    assert (record.children, record.adults, record.activity_id) == (10, 4, activity.pk)


def test_learner_checks_in_by_scanning_the_trainers_qr_code(
    demo, playwright_browser, shots, tmp_path
):
    """The trainer shows the code on a phone; the learner's phone camera reads it (zbarimg
    stands in for the camera), the learner logs in and is marked present once."""
    import subprocess

    from lms.classes.models import AttendanceSource, CohortSession
    from lms.setup.demo.centres import COHORT_NAME
    from tests.centres.conftest import session_times_around_now

    base, result = demo
    # The demo's own class (its year of history holds older classes of the same course).
    cohort = Cohort.objects.get(centre=result["centre"], name=COHORT_NAME)
    date, start, end = session_times_around_now()
    session = CohortSession.objects.create(
        cohort=cohort, date=date, start_time=start, end_time=end, topic="เช็กชื่อด้วยคิวอาร์"
    )
    phone_size = {"viewport": PHONE, "locale": "th-TH"}
    trainer = playwright_browser.new_context(**phone_size).new_page()
    log_in(trainer, base, "demo-trainer")
    trainer.goto(base + f"/centre/sessions/{session.pk}/qr/")
    shots(trainer, "trainer-shows-qr")
    fits(trainer, PHONE)
    image = tmp_path / "qr.png"
    trainer.locator(".qr-box img").screenshot(path=str(image))
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=30
    ).stdout.strip()
    assert scanned.startswith(base + "/centre/check-in/")

    learner = playwright_browser.new_context(**phone_size).new_page()
    learner.goto(scanned)
    assert "/accounts/login/" in learner.url  # logs in first, then comes back
    learner.fill("#id_username", "demo-learner")
    learner.fill("#id_password", "demo-pass-2566")
    learner.locator("main form button[type=submit]").click()
    learner.wait_for_url(scanned)
    shots(learner, "learner-confirms")
    fits(learner, PHONE)
    learner.locator(".checkin-card button[type=submit]").click()
    learner.wait_for_load_state()
    shots(learner, "learner-present")
    assert learner.locator(".big-mark").is_visible()
    record = Attendance.objects.get(session=session, user=result["users"]["demo-learner"])
    assert (record.status, record.recorded_via) == ("present", AttendanceSource.QR)
    learner.goto(scanned)  # scanning again changes nothing
    assert Attendance.objects.filter(session=session).count() == 1
    learner.context.close()
    trainer.context.close()
