"""Writes: a learner saves and hands in work, a trainer reviews it.

Each function checks who may act, validates, changes state inside one
transaction, records an audit entry, and only then announces (e-mail after
commit). Writes of one learner on one course are serialised by locking their
enrolment row, the same lock the learner-progress service takes, always first.
"""

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from lms.centres.scoping import learners_visible_to
from lms.core.errors import ServiceError
from lms.core.queue import run_or_queue
from lms.learning.models import CompletionSource, Enrollment
from lms.learning.services import enrollment_completion_check, lesson_complete
from lms.users.models import User

from .models import (
    MAX_TEXT_LENGTH,
    Assignment,
    FileKind,
    RubricScore,
    Submission,
    SubmissionFile,
    SubmissionStatus,
)
from .selectors import assignment_course, can_review
from .tasks import send_review_email
from .uploads import PreparedFile, UploadRejected, prepare_document, prepare_image

logger = logging.getLogger(__name__)


class AssignmentError(ServiceError):
    """A refused action; `message` is shown to the user as it is."""


class Decision:
    PASS = SubmissionStatus.PASSED
    REDO = SubmissionStatus.REDO


@dataclass(frozen=True)
class Work:
    """What a learner sends in one form post. `text=None` leaves the saved text alone."""

    text: str | None = None
    images: Sequence[UploadedFile] = ()
    files: Sequence[UploadedFile] = ()
    remove_file_ids: Iterable[int] = ()
    share_in_gallery: bool | None = None


# --- Learner ------------------------------------------------------------------------


def _lock_enrollment(user: User, assignment: Assignment) -> Enrollment:
    course = assignment_course(assignment)
    enrollment = (
        Enrollment.objects.select_for_update()
        .filter(user=user, course=course, left_at__isnull=True)
        .first()
    )
    if enrollment is None:
        raise AssignmentError(_("Enrol in the course to hand in work for it."), code="not_enrolled")
    return enrollment


def _prepare(assignment: Assignment, work: Work) -> list[PreparedFile]:
    """Check every upload before anything is stored: one bad file refuses the whole post."""
    if work.images and not assignment.accepts_images:
        raise AssignmentError(_("This assignment does not take photos."), code="no_images")
    if work.files and not assignment.accepts_files:
        raise AssignmentError(_("This assignment does not take files."), code="no_files")
    if len(work.images) + len(work.files) > assignment.max_files:
        raise AssignmentError(_too_many(assignment), code="too_many_files")
    prepared = []
    try:
        for upload in work.images:
            prepared.append(prepare_image(upload, max_bytes=assignment.max_file_bytes))
        for upload in work.files:
            prepared.append(
                prepare_document(
                    upload,
                    allowed_extensions=assignment.allowed_extensions,
                    max_bytes=assignment.max_file_bytes,
                )
            )
    except UploadRejected as rejected:
        raise AssignmentError(rejected.message, code="bad_file") from rejected
    return prepared


def _too_many(assignment: Assignment) -> str:
    return _("You can hand in at most %(count)s photos and files for this assignment.") % {
        "count": assignment.max_files
    }


def _store(submission: Submission, prepared: PreparedFile, stored: list[str]) -> SubmissionFile:
    record = SubmissionFile(
        submission=submission,
        kind=prepared.kind,
        original_name=prepared.original_name,
        content_type=prepared.content_type,
        size=len(prepared.content),
        width=prepared.width,
        height=prepared.height,
    )
    record.file.save(f"upload.{prepared.extension}", ContentFile(prepared.content), save=False)
    stored.append(record.file.name)
    if prepared.thumbnail:
        record.thumbnail.save("thumb.jpg", ContentFile(prepared.thumbnail), save=False)
        stored.append(record.thumbnail.name)
    record.save()
    return record


