"""Report summaries: kept by the writes = rebuilt from the source rows, after a seeded
random sequence of writes through the services; and the page says how fresh it is."""

import datetime as dt
import random

from django.core.management.sql import emit_post_migrate_signal
from django.db.models import Count, DateField, F
from django.db.models.functions import Substr, TruncMonth
from django.urls import reverse
from django.utils import timezone

import pytest

from curricula.models import Track, TrackPage
from curricula.selectors import default_locale
from lms.certificates.models import Certificate
from lms.certificates.services import certificate_revoke
from lms.classes.models import AttendanceStatus, CohortSession
from lms.classes.services import (
    attendance_record,
    cohort_member_add,
    cohort_session_create,
    cohort_session_update,
)
from lms.core.figures import figures_rows_written
from lms.early_childhood.models import EarlyChildhoodSession
from lms.early_childhood.services import (
    ChildCounts,
    early_childhood_session_create,
    early_childhood_session_delete,
    early_childhood_session_update,
)
from lms.learning.models import Enrollment
from lms.learning.services import enrollment_create, lesson_complete
from lms.reports.models import LearnerSet, ReportSummary, SummaryChange, SummaryState
from lms.reports.reports import Dimension, ReportFilters, centre_report
from lms.reports.summaries import (
    MEASURE_FIELDS,
    summaries_drain_all,
    summaries_freshen,
    summaries_rebuild,
    track_path_length,
)
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

from ..centres.conftest import make_session


def snapshot() -> tuple[set, set]:
    cells = {
        (row["centre_id"], row["page_id"], row["month"], *(row[n] for n in MEASURE_FIELDS))
        for row in ReportSummary.objects.values("centre_id", "page_id", "month", *MEASURE_FIELDS)
    }
    sets = {
        (centre, track, month, bytes(learners))
        for centre, track, month, learners in LearnerSet.objects.values_list(
            "centre_id", "track_path", "month", "learners"
        )
    }
    return cells, sets


