"""Attendance downloads: a class as learners × sessions, one learner's sessions; XLSX that
LibreOffice opens, CSV that Excel reads as Thai; scoped like every other staff page."""

import csv
import io
import subprocess

from django.utils import timezone

import pytest
from openpyxl import load_workbook

from lms.classes.models import AttendanceStatus, CohortSession
from lms.classes.services import attendance_record, cohort_member_add
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def taken(world):
    """Class A: two learners, two sessions; the first taken, the second not yet."""
    second = UserFactory(username="learner-a2", first_name="=สมศรี", home_centre=world.centre_a)
    cohort_member_add(actor=world.admin_a, cohort=world.cohort_a, user=second)
    later = CohortSession.objects.create(
        cohort=world.cohort_a,
        date=timezone.localdate() + timezone.timedelta(days=3),
        start_time=world.session_a.start_time,
        end_time=world.session_a.end_time,
        topic="ถ่ายภาพสินค้า",
    )
    attendance_record(
        actor=world.admin_a,
        session=world.session_a,
        marks={world.learner_a.pk: AttendanceStatus.PRESENT, second.pk: AttendanceStatus.ABSENT},
    )
    return second, later


def sheet_rows(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_a_class_as_learners_by_sessions(login, world, taken):
    second, later = taken
    client = login(world.trainer_a)
    response = client.get(f"/centre/classes/{world.cohort_a.pk}/attendance.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="attendance-class-')
    rows = sheet_rows(response.content)
    assert rows[0][0] == "การเข้าเรียนของชั้นเรียน รุ่น a"
    heading = next(row for row in rows if row[0] == "ชื่อ")
    assert heading[-4:] == ["มา", "ขาด", "ลา", "การเข้าเรียน (%)"]
    by_user = {row[1]: row for row in rows if row[1] in ("learner-a", "learner-a2")}
    assert by_user["learner-a"][2:4] == ["มา", None] and by_user["learner-a"][-4:] == [1, 0, 0, 100]
    # A name that starts like a formula stays text in the learner's own spreadsheet.
    assert by_user["learner-a2"][0].startswith("'=") and by_user["learner-a2"][-1] == 0
    assert rows[-1][:4] == ["มาเรียนรวม", None, 1, 0]

    text = client.get(f"/centre/classes/{world.cohort_a.pk}/attendance.csv").content
    assert text.startswith(b"\xef\xbb\xbf")  # Excel reads the Thai as UTF-8
    lines = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert lines[0][:2] == ["ชื่อ", "ชื่อผู้ใช้"] and len(lines) == 4


def test_one_learner_across_classes_only_those_the_staff_may_see(login, world, taken):
    client = login(world.admin_a)
    rows = sheet_rows(client.get(f"/centre/learners/{world.learner_a.pk}/attendance.xlsx").content)
    table = rows[rows.index(next(r for r in rows if r[0] == "วันที่")) + 1 :]
    assert [row[-1] for row in table] == ["มา", "ยังไม่ได้เช็กชื่อ"]
    assert {row[2] for row in table} == {"รุ่น a"}
    # Learner A also joins centre B's class (the national admin adds them): centre A's admin
    # still sees only class A ...
    cohort_member_add(actor=world.national, cohort=world.cohort_b, user=world.learner_a)
    rows = sheet_rows(client.get(f"/centre/learners/{world.learner_a.pk}/attendance.xlsx").content)
    assert "รุ่น b" not in {row[2] for row in rows}
    # ... and the national admin sees both.
    rows = sheet_rows(
        login(world.national).get(f"/centre/learners/{world.learner_a.pk}/attendance.xlsx").content
    )
    assert {"รุ่น a", "รุ่น b"} <= {row[2] for row in rows}


def test_another_centres_class_or_learner_is_not_found(login, world):
    client = login(world.admin_a)
    assert client.get(f"/centre/classes/{world.cohort_b.pk}/attendance.xlsx").status_code == 404
    assert client.get(f"/centre/learners/{world.learner_b.pk}/attendance.csv").status_code == 404
    assert login(world.learner_a).get(
        f"/centre/classes/{world.cohort_a.pk}/attendance.csv"
    ).status_code in (302, 403)


def test_the_class_sheet_opens_in_libreoffice(login, world, taken, tmp_path):
    content = login(world.admin_a).get(f"/centre/classes/{world.cohort_a.pk}/attendance.xlsx")
    source = tmp_path / "attendance.xlsx"
    source.write_bytes(content.content)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    converted = (tmp_path / "attendance.csv").read_text(encoding="utf-8")
    assert "การเข้าเรียนของชั้นเรียน รุ่น a" in converted
    assert "มาเรียนรวม" in converted and "learner-a2" in converted
