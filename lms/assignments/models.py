"""Practical assignments: work a learner hands in (photos, files, text) and a trainer reviews.

An assignment belongs either to one lesson (passing it completes the lesson) or
to a course as a whole (passing it is one of the course's requirements). Every
hand-in is a Submission; asking for a redo keeps that submission as it was and
opens the next attempt, so the history of a piece of work is never rewritten.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField, StreamField

from curricula.blocks import RICH_TEXT_FEATURES
from curricula.selectors import canonical_page

from .blocks import RubricBlock

# What a learner may hand in besides photos, and the content type it is served with.
# Nothing here can run in a browser (no HTML, SVG or scripts).
FILE_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain",
    "csv": "text/csv",
}
MAX_FILE_MB = 25
MAX_FILES = 10
MAX_TEXT_LENGTH = 5000


class Grading(models.TextChoices):
    PASS_REDO = "pass_redo", _("Pass or redo")
    RUBRIC = "rubric", _("Rubric with points")


@dataclass(frozen=True)
class RubricLevel:
    index: int
    label: str
    points: int
    description: str


@dataclass(frozen=True)
class RubricCriterion:
    id: str
    title: str
    description: str
    levels: list[RubricLevel]

    @property
    def max_points(self) -> int:
        return max((level.points for level in self.levels), default=0)


def parse_extensions(text: str) -> list[str]:
    parts = (part.strip().lower().lstrip(".") for part in (text or "").replace(";", ",").split(","))
    return list(dict.fromkeys(part for part in parts if part))


class Assignment(models.Model):
    title = models.CharField(_("title"), max_length=200)
    instructions = RichTextField(
        _("instructions"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What to do and what to hand in, written for the learner."),
    )
    lesson = models.ForeignKey(
        "curricula.LessonPage",
        verbose_name=_("lesson"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
        help_text=_("Passing the assignment completes this lesson."),
    )
    course = models.ForeignKey(
        "curricula.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
        help_text=_("Or: the whole course needs this assignment passed, besides its lessons."),
    )

    accepts_text = models.BooleanField(_("learners write text"), default=True)
    text_required = models.BooleanField(_("text is required"), default=False)
    text_label = models.CharField(
        _("label of the text box"),
        max_length=120,
        blank=True,
        help_text=_("For example: Your product listing. Leave empty for “Your answer”."),
    )
    accepts_images = models.BooleanField(_("learners hand in photos"), default=True)
    min_images = models.PositiveSmallIntegerField(
        _("photos required"),
        default=0,
        validators=[MaxValueValidator(MAX_FILES)],
        help_text=_("The fewest photos a learner must hand in (0: photos are optional)."),
    )
    accepts_files = models.BooleanField(_("learners hand in files"), default=False)
    file_types = models.CharField(
        _("allowed file types"),
        max_length=100,
        blank=True,
        help_text=format_lazy(
            _("Extensions separated by commas, from: {types}."), types=", ".join(FILE_TYPES)
        ),
    )
    max_files = models.PositiveSmallIntegerField(
        _("most photos and files"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_FILES)],
    )
    max_file_mb = models.PositiveSmallIntegerField(
        _("largest file (MB)"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_FILE_MB)],
        help_text=_("Photos are made smaller after upload; this limits what a phone may send."),
    )

    grading = models.CharField(
        _("grading"), max_length=20, choices=Grading.choices, default=Grading.PASS_REDO
    )
    rubric = StreamField(
        RubricBlock(), verbose_name=_("rubric"), blank=True, help_text=_("Only for rubric grading.")
    )
    pass_points = models.PositiveSmallIntegerField(
        _("points needed to pass"),
        null=True,
        blank=True,
        help_text=_("Only for rubric grading: the least total score with which work may pass."),
    )
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    gallery_enabled = models.BooleanField(
        _("class gallery"),
        default=False,
        help_text=_(
            "Show passed work to others on the course, for learners who agree when handing in."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(lesson__isnull=False, course__isnull=True)
                    | Q(lesson__isnull=True, course__isnull=False)
                ),
                name="assignments_assignment_lesson_xor_course",
                violation_error_message=_(
                    "Choose either a lesson or a course for the assignment, not both."
                ),
            ),
            models.UniqueConstraint(
                fields=["lesson"],
                condition=Q(lesson__isnull=False),
                name="assignments_assignment_one_per_lesson",
                violation_error_message=_("This lesson already has an assignment."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @admin.display(description=_("belongs to"))
    def belongs_to(self) -> str:
        if self.lesson_id:
            return _("Lesson: %(title)s") % {"title": self.lesson.title}
        return _("Course: %(title)s") % {"title": self.course.title} if self.course_id else ""

    # --- What may be handed in -------------------------------------------------

    @property
    def allowed_extensions(self) -> list[str]:
        return [ext for ext in parse_extensions(self.file_types) if ext in FILE_TYPES]

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024

    @property
    def is_overdue(self) -> bool:
        return self.due_at is not None and timezone.now() > self.due_at

    # --- Grading -------------------------------------------------------------------

    @property
    def uses_rubric(self) -> bool:
        return self.grading == Grading.RUBRIC

    @property
    def criteria(self) -> list[RubricCriterion]:
        criteria = []
        for block in self.rubric:
            if block.block_type != "criterion":
                continue
            value = block.value
            criteria.append(
                RubricCriterion(
                    id=str(block.id),
                    title=value["title"],
                    description=value.get("description") or "",
                    levels=[
                        RubricLevel(
                            index=i,
                            label=level["label"],
                            points=level["points"],
                            description=level.get("description") or "",
                        )
                        for i, level in enumerate(value["levels"])
                    ],
                )
            )
        return criteria

    @property
    def max_points(self) -> int:
        return sum(criterion.max_points for criterion in self.criteria)

    def clean(self):
        super().clean()
        # Learner records point at the Thai original of a page (see canonical_page).
        if self.lesson_id:
            self.lesson = canonical_page(self.lesson).specific
        if self.course_id:
            self.course = canonical_page(self.course).specific
        errors: dict[str, list] = {}
        if bool(self.lesson_id) == bool(self.course_id):
            errors.setdefault("lesson", []).append(
                _("Choose the lesson this assignment belongs to, or else a course.")
            )
        if not (self.accepts_text or self.accepts_images or self.accepts_files):
            errors.setdefault("accepts_text", []).append(
                _("Let learners hand in at least one of text, photos or files.")
            )
        if self.text_required and not self.accepts_text:
            errors.setdefault("text_required", []).append(
                _("Text cannot be required when learners do not write text.")
            )
        if self.min_images and not self.accepts_images:
            errors.setdefault("min_images", []).append(
                _("Photos cannot be required when learners do not hand in photos.")
            )
        if self.min_images > self.max_files:
            errors.setdefault("min_images", []).append(
                _("More photos are required than may be handed in.")
            )
        if self.accepts_files:
            unknown = [ext for ext in parse_extensions(self.file_types) if ext not in FILE_TYPES]
            if unknown:
                errors.setdefault("file_types", []).append(
                    _("These file types cannot be handed in: %(types)s.")
                    % {"types": ", ".join(unknown)}
                )
            elif not self.allowed_extensions:
                errors.setdefault("file_types", []).append(
                    _("Name the file types learners may hand in.")
                )
        if self.uses_rubric:
            if not self.criteria:
                errors.setdefault("rubric", []).append(
                    _("Add at least one criterion, or choose pass or redo grading.")
                )
            if self.pass_points is None:
                errors.setdefault("pass_points", []).append(
                    _("Say how many points are needed to pass.")
                )
            elif self.criteria and self.pass_points > self.max_points:
                errors.setdefault("pass_points", []).append(
                    _("The rubric gives at most %(points)s points.") % {"points": self.max_points}
                )
        if errors:
            raise ValidationError(errors)


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft, not handed in")
    SUBMITTED = "submitted", _("Handed in, waiting for review")
    PASSED = "passed", _("Passed")
    REDO = "redo", _("Redo requested")


# A learner has at most one submission in one of these states per assignment;
# the others (redo) are history.
CURRENT_STATUSES = [SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED, SubmissionStatus.PASSED]
REVIEWED_STATUSES = [SubmissionStatus.PASSED, SubmissionStatus.REDO]


class SubmissionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(status__in=CURRENT_STATUSES)

    def waiting(self):
        return self.filter(status=SubmissionStatus.SUBMITTED)

    def reviewed(self):
        return self.filter(status__in=REVIEWED_STATUSES)


class Submission(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="submissions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions"
    )
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    text = models.TextField(_("text"), blank=True, max_length=MAX_TEXT_LENGTH)
    share_in_gallery = models.BooleanField(_("may be shown in the class gallery"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("handed in"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",  # a reviewer's reviews are found through the queue, not the user
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True, max_length=MAX_TEXT_LENGTH)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(_("highest score"), null=True, blank=True)
    # When the learner opened the review; the dashboard shows news until then.
    learner_seen_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        permissions = [("review_submission", _("Can review handed-in work"))]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "user", "attempt"], name="assignments_submission_attempt"
            ),
            models.UniqueConstraint(
                fields=["assignment", "user"],
                condition=Q(status__in=CURRENT_STATUSES),
                name="assignments_submission_one_current",
            ),
            models.CheckConstraint(
                condition=Q(attempt__gte=1), name="assignments_submission_attempt_positive"
            ),
            models.CheckConstraint(
                condition=Q(status=SubmissionStatus.DRAFT) | Q(submitted_at__isnull=False),
                name="assignments_submission_handed_in_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=REVIEWED_STATUSES) | Q(reviewed_at__isnull=False),
                name="assignments_submission_reviewed_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="assignments_sub_queue"),
            models.Index(fields=["user", "assignment"], name="assignments_sub_learner"),
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id} · {self.user_id} · #{self.attempt} · {self.status}"

    @property
    def is_late(self) -> bool:
        due = self.assignment.due_at
        return bool(due and self.submitted_at and self.submitted_at > due)

    @property
    def is_editable(self) -> bool:
        return self.status == SubmissionStatus.DRAFT


def submission_file_path(instance: "SubmissionFile", filename: str) -> str:
    """Unguessable names in a private folder: files are served only through a checked view."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"assignments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class FileKind(models.TextChoices):
    IMAGE = "image", _("Photo")
    FILE = "file", _("File")


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=10, choices=FileKind.choices)
    file = models.FileField(_("file"), upload_to=submission_file_path, max_length=255)
    thumbnail = models.FileField(upload_to=submission_file_path, max_length=255, blank=True)
    original_name = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("handed-in file")
        verbose_name_plural = _("handed-in files")
        ordering = ["kind", "created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.kind == FileKind.IMAGE


class RubricScore(models.Model):
    """One criterion as a reviewer scored it, copied from the rubric at that moment
    so that editing the rubric later never changes a past review."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="rubric_scores"
    )
    criterion_id = models.CharField(max_length=64)
    criterion_title = models.CharField(_("criterion"), max_length=200)
    level_label = models.CharField(_("level"), max_length=100)
    points = models.PositiveSmallIntegerField(_("points"))
    max_points = models.PositiveSmallIntegerField(_("highest points"))
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("rubric score")
        verbose_name_plural = _("rubric scores")
        ordering = ["sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "criterion_id"], name="assignments_rubricscore_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_title}: {self.level_label} ({self.points}/{self.max_points})"
