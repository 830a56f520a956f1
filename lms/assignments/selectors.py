"""Reads: what a learner sees of an assignment, the review queue, the class gallery.

Staff see submissions only of learners that lms.centres.scoping lets them see.
"""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wagtail.models import Page

from curricula.models import CoursePage, LessonPage
from curricula.selectors import canonical_page
from lms.centres.scoping import learners_visible_to
from lms.learning.models import Enrollment
from lms.users.models import User

from .models import (
    Assignment,
    FileKind,
    Submission,
    SubmissionFile,
    SubmissionStatus,
)

REVIEW_PERMISSION = "assignments.review_submission"


def assignment_course(assignment: Assignment) -> CoursePage:
    """The course an assignment counts towards: its own, or its lesson's."""
    if assignment.course_id:
        return assignment.course
    parent_path = assignment.lesson.path[: -Page.steplen]
    return CoursePage.objects.get(path=parent_path)


def is_enrolled(*, user: User, course: CoursePage, active_only: bool = True) -> bool:
    if not user.is_authenticated:
        return False
    enrollments = Enrollment.objects.filter(user=user, course=course)
    if active_only:
        enrollments = enrollments.active()
    return enrollments.exists()


def can_review(user: User) -> bool:
    return bool(user.is_authenticated and user.has_perm(REVIEW_PERMISSION))


# --- What a learner sees --------------------------------------------------------------


@dataclass(frozen=True)
class LearnerState:
    code: str  # not_started | draft | redo | submitted | passed
    label: str
    action: str
    badge: str


def learner_state(latest: Submission | None) -> LearnerState:
    """Where a learner stands, from their latest attempt."""
    if latest is None:
        return LearnerState("not_started", _("Not handed in yet"), _("Hand in your work"), "")
    if latest.status == SubmissionStatus.DRAFT:
        if latest.attempt > 1:
            return LearnerState(
                "redo", _("Your trainer asked for a redo"), _("Redo your work"), "warn"
            )
        return LearnerState(
            "draft", _("Draft saved, not handed in yet"), _("Continue your work"), "warn"
        )
    if latest.status == SubmissionStatus.SUBMITTED:
        return LearnerState(
            "submitted", _("Handed in, waiting for review"), _("See what you handed in"), ""
        )
    if latest.status == SubmissionStatus.PASSED:
        return LearnerState("passed", _("Passed"), _("See your feedback"), "ok")
    # A redo without the next draft (only if it was removed by hand): start again.
    return LearnerState("redo", _("Your trainer asked for a redo"), _("Redo your work"), "warn")


def _attempts(user: User, assignment: Assignment) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(assignment=assignment, user=user)
        .select_related("reviewed_by")
        .prefetch_related("files", "rubric_scores")
        .order_by("-attempt")
    )


@dataclass
class LearnerView:
    assignment: Assignment
    course: CoursePage
    enrolled: bool
    state: LearnerState
    current: Submission | None
    history: list[Submission] = field(default_factory=list)

    @property
    def last_review(self) -> Submission | None:
        return next((s for s in self.history if s.reviewed_at), None)


def learner_view(*, user: User, assignment: Assignment) -> LearnerView:
    """Everything the hand-in page shows: the current attempt and the earlier ones."""
    attempts = list(_attempts(user, assignment))
    current = next(
        (s for s in attempts if s.status != SubmissionStatus.REDO),
        None,
    )
    course = assignment_course(assignment)
    return LearnerView(
        assignment=assignment,
        course=course,
        enrolled=is_enrolled(user=user, course=course),
        state=learner_state(attempts[0] if attempts else None),
        current=current,
        history=[s for s in attempts if s is not current],
    )


def learner_submission(*, user: User, pk: int) -> Submission | None:
    """One of the learner's own submissions; None for anybody else's."""
    return (
        Submission.objects.filter(pk=pk, user=user)
        .select_related("assignment", "reviewed_by")
        .prefetch_related("files", "rubric_scores")
        .first()
    )