def _delete_stored(names: Iterable[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Could not delete stored file %s", name)


def _stored_names(files: Iterable[SubmissionFile]) -> list[str]:
    return [name for f in files for name in (f.file.name, f.thumbnail.name) if name]


def _current_draft(user: User, assignment: Assignment) -> Submission | None:
    current = (
        Submission.objects.select_for_update()
        .filter(assignment=assignment, user=user)
        .current()
        .first()
    )
    if current is None:
        return None
    if current.status == SubmissionStatus.SUBMITTED:
        raise AssignmentError(
            _("You have handed in this work; your trainer is reviewing it."), code="submitted"
        )
    if current.status == SubmissionStatus.PASSED:
        raise AssignmentError(_("This work has already passed."), code="passed")
    return current


def submission_draft_save(*, user: User, assignment: Assignment, work: Work) -> Submission:
    """Save the learner's work in progress (text, new photos and files, removals).

    Creates the draft on first save. Every upload is checked first; if one is
    refused, nothing of the post is stored.
    """
    if work.text is not None and len(work.text) > MAX_TEXT_LENGTH:
        raise AssignmentError(
            _("Your text is too long: at most %(count)s characters.") % {"count": MAX_TEXT_LENGTH},
            code="text_too_long",
        )
    if work.text and not assignment.accepts_text:
        raise AssignmentError(_("This assignment does not take text."), code="no_text")
    prepared = _prepare(assignment, work)
    stored: list[str] = []
    removed: list[str] = []
    try:
        with transaction.atomic():
            _lock_enrollment(user, assignment)
            draft = _current_draft(user, assignment)
            if draft is None and not (work.text or "").strip() and not prepared:
                raise AssignmentError(
                    _("There is nothing to save yet: add a photo, a file or some text."),
                    code="empty",
                )
            if draft is None:
                last = Submission.objects.filter(assignment=assignment, user=user).aggregate(
                    n=Max("attempt")
                )["n"]
                draft = Submission.objects.create(
                    assignment=assignment, user=user, attempt=(last or 0) + 1
                )
            remove_ids = {int(pk) for pk in work.remove_file_ids}
            if remove_ids:
                doomed = list(draft.files.filter(pk__in=remove_ids))
                removed = _stored_names(doomed)
                SubmissionFile.objects.filter(pk__in=[f.pk for f in doomed]).delete()
            kept = draft.files.count()
            if kept + len(prepared) > assignment.max_files:
                raise AssignmentError(_too_many(assignment), code="too_many_files")
            for item in prepared:
                _store(draft, item, stored)
            fields = ["updated_at"]
            if work.text is not None:
                draft.text = work.text.strip()
                fields.append("text")
            if work.share_in_gallery is not None and assignment.gallery_enabled:
                draft.share_in_gallery = work.share_in_gallery
                fields.append("share_in_gallery")
            draft.save(update_fields=fields)
            if removed:
                transaction.on_commit(lambda: _delete_stored(removed))
    except BaseException:
        # The rows are rolled back; the files written for them must go too.
        _delete_stored(stored)
        raise
    return draft


def _incomplete(draft: Submission, assignment: Assignment) -> str | None:
    images = sum(1 for f in draft.files.all() if f.kind == FileKind.IMAGE)
    has_files = bool(draft.files.all())
    if not draft.text and not has_files:
        return _("Add a photo, a file or some text before handing in.")
    if assignment.text_required and not draft.text:
        return _("Write “%(label)s” before handing in.") % {
            "label": assignment.text_label or _("Your answer")
        }
    if images < assignment.min_images:
        return _("Hand in at least %(count)s photos (you have %(have)s).") % {
            "count": assignment.min_images,
            "have": images,
        }
    return None


def submission_hand_in(*, user: User, assignment: Assignment, work: Work) -> Submission:
    """Save what was sent with the post and hand the work in for review.

    What was sent is kept as a draft even when the work is not complete yet, so a
    learner on a slow connection never uploads the same photos twice.
    """
    if not (work.text or "").strip() and not work.images and not work.files:
        existing = Submission.objects.filter(assignment=assignment, user=user).current()
        if not existing.exists():
            raise AssignmentError(
                _("Add a photo, a file or some text before handing in."), code="empty"
            )
    draft = submission_draft_save(user=user, assignment=assignment, work=work)
    with transaction.atomic():
        _lock_enrollment(user, assignment)
        draft = _current_draft(user, assignment)
        if draft is None:  # pragma: no cover - the draft was saved just above
            raise AssignmentError(_("Save your work first."), code="no_draft")
        problem = _incomplete(draft, assignment)
        if problem:
            raise AssignmentError(problem, code="incomplete")
        draft.status = SubmissionStatus.SUBMITTED
        draft.submitted_at = timezone.now()
        draft.save(update_fields=["status", "submitted_at", "updated_at"])
        log(instance=draft, action="lms.submission.submit", user=user)
    return draft


def submission_gallery_consent_set(*, user: User, submission: Submission, share: bool) -> None:
    """The learner agrees, or no longer agrees, to show their work in the class gallery."""
    if submission.user_id != user.pk:
        raise AssignmentError(_("This is not your work."), code="forbidden")
    Submission.objects.filter(pk=submission.pk).update(share_in_gallery=share)
    submission.share_in_gallery = share


def submission_mark_seen(*, user: User, submissions: Iterable[Submission]) -> int:
    """The learner has read these reviews: the dashboard stops announcing them."""
    ids = [
        s.pk for s in submissions if s.status in {SubmissionStatus.PASSED, SubmissionStatus.REDO}
    ]
    if not ids:
        return 0
    return Submission.objects.filter(
        pk__in=ids, user=user, learner_seen_at__isnull=True, reviewed_at__isnull=False
    ).update(learner_seen_at=timezone.now())


def submissions_erase(*, user: User) -> int:
    """Erase what a person handed in (texts, photos, files, feedback) when their account
    is anonymised; the outcomes stay so that statistics do not change."""
    with transaction.atomic():
        files = list(SubmissionFile.objects.filter(submission__user=user))
        names = _stored_names(files)
        SubmissionFile.objects.filter(pk__in=[f.pk for f in files]).delete()
        erased = Submission.objects.filter(user=user).update(
            text="", feedback="", share_in_gallery=False
        )
        transaction.on_commit(lambda: _delete_stored(names))
    return erased


# --- Trainer ---------------------------------------------------------------------------


def _enqueue_review_email(submission_id: int) -> None:
    """Queue the e-mail after the review is committed; a broker that is down must not
    turn a saved review into an error page (the dashboard tells the learner anyway)."""
    run_or_queue(send_review_email, submission_id)


def _scores(submission: Submission, levels: dict[str, int], *, complete: bool) -> list[RubricScore]:
    assignment = submission.assignment
    criteria = assignment.criteria
    known = {c.id for c in criteria}
    if set(levels) - known:
        raise AssignmentError(
            _("The rubric has changed; reload the page and score again."), code="rubric_changed"
        )
    scores = []
    for order, criterion in enumerate(criteria):
        if criterion.id not in levels:
            if complete:
                raise AssignmentError(
                    _("Score every criterion of the rubric before passing the work."),
                    code="rubric_incomplete",
                )
            continue
        index = levels[criterion.id]
        if not 0 <= index < len(criterion.levels):
            raise AssignmentError(
                _("The rubric has changed; reload the page and score again."),
                code="rubric_changed",
            )
        level = criterion.levels[index]
        scores.append(
            RubricScore(
                submission=submission,
                criterion_id=criterion.id,
                criterion_title=criterion.title,
                level_label=level.label,
                points=level.points,
                max_points=criterion.max_points,
                sort_order=order,
            )
        )
    return scores


def _copy_into(draft: Submission, files: Iterable[SubmissionFile], stored: list[str]) -> None:
    for original in files:
        copy = SubmissionFile(
            submission=draft,
            kind=original.kind,
            original_name=original.original_name,
            content_type=original.content_type,
            size=original.size,
            width=original.width,
            height=original.height,
        )
        extension = original.file.name.rsplit(".", 1)[-1]
        with original.file.open("rb") as handle:
            copy.file.save(f"copy.{extension}", ContentFile(handle.read()), save=False)
        stored.append(copy.file.name)
        if original.thumbnail:
            with original.thumbnail.open("rb") as handle:
                copy.thumbnail.save("thumb.jpg", ContentFile(handle.read()), save=False)
            stored.append(copy.thumbnail.name)
        copy.save()


def submission_review(
    *,
    reviewer: User,
    submission: Submission,
    decision: str,
    feedback: str = "",
    levels: dict[str, int] | None = None,
) -> Submission:
    """Pass handed-in work or ask for a redo, with feedback and rubric scores.

    Passing completes the assignment's lesson (or re-checks the course) through
    the learner-progress service. A redo keeps this submission as it is and opens
    the learner's next attempt as a draft holding copies of their text and files,
    so they change only what the feedback asks for.
    """
    if (
        not can_review(reviewer)
        or not learners_visible_to(reviewer).filter(pk=submission.user_id).exists()
    ):
        raise AssignmentError(_("You cannot review this work."), code="forbidden")
    if submission.user_id == reviewer.pk:
        raise AssignmentError(_("You cannot review your own work."), code="own_work")
    if decision not in (Decision.PASS, Decision.REDO):
        raise AssignmentError(_("Choose pass or redo."), code="bad_decision")
    feedback = (feedback or "").strip()
    if len(feedback) > MAX_TEXT_LENGTH:
        raise AssignmentError(
            _("Your feedback is too long: at most %(count)s characters.")
            % {"count": MAX_TEXT_LENGTH},
            code="feedback_too_long",
        )
    if decision == Decision.REDO and not feedback:
        raise AssignmentError(
            _("Tell the learner what to change when you ask for a redo."), code="no_feedback"
        )
    assignment = submission.assignment
    learner = submission.user
    scores: list[RubricScore] = []
    if assignment.uses_rubric:
        scores = _scores(submission, levels or {}, complete=decision == Decision.PASS)
    total = sum(s.points for s in scores) if assignment.uses_rubric else None
    if decision == Decision.PASS and total is not None and total < (assignment.pass_points or 0):
        raise AssignmentError(
            _("The score is %(score)s; at least %(needed)s points are needed to pass.")
            % {"score": total, "needed": assignment.pass_points},
            code="below_pass_level",
        )

    stored: list[str] = []
    try:
        with transaction.atomic():
            course = assignment_course(assignment)
            enrollment = (
                Enrollment.objects.select_for_update().filter(user=learner, course=course).first()
            )
            locked = Submission.objects.select_for_update().get(pk=submission.pk)
            if locked.status != SubmissionStatus.SUBMITTED:
                raise AssignmentError(
                    _("This work has already been reviewed."), code="already_reviewed"
                )
            now = timezone.now()
            locked.status = decision
            locked.reviewed_by = reviewer
            locked.reviewed_at = now
            locked.feedback = feedback
            locked.score = total
            locked.max_score = assignment.max_points if assignment.uses_rubric else None
            locked.learner_seen_at = None
            locked.save(
                update_fields=[
                    "status",
                    "reviewed_by",
                    "reviewed_at",
                    "feedback",
                    "score",
                    "max_score",
                    "learner_seen_at",
                    "updated_at",
                ]
            )
            RubricScore.objects.bulk_create(scores)
            if decision == Decision.REDO:
                draft = Submission.objects.create(
                    assignment=assignment,
                    user=learner,
                    attempt=locked.attempt + 1,
                    text=locked.text,
                    share_in_gallery=locked.share_in_gallery,
                )
                _copy_into(draft, locked.files.all(), stored)
            log(
                instance=locked,
                action="lms.submission.pass"
                if decision == Decision.PASS
                else "lms.submission.redo",
                user=reviewer,
                data={"learner": learner.pk, "attempt": locked.attempt, "score": total},
            )
            if decision == Decision.PASS and enrollment is not None and enrollment.is_active:
                if assignment.lesson_id:
                    lesson_complete(
                        user=learner, lesson=assignment.lesson, via=CompletionSource.ASSIGNMENT
                    )
                else:
                    enrollment_completion_check(enrollment=enrollment)
            if learner.email:
                transaction.on_commit(partial(_enqueue_review_email, locked.pk))
    except BaseException:
        _delete_stored(stored)
        raise
    return locked
