"""Journey 4's ending with the production pipeline: the demo centre admin, on a phone or
at the centre's computer, issues certificates of the online-selling course to everyone
at her centre who completed it, and watches the batch's progress until a real Celery
worker, through Redis, has checked every learner and rendered every certificate.

The batch is created before the worker starts (as when the queue is busy), so the page
is seen waiting and then moving, and nothing the web process queued is lost meanwhile.

Needs PostgreSQL (the worker process shares the test database) and Redis; CI has both.
"""

import re

from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

import pytest

from curricula.models import CoursePage
from lms.certificates.batches import certificate_batch_progress
from lms.certificates.models import (
    BatchItemOutcome,
    Certificate,
    CertificateBatch,
    RenderStatus,
)
from lms.certificates.services import RENDER_BATCH_SIZE
from lms.learning.models import Enrollment
from lms.setup.demo.centres import SECOND_CENTRE_LEARNERS, VILLAGERS
from lms.users.models import User
from tests.certificates.conftest import certificate_files  # noqa: F401 - fixture
from tests.certificates.test_pipeline_worker import (  # noqa: F401 - fixtures
    REDIS_URL,
    assert_each_rendered_once,
    broker,
    wait_for,
    workers,
)
from tests.demo_data import demo_seed_for_test

from .conftest import WIDTHS, fits
from .test_centre_journey import log_in

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a worker process needs a database it can share (PostgreSQL; CI runs it)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
# Three villagers of the demo class finished the course; the class's other members
# (the demo learner among them) have not.
FINISHED = [spec[0] for spec in VILLAGERS[:3]]
ELSEWHERE = [spec[0] for spec in SECOND_CENTRE_LEARNERS]


def finished_before_certificates(course, usernames) -> None:
    """Record the course as completed, as bulk issue finds it when completion predates
    certificates: no certificate has been issued for it yet."""
    now = timezone.now()
    existing = Enrollment.objects.filter(course=course, user__username__in=usernames)
    updated = existing.update(completed_at=now)
    enrolled = set(existing.values_list("user__username", flat=True))
    Enrollment.objects.bulk_create(
        [
            Enrollment(user=user, course=course, completed_at=now)
            for user in User.objects.filter(username__in=usernames).exclude(username__in=enrolled)
        ]
    )
    assert updated == len(enrolled)


def worker_log_count(worker, task_name: str) -> int:
    """How many tasks of this name the worker process logged as succeeded."""
    succeeded = re.compile(rf"Task {re.escape(task_name)}\[[\w-]+\] succeeded")
    return len(succeeded.findall(worker.log.read_text()))