class Writer:
    """Random writes through the services, over two centres, two courses, some months."""

    def __init__(self, world, rng: random.Random):
        self.world, self.rng = world, rng
        youth = TrackPage.objects.get(locale=world.course.locale, track=Track.YOUTH)
        self.other_course = CoursePageFactory(parent=youth, title="ความปลอดภัยออนไลน์")
        LessonPageFactory(parent=self.other_course, slug="safe-1")
        self.courses = [world.course, self.other_course]
        self.centres = [world.centre_a, world.centre_b, None]
        self.admins = {world.centre_a.pk: world.admin_a, world.centre_b.pk: world.admin_b}
        self.cohorts = [world.cohort_a, world.cohort_b]
        for cohort in self.cohorts:  # classes that ran for months
            cohort.start_date = timezone.localdate() - dt.timedelta(days=150)
            cohort.save(update_fields=["start_date"])
        self.learners = [world.learner_a, world.learner_b]
        self.count = 0

    def a_day(self) -> dt.date:
        return timezone.localdate() - dt.timedelta(days=self.rng.randint(0, 120))

    def enrol(self):
        if self.rng.random() < 0.5 or not self.learners:
            self.count += 1
            centre = self.rng.choice(self.centres)
            self.learners.append(UserFactory(username=f"r-{self.count}", home_centre=centre))
        user = self.rng.choice(self.learners)
        enrollment = enrollment_create(user=user, course=self.rng.choice(self.courses)).enrollment
        if self.rng.random() < 0.5:  # an older enrolment, as an import writes it
            figures_rows_written(model=Enrollment, pks=[enrollment.pk])
            moved = timezone.now() - dt.timedelta(days=self.rng.randint(1, 120))
            Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=moved)
            figures_rows_written(model=Enrollment, pks=[enrollment.pk])

    def complete(self):
        enrollment = Enrollment.objects.filter(completed_at__isnull=True).order_by("?").first()
        if enrollment is None:
            return
        for lesson in enrollment.course.get_children().live().specific():
            lesson_complete(user=enrollment.user, lesson=lesson)  # issues the certificate

    def revoke(self):
        certificate = Certificate.objects.valid().order_by("?").first()
        if certificate is not None:
            certificate_revoke(actor=self.world.national, certificate=certificate, reason="ผิด")

    def attend(self):
        cohort = self.rng.choice(self.cohorts)
        admin = self.admins[cohort.centre_id]
        learner = self.rng.choice(self.learners)
        if learner.home_centre_id == cohort.centre_id:
            cohort_member_add(actor=admin, cohort=cohort, user=learner)
        members = list(cohort.memberships.values_list("user_id", flat=True))
        session = cohort.sessions.order_by("?").first() or make_session(cohort)
        status = self.rng.choice([AttendanceStatus.PRESENT, AttendanceStatus.ABSENT])
        attendance_record(actor=admin, session=session, marks=dict.fromkeys(members, status))

    def add_session(self):
        cohort = self.rng.choice(self.cohorts)
        cohort_session_create(
            actor=self.admins[cohort.centre_id],
            cohort=cohort,
            date=self.a_day(),
            start_time=dt.time(9),
            end_time=dt.time(12),
        )

    def move_session(self):
        session = CohortSession.objects.order_by("?").select_related("cohort").first()
        cohort_session_update(
            actor=self.admins[session.cohort.centre_id],
            session=session,
            date=self.a_day(),
            start_time=dt.time(13),
            end_time=dt.time(15),
        )

    def early(self):
        centre = self.rng.choice(self.centres[:2])
        early_childhood_session_create(
            actor=self.admins[centre.pk],
            centre=centre,
            activity=self.world.early_a.activity,
            date=self.a_day(),
            counts=ChildCounts(
                age_3=self.rng.randint(0, 5), age_5=2, adults=self.rng.randint(0, 3)
            ),
        )

    def early_change(self):
        record = EarlyChildhoodSession.objects.order_by("?").first()
        if record is None:
            return
        admin = self.admins[record.centre_id]
        if self.rng.random() < 0.5:
            early_childhood_session_delete(actor=admin, record=record)
        else:
            early_childhood_session_update(
                actor=admin,
                record=record,
                activity=record.activity,
                date=self.a_day(),
                counts=ChildCounts(age_4=self.rng.randint(0, 4), adults=1),
            )

    def move_learner(self):
        learner = self.rng.choice(self.learners)
        learner.home_centre = self.rng.choice(self.centres)
        learner.save()

    def delete_learner(self):
        if len(self.learners) > 3:
            learner = self.learners.pop(self.rng.randrange(2, len(self.learners)))
            learner.delete()  # their enrolments and certificates go with them

    def drain(self):
        summaries_drain_all()

    def step(self):
        action = self.rng.choice(
            [
                self.enrol,
                self.enrol,
                self.enrol,
                self.complete,
                self.complete,
                self.revoke,
                self.attend,
                self.add_session,
                self.move_session,
                self.early,
                self.early_change,
                self.move_learner,
                self.move_learner,
                self.delete_learner,
                self.drain,
            ]
        )
        action()


def learners_from_enrolments(dimension: str, filters: ReportFilters) -> tuple[dict, int]:
    """Distinct learners straight from the enrolments: what the report must say."""
    rows = Enrollment.objects.all()
    path_length = track_path_length()
    if filters.track:
        track = TrackPage.objects.get(locale=default_locale(), track=filters.track)
        rows = rows.filter(course__path__startswith=track.path)
    if filters.date_from:
        start = dt.datetime.combine(
            filters.date_from, dt.time.min, tzinfo=timezone.get_default_timezone()
        )
        rows = rows.filter(enrolled_at__gte=start)
    key = {
        Dimension.CENTRE: F("user__home_centre"),
        Dimension.PROVINCE: F("user__home_centre__province"),
        Dimension.TRACK: Substr("course__path", 1, path_length),
        Dimension.MONTH: TruncMonth("enrolled_at", output_field=DateField()),
    }[dimension]
    grouped = rows.annotate(k=key).values("k").annotate(n=Count("user", distinct=True)).order_by()
    return {row["k"]: row["n"] for row in grouped}, rows.values("user").distinct().count()


