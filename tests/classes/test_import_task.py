"""The import as a centre admin meets it: upload, dry run, confirm, the Celery task
(eager, in-process), progress, and the report with the initial passwords."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from lms.classes import people_import
from lms.classes.models import ImportBatch, ImportRowOutcome, ImportStatus
from lms.classes.people_import import import_check, import_passwords_purge, import_run
from lms.classes.tasks import import_batch_run_task, import_batches_sweep_task
from lms.learning.models import Enrollment
from lms.users.models import User
from tests.centres.sheets import SAMPLES, csv_bytes, person


def upload(client, name: str, content: bytes, cohort=None, centre=None):
    url = reverse("centres:import_upload")
    data = {"file": SimpleUploadedFile(name, content)}
    if centre is not None:
        data["centre"] = centre.pk
    if cohort is not None:
        url += f"?cohort={cohort.pk}"
        data["for_cohort"] = cohort.pk
    return client.post(url, data)


def test_sample_file_end_to_end(world, login, django_capture_on_commit_callbacks):
    client = login(world.admin_a)
    content = (SAMPLES / "learners-25-rows-3-errors.xlsx").read_bytes()
    response = upload(client, "learners.xlsx", content, cohort=world.cohort_a)
    assert response.status_code == 302
    batch = ImportBatch.objects.latest("pk")
    assert response["Location"] == reverse("centres:import_detail", args=[batch.pk])
    assert User.objects.filter(home_centre=world.centre_a).count() == 3  # nothing created yet

    page = client.get(response["Location"])
    assert page.status_code == 200
    text = page.content.decode()
    assert "learners.xlsx" in text
    assert (batch.total_rows, batch.valid_rows, batch.error_rows) == (25, 22, 3)
    assert "12345" in text  # the phone number that is wrong, with its reason

    # Importing a file with errors needs the admin's explicit choice.
    refused = client.post(response["Location"], {"start": "1"})
    assert refused.status_code == 400
    batch.refresh_from_db()
    assert batch.status == ImportStatus.CHECKED

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(response["Location"], {"start": "1", "only_valid_rows": "on"})
    assert started.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE
    assert (batch.created_count, batch.existing_count, batch.failed_count) == (22, 0, 0)

    status = client.get(reverse("centres:import_status", args=[batch.pk])).json()
    assert status["finished"] and status["percent"] == 100 and status["counts"]["created"] == 22

    members = world.cohort_a.memberships.exclude(user=world.learner_a)
    assert members.count() == 22
    assert (
        Enrollment.objects.filter(course=world.course, user__in=members.values("user")).count()
        == 22
    )

    report = client.get(reverse("centres:import_report", args=[batch.pk, "xlsx"]))
    assert "no-store" in report["Cache-Control"]
    sheet = load_workbook(io.BytesIO(report.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 26
    by_line = {row[0]: row for row in rows[1:]}
    created = [row for row in rows[1:] if row[4]]
    assert len(created) == 22
    assert {by_line[10][1], by_line[16][1], by_line[23][1]} == {
        str(dict(ImportRowOutcome.choices)[ImportRowOutcome.SKIPPED])
    }

    # A new learner logs in with the paper password and must choose their own.
    username, password = created[0][3], created[0][4]
    user = User.objects.get(username=username)
    assert user.must_change_password
    client.logout()
    client.post(reverse("login"), {"username": username, "password": password})
    assert client.get(reverse("learning:dashboard"))["Location"] == reverse("password_change")

    # Erasing the passwords leaves the report without them.
    client = login(world.admin_a)
    client.post(reverse("centres:import_erase_passwords", args=[batch.pk]))
    report = client.get(reverse("centres:import_report", args=[batch.pk, "csv"]))
    assert report.content.startswith("\ufeff".encode())
    assert password not in report.content.decode("utf-8-sig")


def test_upload_errors_are_shown_on_the_form(world, login):
    client = login(world.admin_a)
    response = upload(client, "people.pdf", b"%PDF-1.4", centre=world.centre_a)
    assert response.status_code == 400
    assert "xlsx" in response.content.decode()
    response = client.post(reverse("centres:import_upload"), {})
    assert response.status_code == 400
    assert not ImportBatch.objects.exclude(pk__in=[world.import_a.pk, world.import_b.pk]).exists()


def test_another_centres_class_cannot_be_the_target(world, login):
    client = login(world.admin_a)
    response = upload(client, "people.csv", csv_bytes([person(1)]), cohort=world.cohort_b)
    assert response.status_code == 404


def test_the_task_resumes_after_a_crash_without_creating_twice(world, monkeypatch):
    batch = import_check(
        actor=world.admin_a,
        centre=world.centre_a,
        cohort=world.cohort_a,
        file_name="people.csv",
        content=csv_bytes([person(n) for n in range(7)]),
    )
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.QUEUED)
    monkeypatch.setattr(people_import, "CHUNK_SIZE", 2)
    real_create = people_import._create_account
    calls = {"n": 0}

    def dies_on_the_fifth(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("worker lost")
        return real_create(*args, **kwargs)

    monkeypatch.setattr(people_import, "_create_account", dies_on_the_fifth)
    with pytest.raises(RuntimeError):
        import_run(batch_id=batch.pk)
    batch.refresh_from_db()
    # Two chunks committed; the third rolled back whole.
    assert (batch.status, batch.processed_rows, batch.created_count) == (ImportStatus.RUNNING, 4, 4)
    assert User.objects.filter(home_centre=world.centre_a, must_change_password=True).count() == 4

    monkeypatch.setattr(people_import, "_create_account", real_create)
    import_batch_run_task.apply(args=[batch.pk])  # the task delivered again
    batch.refresh_from_db()
    assert (batch.status, batch.processed_rows, batch.created_count) == (ImportStatus.DONE, 7, 7)
    assert User.objects.filter(home_centre=world.centre_a, must_change_password=True).count() == 7
    assert world.cohort_a.memberships.count() == 8


def test_the_sweep_queues_an_import_the_broker_lost(world):
    batch = import_check(
        actor=world.admin_a,
        centre=world.centre_a,
        cohort=None,
        file_name="people.csv",
        content=csv_bytes([person(1)]),
    )
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportStatus.QUEUED, heartbeat_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert import_batches_sweep_task() == 1
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DONE
    assert import_batches_sweep_task() == 0


def test_initial_passwords_are_erased_after_a_week(world, django_capture_on_commit_callbacks):
    batch = import_check(
        actor=world.admin_a,
        centre=world.centre_a,
        cohort=None,
        file_name="people.csv",
        content=csv_bytes([person(1)]),
    )
    with django_capture_on_commit_callbacks(execute=True):
        people_import.import_start(actor=world.admin_a, batch=batch, only_valid_rows=False)
    assert batch.rows.exclude(initial_password="").count() == 1
    assert import_passwords_purge() == 0
    ImportBatch.objects.filter(pk=batch.pk).update(
        finished_at=timezone.now() - dt.timedelta(days=8)
    )
    assert import_passwords_purge() == 1
    assert not batch.rows.exclude(initial_password="").exists()


def test_the_template_round_trips(world, login):
    """The downloadable template, filled in, imports as it is."""
    client = login(world.admin_a)
    response = client.get(reverse("centres:import_template", args=["xlsx"]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    headings = [cell.value for cell in sheet[1]]
    assert headings[:3] == ["คำนำหน้า", "ชื่อ", "นามสกุล"]
    # No example rows that could be imported by mistake.
    assert not any(v for row in sheet.iter_rows(min_row=2, values_only=True) for v in row)
    values = ["นางสาว", "มาลัย", "ทองคำ", "Malai", "Thongkham", "2540", "0812345678"]
    for column, value in enumerate(values, start=1):
        sheet.cell(row=2, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(client, "filled.xlsx", buffer.getvalue(), centre=world.centre_a)
    batch = ImportBatch.objects.latest("pk")
    assert response.status_code == 302
    row = batch.rows.get()
    assert (row.outcome, row.data["username"]) == (ImportRowOutcome.NEW, "malai.thongkham")
    csv_template = client.get(reverse("centres:import_template", args=["csv"]))
    assert csv_template.content.decode("utf-8").startswith("\ufeffคำนำหน้า,ชื่อ,นามสกุล")