def lesson_assignment_panel(*, user: User, lesson: LessonPage) -> dict | None:
    """What the lesson page shows about its assignment, or None when it has none.

    Three queries at most (four for a translated lesson), whatever the history.
    """
    lesson = canonical_page(lesson)
    assignment = Assignment.objects.filter(lesson_id=lesson.pk).first()
    if assignment is None:
        return None
    latest = None
    if user.is_authenticated:
        latest = (
            Submission.objects.filter(assignment=assignment, user=user).order_by("-attempt").first()
        )
    state = learner_state(latest)
    return {
        "assignment": assignment,
        "title": assignment.title,
        "summary": Truncator(strip_tags(assignment.instructions).strip()).chars(200),
        "state": state,
        "status": state.code,
        "status_label": state.label,
        "action_label": state.action,
        "badge": state.badge,
        "submission": latest,
        "due_at": assignment.due_at,
        "is_overdue": assignment.is_overdue and state.code not in {"submitted", "passed"},
        "url": reverse("assignments:detail", args=[assignment.pk]),
    }


def assignment_notices_for(*, user: User) -> list[dict]:
    """News for the learner's dashboard: work passed (until they open it), redos asked
    for and drafts not handed in. One query."""
    if not user.is_authenticated:
        return []
    submissions = (
        Submission.objects.filter(user=user)
        .filter(
            Q(status=SubmissionStatus.DRAFT)
            | Q(status=SubmissionStatus.PASSED, learner_seen_at__isnull=True)
        )
        .select_related("assignment")
        .order_by("-updated_at")[:10]
    )
    notices = []
    for submission in submissions:
        state = learner_state(submission)
        title = submission.assignment.title
        if state.code == "passed":
            message = _("Your trainer passed “%(title)s”.") % {"title": title}
        elif state.code == "redo":
            message = _("Your trainer asked you to redo “%(title)s”. Read the feedback.") % {
                "title": title
            }
        else:
            message = _("“%(title)s” is saved as a draft. Hand it in when it is ready.") % {
                "title": title
            }
        notices.append(
            {
                "kind": state.code,
                "message": message,
                "action_label": state.action,
                "badge": state.badge,
                "url": reverse("assignments:detail", args=[submission.assignment_id]),
                "submission": submission,
            }
        )
    return notices


def my_assignments(*, user: User) -> list[dict]:
    """The learner's assignments that have any work, newest first."""
    latest = {}
    for submission in (
        Submission.objects.filter(user=user)
        .select_related("assignment")
        .order_by("assignment_id", "-attempt")
    ):
        latest.setdefault(submission.assignment_id, submission)
    rows = [
        {"submission": s, "assignment": s.assignment, "state": learner_state(s)}
        for s in latest.values()
    ]
    rows.sort(key=lambda row: row["submission"].updated_at, reverse=True)
    return rows


# --- Review -----------------------------------------------------------------------------


def reviewable_submissions(*, reviewer: User) -> QuerySet[Submission]:
    """Handed-in work of the learners the reviewer may see (never drafts)."""
    if not can_review(reviewer):
        return Submission.objects.none()
    return Submission.objects.exclude(status=SubmissionStatus.DRAFT).filter(
        user__in=learners_visible_to(reviewer)
    )


