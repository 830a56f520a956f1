"""What each staff role's admin dashboard shows: reads only, scoped, bounded.

Each dashboard is a fixed number of queries however many learners, courses or
months there are: figures are GROUP BYs (most through lms.reports.reports), lists
are cut to a few rows. A trainer sees their own pages and courses; a centre admin
their centres (lms.centres.scoping); a national admin everything.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, FloatField, Q
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Page, WorkflowState

from assessments.grading_selectors import can_grade, essay_waiting_count
from assessments.models import UNANSWERED_KINDS, AttemptAnswer, Question
from curricula.models import CoursePage
from curricula.selectors import default_locale
from lms.assignments.selectors import can_review, review_waiting_count
from lms.centres import scoping
from lms.centres.models import Centre, Province, StaffRoleKind
from lms.centres.provinces import PROVINCES
from lms.classes.models import AttendanceStatus, CohortSession
from lms.core.thaidate import BUDDHIST_ERA_OFFSET, ENGLISH_MONTHS, THAI_MONTHS_SHORT
from lms.learning.models import Enrollment
from lms.reports.reports import Dimension, ReportFilters, centre_report
from lms.users import roles
from lms.users.models import User

MONTHS = 12
INACTIVE_DAYS = 14
LIST_LENGTH = 5


# --- Who sees which dashboard ----------------------------------------------------------


def is_trainer(user: User) -> bool:
    if not user.is_authenticated:
        return False
    in_group = any(group.name == roles.TRAINERS for group in user.groups.all())
    return in_group or bool(scoping.staff_centre_ids(user, role=StaffRoleKind.TRAINER))


def is_centre_admin_only(user: User) -> bool:
    """A centre admin who is not a national admin (they get the national dashboard)."""
    return not scoping.is_national_admin(user) and bool(scoping.admin_centre_ids(user))


# --- Months -------------------------------------------------------------------------------


def recent_months(*, count: int = MONTHS, today: dt.date | None = None) -> list[dt.date]:
    """First days of the last `count` months, oldest first, this month last."""
    day = (today or timezone.localdate()).replace(day=1)
    months = [day]
    for _index in range(count - 1):
        day = (day - dt.timedelta(days=1)).replace(day=1)
        months.append(day)
    return months[::-1]


def month_label(day: dt.date) -> str:
    """`ม.ค. 69` in Thai (Buddhist Era), `Jan 26` in English: short enough for a phone."""
    if get_language() == "en":
        return f"{ENGLISH_MONTHS[day.month - 1][:3]} {day.year % 100:02d}"
    return f"{THAI_MONTHS_SHORT[day.month - 1]} {(day.year + BUDDHIST_ERA_OFFSET) % 100:02d}"


def _by_month(report, months: list[dt.date], measure: str) -> list[tuple[str, int]]:
    values = {row.key: getattr(row, measure) for row in report.rows}
    return [(month_label(month), values.get(month, 0) or 0) for month in months]


def _recent_filters(months: list[dt.date]) -> ReportFilters:
    return ReportFilters(date_from=months[0], date_to=months[-1])


# --- Trainer ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PageLink:
    page_id: int
    title: str
    when: dt.datetime | None


@dataclass(frozen=True)
class CourseFigures:
    course_id: int
    title: str
    enrolments: int
    completed: int

    @property
    def completion_rate(self) -> int | None:
        return round(100 * self.completed / self.enrolments) if self.enrolments else None


@dataclass(frozen=True)
class HardQuestion:
    question_id: int
    label: str
    learners: int
    wrong: int

    @property
    def wrong_rate(self) -> int:
        return round(100 * self.wrong / self.learners) if self.learners else 0


@dataclass
class TrainerDashboard:
    draft_count: int
    drafts: list[PageLink]
    changes_requested_count: int
    changes_requested: list[PageLink]
    reviews_waiting: int | None  # None: the trainer does not review hand-ins
    essays_waiting: int | None  # None: the trainer does not grade essays
    courses: list[CourseFigures]
    hard_questions: list[HardQuestion]


def _my_courses(user: User) -> list[CoursePage]:
    """Courses the trainer wrote or teaches a class of, in the site's language."""
    return list(
        CoursePage.objects.filter(locale=default_locale())
        .filter(Q(owner=user) | Q(cohorts__trainers=user))
        .distinct()
        .only("pk", "title", "path", "translation_key")
        .order_by("title")
    )


