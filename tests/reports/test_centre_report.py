"""Reports: the right numbers on the page, in the XLSX and CSV, and a query count that
does not grow with the number of learners."""

import datetime as dt
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

import pytest
from openpyxl import load_workbook

from curricula.models import Track
from lms.certificates.services import certificate_issue_on_completion
from lms.classes.models import Attendance, AttendanceStatus, CohortMembership
from lms.core.figures import figures_rows_written
from lms.core.thaidate import format_thai_month
from lms.learning.models import Enrollment
from lms.reports.reports import Dimension, ReportFilters, centre_report
from lms.users.models import User


def add_learners(world, cohort, count: int, *, completed: int = 0, present: int = 0, tag="x"):
    """`count` learners of the cohort's centre in the class, enrolled; some completed, some present."""
    users = User.objects.bulk_create(
        [
            User(username=f"{tag}-{cohort.pk}-{n}", first_name="ผู้เรียน", home_centre=cohort.centre)
            for n in range(count)
        ]
    )
    CohortMembership.objects.bulk_create([CohortMembership(cohort=cohort, user=u) for u in users])
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        [
            Enrollment(user=u, course=world.course, completed_at=now if n < completed else None)
            for n, u in enumerate(users)
        ]
    )
    # Bulk writes skip model signals: say so, as the services that write in bulk do.
    figures_rows_written(model=Enrollment, pks=[e.pk for e in enrollments])
    for enrollment in enrollments[:completed]:
        certificate_issue_on_completion(enrollment=enrollment)
    session = cohort.sessions.first()
    attendance = Attendance.objects.bulk_create(
        [
            Attendance(
                session=session,
                user=u,
                status=AttendanceStatus.PRESENT if n < present else AttendanceStatus.ABSENT,
                recorded_at=now,
            )
            for n, u in enumerate(users)
        ]
    )
    figures_rows_written(model=Attendance, pks=[a.pk for a in attendance])
    return users


@pytest.fixture
def figures(world):
    """Centre A: 4 enrolled (learner A + 3), 1 completed, attendance 2 of 4.
    Centre B: 3 enrolled (learner B + 2), 2 completed, attendance 1 + 1 of 3."""
    add_learners(world, world.cohort_a, 3, completed=1, present=2, tag="a")
    Attendance.objects.create(
        session=world.session_a,
        user=world.learner_a,
        status=AttendanceStatus.ABSENT,
        recorded_at=timezone.now(),
    )
    add_learners(world, world.cohort_b, 2, completed=2, present=1, tag="b")
    return world


def row_for(report, label_part):
    return next(row for row in report.rows if label_part in row.label)


def test_numbers_by_centre(figures):
    world = figures
    report = centre_report(user=world.national, dimension=Dimension.CENTRE)
    a, b = row_for(report, world.centre_a.name_th), row_for(report, world.centre_b.name_th)
    assert (a.learners, a.enrolments, a.completions, a.completion_rate) == (4, 4, 1, 25)
    assert (b.learners, b.enrolments, b.completions, b.completion_rate) == (3, 3, 2, 67)
    assert (a.present, a.absent, a.attendance_rate, a.class_sessions) == (2, 2, 50, 1)
    assert (b.present, b.absent, b.attendance_rate) == (2, 1, 67)
    assert (a.early_sessions, a.children, a.adults) == (1, 3, 1)
    assert report.totals.enrolments == 7
    assert report.totals.learners == 7
    # Completing a course issues its certificate at once: one per completion.
    assert (a.certificates, b.certificates, report.totals.certificates) == (1, 2, 3)
    own = centre_report(user=world.admin_a, dimension=Dimension.CENTRE)
    assert [row.label for row in own.rows] == [a.label]
    assert own.totals.enrolments == 4


