"""What a learner does: enrolments and per-lesson progress.

Records point at the canonical page of a course or lesson (its version in the
site's default language), so a learner's progress is the same whichever language
they read the course in.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(left_at__isnull=True)

    def completed(self):
        return self.filter(completed_at__isnull=False)

    def in_progress(self):
        return self.filter(left_at__isnull=True, completed_at__isnull=True)


class Enrollment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    # PROTECT: a course with learners is unpublished, never deleted (see wagtail_hooks).
    course = models.ForeignKey(
        "curricula.CoursePage", on_delete=models.PROTECT, related_name="enrollments"
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="learning_enrollment_unique"),
        ]
        indexes = [
            models.Index(fields=["course", "completed_at"], name="learning_enr_course_done"),
            models.Index(fields=["user", "-enrolled_at"], name="learning_enr_user_recent"),
            models.Index(fields=["completed_at"], name="learning_enr_completed"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.course_id}"

    @property
    def is_active(self) -> bool:
        return self.left_at is None

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class CompletionSource(models.TextChoices):
    LEARNER = "learner", _("Marked done by the learner")
    QUIZ = "quiz", _("Quiz passed")
    ASSIGNMENT = "assignment", _("Assignment passed")
    ACTIVITY = "activity", _("Interactive activity completed")
    STAFF = "staff", _("Recorded by staff")
    PACKAGE = "package", _("SCORM package completed")


class LessonState(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("learning", "In progress")
    DONE = "done", _("Done")


class LessonProgress(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="progress")
    # Denormalised from the enrolment so that per-learner queries need no join.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(
        "curricula.LessonPage", on_delete=models.PROTECT, related_name="progress_records"
    )
    first_visited_at = models.DateTimeField(_("first visit"), null=True, blank=True)
    last_visited_at = models.DateTimeField(_("last visit"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_via = models.CharField(
        _("completed through"), max_length=20, choices=CompletionSource.choices, blank=True
    )

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="learning_progress_unique"
            ),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | ~Q(completed_via=""),
                name="learning_progress_done_has_source",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "-last_visited_at"], name="learning_prog_user_recent"),
            models.Index(fields=["lesson", "completed_at"], name="learning_prog_lesson_done"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · lesson {self.lesson_id} · {self.state}"

    @property
    def state(self) -> str:
        if self.completed_at:
            return LessonState.DONE
        if self.first_visited_at:
            return LessonState.IN_PROGRESS
        return LessonState.NOT_STARTED