def _course_figures(courses: list[CoursePage]) -> list[CourseFigures]:
    """Enrolments and completions of each course, its translations counted with it."""
    by_key = {course.translation_key: course for course in courses}
    grouped = (
        Enrollment.objects.filter(course__translation_key__in=by_key)
        .values(key=F("course__translation_key"))
        .annotate(
            enrolments=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
        )
        .order_by()
    )
    figures = {row["key"]: row for row in grouped}
    result = [
        CourseFigures(
            course_id=course.pk,
            title=course.title,
            enrolments=figures.get(key, {}).get("enrolments", 0),
            completed=figures.get(key, {}).get("completed", 0),
        )
        for key, course in by_key.items()
    ]
    return sorted(result, key=lambda row: (-row.enrolments, row.title))


def _hard_questions(courses: list[CoursePage]) -> list[HardQuestion]:
    """The questions of these courses' quizzes that the largest share of learners got wrong."""
    if not courses:
        return []
    in_courses = Q(attempt__quiz__course__in=[course.pk for course in courses])
    for course in courses:
        in_courses |= Q(attempt__quiz__lesson__path__startswith=course.path)
    rows = list(
        AttemptAnswer.objects.filter(in_courses, attempt__submitted_at__isnull=False)
        # A description is text between questions: nobody gets it wrong.
        .exclude(question__kind__in=UNANSWERED_KINDS)
        .values("question")
        .annotate(
            learners=Count("attempt__user", distinct=True),
            wrong=Count("attempt__user", distinct=True, filter=Q(is_correct=False)),
        )
        .filter(wrong__gt=0)
        .annotate(share=Cast("wrong", FloatField()) / Cast("learners", FloatField()))
        .order_by("-share", "-wrong", "question")[:LIST_LENGTH]
    )
    questions = Question.objects.in_bulk([row["question"] for row in rows])
    return [
        HardQuestion(
            question_id=row["question"],
            label=str(questions[row["question"]]),
            learners=row["learners"],
            wrong=row["wrong"],
        )
        for row in rows
        if row["question"] in questions
    ]


def _page_links(queryset) -> list[PageLink]:
    return [
        PageLink(page_id=page.pk, title=page.title, when=page.latest_revision_created_at)
        for page in queryset[:LIST_LENGTH]
    ]