@pytest.mark.parametrize("seed", [18, 2569])
def test_rebuilt_equals_maintained_after_random_writes(world, seed):
    writer = Writer(world, random.Random(seed))
    for _n in range(80):
        writer.step()
    summaries_drain_all()
    assert not SummaryChange.objects.exists()
    maintained = snapshot()
    assert maintained[0] and maintained[1]  # there is something to compare
    summaries_rebuild()
    assert snapshot() == maintained

    # Distinct learners, however asked, are the enrolments' distinct learners.
    two_months_ago = (timezone.localdate().replace(day=1) - dt.timedelta(days=40)).replace(day=1)
    for filters in (
        ReportFilters(),
        ReportFilters(track=Track.WORKFORCE),
        ReportFilters(date_from=two_months_ago),
        ReportFilters(date_from=two_months_ago, track=Track.YOUTH),
    ):
        for dimension in (Dimension.CENTRE, Dimension.PROVINCE, Dimension.TRACK, Dimension.MONTH):
            report = centre_report(user=world.national, dimension=dimension, filters=filters)
            rows, total = learners_from_enrolments(dimension, filters)
            shown = {row.key: row.learners for row in report.rows if row.learners}
            assert shown == rows, (dimension, filters)
            assert report.totals.learners == total, (dimension, filters)


def test_a_learner_moving_centre_moves_their_figures(world):
    # Each class's learner is enrolled in its course: one at A, one at B.
    before = centre_report(user=world.national, dimension=Dimension.CENTRE)
    assert {row.key: row.enrolments for row in before.rows}[world.centre_a.pk] == 1
    world.learner_a.home_centre = world.centre_b
    world.learner_a.save()
    after = {row.key: row for row in centre_report(user=world.national).rows}
    assert world.centre_a.pk not in after or after[world.centre_a.pk].enrolments == 0
    assert (after[world.centre_b.pk].enrolments, after[world.centre_b.pk].learners) == (2, 2)


def test_a_long_outbox_waits_for_the_worker_and_the_page_says_since_when(world, login):
    for _n in range(3):
        summaries_drain_all()
    early = timezone.now() - dt.timedelta(minutes=7)
    SummaryChange.objects.bulk_create(
        [
            SummaryChange(
                centre_id=world.centre_a.pk, page_id=world.course.pk, month=dt.date(2025, 1, 1)
            )
            for _n in range(201)
        ]
    )
    SummaryChange.objects.update(created_at=early)
    assert summaries_freshen() == early  # too long to drain in a request
    page = login(world.national).get(reverse("centres:report"))
    as_of = timezone.localtime(early).strftime("%H:%M")
    assert f"ข้อมูล ณ {as_of}" in page.content.decode()
    summaries_drain_all()
    assert not SummaryChange.objects.exists()
    assert summaries_freshen() > early


def test_a_course_moved_to_another_track_counts_there(world, django_capture_on_commit_callbacks):
    youth = TrackPage.objects.get(locale=world.course.locale, track=Track.YOUTH)
    before = centre_report(user=world.national, dimension=Dimension.TRACK)
    assert {row.label: row.learners for row in before.rows}[str(Track.WORKFORCE.label)] == 2
    with django_capture_on_commit_callbacks(execute=True):
        world.course.move(youth, pos="last-child")  # a rebuild is queued on commit
    after = {
        row.label: row for row in centre_report(user=world.national, dimension=Dimension.TRACK).rows
    }
    assert (after[str(Track.YOUTH.label)].enrolments, after[str(Track.YOUTH.label)].learners) == (
        2,
        2,
    )
    assert str(Track.WORKFORCE.label) not in after


def test_a_database_upgraded_from_before_summaries_gets_them_at_migrate(world):
    """Rows written by a version without summaries: `migrate` builds them, no zeros shown."""
    summaries_drain_all()
    expected = snapshot()
    assert expected[0]
    ReportSummary.objects.all().delete()
    LearnerSet.objects.all().delete()
    SummaryState.objects.all().delete()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert snapshot() == expected
    rebuilt_at = SummaryState.objects.get().rebuilt_at
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert SummaryState.objects.get().rebuilt_at == rebuilt_at  # built once, not at every migrate


def test_figures_as_of_names_the_day_when_not_today():
    from lms.reports.reports import Report, ReportFilters, ReportRow

    now = timezone.localtime()
    report = Report(
        dimension=Dimension.CENTRE,
        filters=ReportFilters(),
        rows=[],
        totals=ReportRow(key=None, label=""),
        scope="",
        figures_as_of=now,
    )
    assert report.figures_as_of_label == f"{now:%H:%M}"
    report.figures_as_of = now - dt.timedelta(days=1)
    yesterday = timezone.localtime(report.figures_as_of)
    assert report.figures_as_of_label.endswith(f"พ.ศ. {yesterday.year + 543} {yesterday:%H:%M}")