@WIDTHS
def test_centre_admin_issues_a_batch_and_a_real_worker_renders_it(
    live_server,
    browser_page,
    viewport,
    broker,  # noqa: F811
    workers,  # noqa: F811
    certificate_files,  # noqa: F811
    shots,
):
    result = demo_seed_for_test()
    base = live_server.url
    centre = result["centre"]
    course = CoursePage.objects.get(pk=result["courses"]["sell-products-online"].pk)
    finished_before_certificates(course, FINISHED)
    # Learners at another centre who finished the same course: eligible, were they hers.
    finished_before_certificates(course, ELSEWHERE)
    class_members = set(
        Enrollment.objects.filter(course=course, user__home_centre=centre).values_list(
            "user__username", flat=True
        )
    )
    assert set(FINISHED) < class_members
    assert not class_members & set(ELSEWHERE)
    # The demo's year of history holds certificates of this course already; none of them
    # belongs to a learner this batch is about.
    earlier = set(Certificate.objects.filter(course=course).values_list("pk", flat=True))
    assert not Certificate.objects.filter(learner__username__in=FINISHED + ELSEWHERE).exists()
    # Everyone of her centre who finished and has no certificate yet: the three above, and
    # any learner of the demo's history who finished without one.
    finishers = sorted(
        Enrollment.objects.filter(course=course, user__home_centre=centre)
        .completed()
        .exclude(user__in=Certificate.objects.filter(course=course).values("learner"))
        .values_list("user__username", flat=True)
    )
    assert set(FINISHED) <= set(finishers)
    broker(REDIS_URL)  # no worker yet: what the web process queues waits in Redis

    page = browser_page(viewport)
    page_errors = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    progress_url = re.compile(r"/admin/certificates/bulk/\d+/progress/$")
    polls = []
    page.on("response", lambda r: polls.append(r.status) if progress_url.search(r.url) else None)
    try:
        log_in(page, base, "demo-centre-admin")
        page.goto(base + reverse("certificates_admin:batches"))
        shots(page, "bulk-issue")
        fits(page, viewport)
        page.get_by_role("link", name="ออกเกียรติบัตรให้ผู้เรียนหลายคน").click()
        page.wait_for_url("**" + reverse("certificates_admin:batch_create"))

        form = page.locator("form[method=post]").filter(has=page.get_by_label("หลักสูตร"))
        form.get_by_label("หลักสูตร").select_option(label=course.title)
        form.get_by_label("ศูนย์").select_option(label="ทุกศูนย์ของฉัน")
        form.get_by_label("หมายเหตุ").fill("เรียนจบในชั้นเรียน ขายของออนไลน์ รุ่นที่ 1")
        shots(page, "batch-form")
        fits(page, viewport)
        form.get_by_role("button", name="เริ่มออกเกียรติบัตร").click()
        page.wait_for_url(re.compile(r"/admin/certificates/bulk/\d+/$"))

        batch = CertificateBatch.objects.get()
        assert page.url == base + reverse("certificates_admin:batch", args=[batch.pk])
        assert batch.course_id == course.pk
        assert batch.created_by == result["users"]["demo-centre-admin"]
        assert batch.reason == "เรียนจบในชั้นเรียน ขายของออนไลน์ รุ่นที่ 1"
        # Everyone of her centre enrolled in the course, nobody from the other centre.
        in_batch = set(batch.items.values_list("learner__username", flat=True))
        assert in_batch == class_members
        total = len(class_members)
        # Nothing has run yet: the page says it is working, at 0 of all.
        assert page.locator("[data-batch-status]").inner_text() == "กำลังดำเนินการ…"
        assert page.locator("[data-batch-text]").inner_text() == f"ดำเนินการแล้ว 0 จาก {total} คน"
        assert page.locator("[data-batch-bar]").get_attribute("value") == "0"
        shots(page, "batch-queued")
        fits(page, viewport)

        worker = workers(REDIS_URL)
        wait_for(
            lambda: certificate_batch_progress(batch=batch).done,
            timeout=180,
            what="the worker to check every learner and render every certificate",
            interval=0.5,
        )
        # The page polls the progress and reloads itself once the batch is done.
        page.locator("[data-batch-status]", has_text="เสร็จแล้ว").wait_for(timeout=60_000)
        assert page.locator("[data-batch-status]").inner_text() == "เสร็จแล้ว"
        assert polls and set(polls) == {200}, polls
        assert page.locator("[data-batch-text]").inner_text() == (
            f"ดำเนินการแล้ว {total} จาก {total} คน"
        )
        bar = page.locator("[data-batch-bar]")
        assert (bar.get_attribute("value"), bar.get_attribute("max")) == (str(total),) * 2
        counts = {
            key: page.locator(f'[data-batch-count="{key}"]').inner_text()
            for key in ("issued", "rendered", "skipped")
        }
        skipped = total - len(finishers)
        assert counts == {
            "issued": str(len(finishers)),
            "rendered": str(len(finishers)),
            "skipped": str(skipped),
        }
        assert page.locator('[data-batch-count="failed"]').count() == 0
        assert page.locator("[data-batch-reload]").count() == 0
        # Who was skipped, and why: the class members who have not finished.
        assert page.get_by_role("heading", name=f"ยังทำไม่ครบทุกเงื่อนไข ({skipped})").is_visible()
        listed = page.locator("main table.listing").inner_text()
        for username in class_members - set(finishers):
            assert username in listed
        for username in [*finishers, *ELSEWHERE]:
            assert username not in listed
        shots(page, "batch-finished")
        fits(page, viewport)
        assert page_errors == []

        # What was saved: one rendered certificate, with its PDF, per learner who finished.
        issued = Certificate.objects.filter(course=course).exclude(pk__in=earlier)
        assert sorted(issued.values_list("learner__username", flat=True)) == finishers
        assert set(issued.values_list("status", flat=True)) == {RenderStatus.RENDERED}
        for certificate in issued:
            assert (certificate_files / certificate.file_name).read_bytes().startswith(b"%PDF")
        assert set(
            batch.items.filter(outcome=BatchItemOutcome.ISSUED).values_list(
                "learner__username", flat=True
            )
        ) == set(finishers)
        assert not Certificate.objects.filter(learner__username__in=ELSEWHERE).exists()
        # Every certificate there is (the demo learner's own from the seed too) was
        # rendered once, into one file.
        assert_each_rendered_once(list(Certificate.objects.all()), certificate_files)
        # The worker process did the work, not the web process: its log says so.
        # A bulk issue sends its renders RENDER_BATCH_SIZE to a task.
        wait_for(
            lambda: (
                worker_log_count(worker, "lms.certificates.render_many")
                == -(-len(finishers) // RENDER_BATCH_SIZE)
            ),
            timeout=30,
            what="the worker's log of the renders",
        )
        assert worker_log_count(worker, "lms.certificates.render") == 0
        assert worker_log_count(worker, "lms.certificates.run_batch") == 1
    finally:
        page.context.close()
        connections.close_all()