def trainer_dashboard(*, user: User) -> TrainerDashboard:
    drafts = (
        Page.objects.filter(owner=user, depth__gt=2)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .order_by("-latest_revision_created_at", "pk")
        .only("pk", "title", "latest_revision_created_at")
    )
    # Pages whose review ended with "changes requested", sent for review by this trainer.
    needs_changes = WorkflowState.objects.filter(
        requested_by=user,
        status=WorkflowState.STATUS_NEEDS_CHANGES,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values("object_id")
    changes_requested = (
        Page.objects.filter(pk__in=[int(row["object_id"]) for row in needs_changes])
        .order_by("-latest_revision_created_at", "pk")
        .only("pk", "title", "latest_revision_created_at")
    )
    courses = _my_courses(user)
    return TrainerDashboard(
        draft_count=drafts.count(),
        drafts=_page_links(drafts),
        changes_requested_count=changes_requested.count(),
        changes_requested=_page_links(changes_requested),
        reviews_waiting=review_waiting_count(reviewer=user) if can_review(user) else None,
        essays_waiting=essay_waiting_count(grader=user) if can_grade(user) else None,
        courses=_course_figures(courses),
        hard_questions=_hard_questions(courses),
    )


# --- Centre admin -----------------------------------------------------------------------


@dataclass(frozen=True)
class TodaySession:
    session_id: int
    cohort: str
    centre: str
    start_time: dt.time
    end_time: dt.time
    topic: str
    members: int
    present: int


@dataclass(frozen=True)
class InactiveLearner:
    user_id: int
    name: str
    course: str
    last_active: dt.datetime


@dataclass
class CentreDashboard:
    scope: str
    today: dt.date
    sessions: list[TodaySession]
    inactive_count: int
    inactive: list[InactiveLearner]
    completions: list[tuple[str, int]]
    attendance: list[tuple[str, int]]
    certificates: list[tuple[str, int]]
    certificates_total: int


def _today_sessions(centre_ids: set[int] | None, today: dt.date) -> list[TodaySession]:
    sessions = CohortSession.objects.filter(date=today)
    if centre_ids is not None:
        sessions = sessions.filter(cohort__centre_id__in=centre_ids)
    sessions = (
        sessions.select_related("cohort", "cohort__centre")
        .annotate(
            members=Count("cohort__memberships", distinct=True),
            present=Count(
                "attendance",
                filter=Q(attendance__status=AttendanceStatus.PRESENT),
                distinct=True,
            ),
        )
        .order_by("start_time", "pk")[:10]
    )
    return [
        TodaySession(
            session_id=session.pk,
            cohort=session.cohort.name,
            centre=str(session.cohort.centre),
            start_time=session.start_time,
            end_time=session.end_time,
            topic=session.topic,
            members=session.members,
            present=session.present,
        )
        for session in sessions
    ]


def _inactive(centre_ids: set[int] | None, now: dt.datetime):
    """Enrolments still open whose learner has done nothing in them for 14 days."""
    enrolments = Enrollment.objects.filter(
        completed_at__isnull=True, left_at__isnull=True, user__anonymised_at__isnull=True
    )
    if centre_ids is not None:
        enrolments = enrolments.filter(user__home_centre_id__in=centre_ids)
    return enrolments.annotate(last_active=Coalesce("last_activity_at", "enrolled_at")).filter(
        last_active__lt=now - dt.timedelta(days=INACTIVE_DAYS)
    )


def centre_dashboard(*, user: User) -> CentreDashboard:
    centre_ids = scoping.report_centre_ids(user)
    now = timezone.now()
    today = timezone.localdate()
    months = recent_months(today=today)
    report = centre_report(user=user, dimension=Dimension.MONTH, filters=_recent_filters(months))
    attendance = {row.key: row.attendance_rate for row in report.rows}
    inactive = _inactive(centre_ids, now)
    # Those away longest, each once (a learner may have left two courses idle).
    learners: dict[int, Enrollment] = {}
    longest = inactive.select_related("user", "course").order_by("last_active", "pk")
    for row in longest[: LIST_LENGTH * 3]:
        learners.setdefault(row.user_id, row)
    # Certificates ever issued at these centres (the chart shows the last months).
    certificates_total = centre_report(user=user, dimension=Dimension.CENTRE).totals.certificates
    return CentreDashboard(
        scope=report.scope,
        today=today,
        sessions=_today_sessions(centre_ids, today),
        inactive_count=inactive.values("user").distinct().count(),
        inactive=[
            InactiveLearner(
                user_id=row.user_id,
                name=row.user.get_full_name() or row.user.username,
                course=row.course.title,
                last_active=row.last_active,
            )
            for row in list(learners.values())[:LIST_LENGTH]
        ],
        completions=_by_month(report, months, "completions"),
        attendance=[(month_label(m), attendance.get(m) or 0) for m in months],
        certificates=_by_month(report, months, "certificates"),
        certificates_total=certificates_total,
    )


# --- National admin ---------------------------------------------------------------------


@dataclass(frozen=True)
class CentreActivity:
    centre_id: int | None
    label: str
    activity: int
    completions: int


@dataclass
class NationalDashboard:
    learners: list[tuple[str, int]]
    completions: list[tuple[str, int]]
    certificates: list[tuple[str, int]]
    totals: dict[str, int]
    active_centres: list[CentreActivity]
    centre_count: int
    quiet_centre_count: int
    completions_by_province: dict[str, int]
    province_names: dict[str, str]
    activity_days: int = 90
    extra: dict = field(default_factory=dict)


def _activity(row) -> int:
    """Everything a centre did: enrolments, completions, class attendance, early-childhood
    sessions and certificates."""
    return (
        row.enrolments
        + row.completions
        + row.present
        + row.absent
        + row.early_sessions
        + row.certificates
    )


def national_dashboard(*, user: User) -> NationalDashboard:
    today = timezone.localdate()
    months = recent_months(today=today)
    by_month = centre_report(user=user, dimension=Dimension.MONTH, filters=_recent_filters(months))
    # Centres by what they did in the last three months.
    quarter = recent_months(count=3, today=today)
    by_centre = centre_report(
        user=user, dimension=Dimension.CENTRE, filters=_recent_filters(quarter)
    )
    active = sorted(
        (row for row in by_centre.rows if row.key is not None and _activity(row)),
        key=lambda row: (-_activity(row), row.label),
    )
    by_province = centre_report(user=user, dimension=Dimension.PROVINCE)
    codes = dict(
        Province.objects.filter(
            pk__in=[row.key for row in by_province.rows if row.key is not None]
        ).values_list("pk", "code")
    )
    english = get_language() == "en"
    centre_count = Centre.objects.active().count()
    return NationalDashboard(
        learners=_by_month(by_month, months, "learners"),
        completions=_by_month(by_month, months, "completions"),
        certificates=_by_month(by_month, months, "certificates"),
        totals={
            "learners": by_month.totals.learners,
            "completions": by_month.totals.completions,
            "certificates": by_month.totals.certificates,
        },
        active_centres=[
            CentreActivity(
                centre_id=row.key,
                label=row.label,
                activity=_activity(row),
                completions=row.completions,
            )
            for row in active[:8]
        ],
        centre_count=centre_count,
        quiet_centre_count=max(centre_count - len(active), 0),
        completions_by_province={
            codes[row.key]: row.completions
            for row in by_province.rows
            if row.key in codes and row.completions
        },
        province_names={code: (en if english else th) for code, th, en, _r in PROVINCES},
    )
