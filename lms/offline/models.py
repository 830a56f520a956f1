"""What the server keeps of offline learning: the actions a device sent, and quiz papers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionType(models.TextChoices):
    LESSON_DONE = "lesson.done", _("Lesson marked as done")
    QUIZ_SUBMIT = "quiz.submit", _("Quiz answers")
    ASSIGNMENT_DRAFT = "assignment.draft", _("Assignment draft")


class ActionStatus(models.TextChoices):
    DONE = "done", _("Done")
    REFUSED = "refused", _("Refused")


class OfflineAction(models.Model):
    """One action a device queued while offline, applied once: its key is the device's.

    A second send of the same key (the reply was lost, two tabs sent the queue) finds
    this row and gets the stored result; nothing is done again.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="offline_actions",
        verbose_name=_("user"),
    )
    key = models.UUIDField(_("key"))
    type = models.CharField(_("type"), max_length=20, choices=ActionType.choices)
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices)
    message = models.CharField(_("message"), max_length=300, blank=True)
    url = models.CharField(_("address"), max_length=300, blank=True)
    device_at = models.DateTimeField(_("time on the device"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("offline action")
        verbose_name_plural = _("offline actions")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="offline_action_once_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.key}"


class OfflinePaper(models.Model):
    """The questions of an offline quiz as one learner's device holds them.

    The layout (which questions, in which order, with which options) is kept here and
    only its id travels in the signed token: the layout names choices by id, and ids
    could tell which choice an author typed first.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="offline_papers",
        verbose_name=_("user"),
    )
    quiz = models.ForeignKey(
        "assessments.Quiz",
        on_delete=models.CASCADE,
        related_name="offline_papers",
        verbose_name=_("quiz"),
    )
    layout = models.JSONField(_("layout"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Answered once: the next paper draws again, as a new attempt online would.
    used_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("offline quiz paper")
        verbose_name_plural = _("offline quiz papers")
        indexes = [models.Index(fields=["user", "quiz"], name="offline_paper_user_quiz")]

    def __str__(self) -> str:
        return f"{self.quiz_id}/{self.pk}"