def test_other_dimensions(figures):
    world = figures
    by_province = centre_report(user=world.national, dimension=Dimension.PROVINCE)
    assert {row.label: row.enrolments for row in by_province.rows} == {"หนองคาย": 4, "ขอนแก่น": 3}
    by_track = centre_report(user=world.national, dimension=Dimension.TRACK)
    tracks = {row.label: row for row in by_track.rows}
    assert tracks[str(Track.WORKFORCE.label)].enrolments == 7
    early = [row for row in by_track.rows if row.early_sessions]
    assert len(early) == 1 and early[0].children == 6
    by_course = centre_report(user=world.national, dimension=Dimension.COURSE)
    assert [(row.label, row.enrolments) for row in by_course.rows] == [(world.course.title, 7)]
    by_month = centre_report(user=world.national, dimension=Dimension.MONTH)
    this_month = format_thai_month(timezone.localdate())
    assert [row.label for row in by_month.rows] == [this_month]
    assert by_month.rows[0].enrolments == 7
    assert by_month.rows[0].early_sessions == 2
    assert "พ.ศ." not in this_month and str(timezone.localdate().year + 543) in this_month


def test_filters(figures):
    world = figures
    next_month = (timezone.localdate().replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    future = centre_report(
        user=world.national, filters=ReportFilters(date_from=next_month, date_to=next_month)
    )
    assert future.rows == [] and future.totals.enrolments == 0
    only_b = centre_report(user=world.national, filters=ReportFilters(centre_id=world.centre_b.pk))
    assert [row.label for row in only_b.rows] == [row_for(only_b, world.centre_b.name_th).label]
    youth = centre_report(user=world.national, filters=ReportFilters(track="youth"))
    assert youth.totals.enrolments == 0 and youth.totals.early_sessions == 0
    # A centre admin asking for another centre gets nothing.
    other = centre_report(user=world.admin_a, filters=ReportFilters(centre_id=world.centre_b.pk))
    assert other.rows == []


def test_xlsx_opens_with_the_right_numbers(figures, login):
    world = figures
    with translation.override("en"):
        url = reverse("centres:report_export", args=["xlsx"])
    response = login(world.admin_a).get(url, {"by": "centre"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    heading = next(i for i, row in enumerate(rows) if row and row[1] == "Learners")
    data = rows[heading + 1 :]
    assert len(data) == 2  # centre A and the total
    centre = dict(zip(rows[heading], data[0], strict=True))
    assert world.centre_a.name_en in centre["Centre"]  # an English export names it in English
    assert centre["Learners"] == 4
    assert centre["Enrolments"] == 4
    assert centre["Completions"] == 1
    assert centre["Completion rate (%)"] == 25
    assert centre["Attendance (%)"] == 50
    assert centre["Early-childhood sessions"] == 1
    assert centre["Children"] == 3
    total = dict(zip(rows[heading], data[1], strict=True))
    assert total["Enrolments"] == 4


def test_csv_export(figures, login):
    with translation.override("en"):
        url = reverse("centres:report_export", args=["csv"])
    response = login(figures.national).get(url, {"by": "province"})
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Province,Learners,Enrolments")
    assert any(line.startswith("Nong Khai,4,4,1,25") for line in lines)


def test_report_page(figures, login):
    client = login(figures.admin_a)
    page = client.get(reverse("centres:report"), {"by": "month"})
    html = page.content.decode()
    assert page.status_code == 200
    assert format_thai_month(timezone.localdate()) in html
    assert "<meter" in html and "<progress" in html
    assert "style=" not in html  # the CSP forbids inline styles
    bad = client.get(reverse("centres:report"), {"date_from": "someday"})
    assert bad.status_code == 400


def count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("by", [d.value for d in Dimension])
def test_report_queries_do_not_grow_with_learners(world, login, by):
    client = login(world.national)
    url = reverse("centres:report")
    client.get(url, {"by": by})  # per-user caches (the navigation's admin check) warm
    # Each count includes draining the changes the new learners made (a fixed number).
    add_learners(world, world.cohort_a, 5, completed=2, present=3, tag="few")
    few = count_queries(client, url, {"by": by})
    add_learners(world, world.cohort_b, 195, completed=50, present=100, tag="many")
    many = count_queries(client, url, {"by": by})
    assert few == many
    export = reverse("centres:report_export", args=["xlsx"])
    assert count_queries(client, export, {"by": by}) <= many