def _count(kind: str):
    return Coalesce(
        Subquery(
            SubmissionFile.objects.filter(submission=OuterRef("pk"), kind=kind)
            .order_by()
            .values("submission")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def review_queue(
    *, reviewer: User, state: str = "waiting", centre_id: int | None = None
) -> QuerySet[Submission]:
    """Submissions to review (oldest first) or reviewed (newest first), one query per page."""
    queryset = reviewable_submissions(reviewer=reviewer)
    if state == "reviewed":
        queryset = queryset.reviewed().order_by("-reviewed_at", "-pk")
    else:
        queryset = queryset.waiting().order_by("submitted_at", "pk")
    if centre_id:
        queryset = queryset.filter(user__home_centre_id=centre_id)
    return queryset.select_related(
        "user",
        "user__home_centre",
        "assignment",
        "assignment__lesson",
        "assignment__course",
        "reviewed_by",
    ).annotate(photo_count=_count(FileKind.IMAGE), file_count=_count(FileKind.FILE))


def attach_course_titles(submissions: list[Submission]) -> None:
    """Set `course_title` on each submission, in one query for any number of them."""
    parent_paths = {
        s.assignment.lesson.path[: -Page.steplen] for s in submissions if s.assignment.lesson_id
    }
    titles = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
    for s in submissions:
        if s.assignment.course_id:
            s.course_title = s.assignment.course.title
        else:
            s.course_title = titles.get(s.assignment.lesson.path[: -Page.steplen], "")


def review_waiting_count(*, reviewer: User) -> int:
    return reviewable_submissions(reviewer=reviewer).waiting().count()


def submission_for_review(*, reviewer: User, pk: int) -> Submission | None:
    """A submission the reviewer may open, with its files, scores and the learner's
    earlier attempts (as `history`); None when it is not theirs to see."""
    submission = (
        reviewable_submissions(reviewer=reviewer)
        .filter(pk=pk)
        .select_related(
            "user", "user__home_centre", "assignment", "assignment__lesson", "reviewed_by"
        )
        .prefetch_related("files", "rubric_scores")
        .first()
    )
    if submission is None:
        return None
    submission.history = list(
        _attempts(submission.user, submission.assignment)
        .exclude(pk=submission.pk)
        .exclude(status=SubmissionStatus.DRAFT)
    )
    return submission


# --- Files and gallery --------------------------------------------------------------------


def file_for_viewer(*, user: User, pk: int) -> SubmissionFile | None:
    """A handed-in file the user may open: their own, one they may review, or a photo
    in the gallery of a course they are on. None otherwise."""
    if not user.is_authenticated:
        return None
    record = (
        SubmissionFile.objects.select_related("submission", "submission__assignment")
        .filter(pk=pk)
        .first()
    )
    if record is None:
        return None
    submission = record.submission
    if submission.user_id == user.pk:
        return record
    if reviewable_submissions(reviewer=user).filter(pk=submission.pk).exists():
        return record
    if (
        record.is_image
        and submission.status == SubmissionStatus.PASSED
        and submission.share_in_gallery
        and submission.assignment.gallery_enabled
        and gallery_open_to(user=user, assignment=submission.assignment)
    ):
        return record
    return None


def gallery_open_to(*, user: User, assignment: Assignment) -> bool:
    if not assignment.gallery_enabled or not user.is_authenticated:
        return False
    if can_review(user):
        return True
    return is_enrolled(user=user, course=assignment_course(assignment), active_only=False)


def gallery_items(*, assignment: Assignment, limit: int = 60) -> list[Submission]:
    """Passed work shown with the learner's consent, newest first; photos prefetched."""
    return list(
        Submission.objects.filter(
            assignment=assignment,
            status=SubmissionStatus.PASSED,
            share_in_gallery=True,
            user__anonymised_at__isnull=True,
        )
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "files",
                queryset=SubmissionFile.objects.filter(kind=FileKind.IMAGE),
                to_attr="photos",
            )
        )
        .order_by("-reviewed_at")[:limit]
    )


# --- Personal data ------------------------------------------------------------------------


def personal_data_section(*, user: User) -> list[dict]:
    """The learner's handed-in work, for their personal data export."""
    return [
        {
            "assignment": s.assignment.title,
            "attempt": s.attempt,
            "status": s.status,
            "text": s.text,
            "files": [f.original_name for f in s.files.all()],
            "submitted_at": s.submitted_at.isoformat() if s.submitted_at else None,
            "reviewed_at": s.reviewed_at.isoformat() if s.reviewed_at else None,
            "feedback": s.feedback,
            "score": s.score,
        }
        for s in Submission.objects.filter(user=user)
        .select_related("assignment")
        .prefetch_related("files")
        .order_by("assignment_id", "attempt")
    ]
