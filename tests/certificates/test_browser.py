"""Journeys in a real browser at phone width: a learner gets and checks their
certificate; a centre admin watches a bulk issue's progress bar move."""

from pathlib import Path

from django.db import connections

import pytest
from playwright.sync_api import expect

from lms.certificates.batches import certificate_batch_run
from lms.certificates.models import CertificateBatch, CertificateBatchItem
from lms.learning.models import Enrollment

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page(live_server, playwright_browser):
    # The live server answers each request in a new thread: close its database
    # connection after the request, or it outlives the thread and blocks teardown.
    database = connections.settings["default"]
    conn_max_age = database.get("CONN_MAX_AGE", 0)
    database["CONN_MAX_AGE"] = 0
    ARTIFACTS.mkdir(exist_ok=True)
    context = playwright_browser.new_context(
        viewport={"width": 360, "height": 740}, accept_downloads=True
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.base_url = live_server.url
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    # Database work the test did while Playwright's event loop ran used connections
    # of their own context; close them here, where they are visible.
    connections.close_all()
    context.close()
    database["CONN_MAX_AGE"] = conn_max_age
    assert errors == [], errors


def log_in(page, username):
    page.goto(f"{page.base_url}/accounts/login/?next=/certificates/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "pass-2566-ok")
    page.click("main button[type=submit]")


def test_learner_downloads_and_checks_their_certificate(page, learner, complete_course):
    complete_course(learner)  # committed: the certificate renders in-process on commit
    log_in(page, "malee")
    page.wait_for_url("**/certificates/")
    assert page.get_by_text("พร้อมแล้ว", exact=True).is_visible()
    page.screenshot(path=ARTIFACTS / "certificates-mine-360.png", full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="ดาวน์โหลด PDF").click()
    download = download_info.value
    assert download.suggested_filename.startswith("certificate-")
    assert Path(download.path()).read_bytes().startswith(b"%PDF")

    page.get_by_role("link", name="หน้าตรวจสอบ").click()
    expect(page.get_by_role("heading", name="เกียรติบัตรนี้ใช้ได้")).to_be_visible()
    expect(page.get_by_text("นางสาวมาลี ศรีสุข")).to_be_visible()
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=ARTIFACTS / "certificates-verify-360.png", full_page=True)

    # A code typed from paper, in lower case with spaces, finds the same page.
    code = page.locator(".verify-facts .code").inner_text()
    page.goto(f"{page.base_url}/certificates/verify/")
    page.fill("input[name=code]", code.replace("-", " ").lower())
    page.get_by_role("button", name="ตรวจสอบ", exact=True).click()
    expect(page.get_by_role("heading", name="เกียรติบัตรนี้ใช้ได้")).to_be_visible()


def test_bulk_issue_progress_bar_moves_while_the_batch_runs(page, course, centre, centre_admin):
    from django.utils import timezone

    from tests.factories import UserFactory

    learners = [UserFactory(username=f"villager{i}", home_centre=centre) for i in range(3)]
    # Two completed before certificates existed; the third never enrolled.
    for user in learners[:2]:
        Enrollment.objects.create(user=user, course=course, completed_at=timezone.now())
    # A batch whose worker has not started yet (as when the queue is busy).
    batch = CertificateBatch.objects.create(
        course=course, created_by=centre_admin, total=len(learners)
    )
    CertificateBatchItem.objects.bulk_create(
        [CertificateBatchItem(batch=batch, learner=user) for user in learners]
    )
    page.goto(f"{page.base_url}/admin/login/")
    page.fill("input[name=username]", "centre-admin")
    page.fill("input[name=password]", "pass-2566-ok")
    page.click("button[type=submit]")
    page.goto(f"{page.base_url}/admin/certificates/bulk/{batch.pk}/")
    assert page.locator("[data-batch-bar]").get_attribute("value") == "0"
    assert page.get_by_text("Working…").is_visible()
    page.screenshot(path=ARTIFACTS / "certificates-batch-running.png", full_page=True)

    certificate_batch_run(batch_id=batch.pk)  # the worker does its job

    # The page polls the JSON endpoint, then reloads once to show who was skipped.
    page.get_by_text("Finished.").wait_for()
    assert page.locator("[data-batch-bar]").get_attribute("value") == "3"
    assert page.locator('[data-batch-count="rendered"]').inner_text() == "2"
    assert page.get_by_text("Not enrolled in the course (1)").is_visible()
    page.screenshot(path=ARTIFACTS / "certificates-batch-done.png", full_page=True)
