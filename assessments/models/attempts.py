"""What a learner does with a quiz: attempts and their answers.

The attempt stores the layout it was shown (which questions, in which order, and
the order of each question's choices), so review shows what the learner saw even
after a random draw or a shuffle.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .questions import UNANSWERED_KINDS, Question
from .quizzes import Quiz


class CloseReason(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    TIME_UP = "time_up", _("Time ran out")


class QuizAttemptQuerySet(models.QuerySet):
    def open(self):
        return self.filter(submitted_at__isnull=True)

    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def awaiting_grading(self):
        return self.filter(submitted_at__isnull=False, graded_at__isnull=True)


class QuizAttempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    started_at = models.DateTimeField(_("started"))
    # start + time limit (or the quiz's closing time, if sooner); kept here, never in the browser.
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    close_reason = models.CharField(
        _("closed because"), max_length=20, choices=CloseReason.choices, blank=True
    )
    # [{"q": question id, "k": kind, "c": [choice ids], "p": [pair ids], "a": [pair ids]}, ...]
    layout = models.JSONField(_("questions shown"), default=list)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(
        _("maximum score"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    # When the result became final: at submission, or when a trainer graded the last essay.
    # Submitted but not graded yet: score, percent and passed wait (None).
    graded_at = models.DateTimeField(_("graded"), null=True, blank=True)

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            # Attempt numbers are unique, so two concurrent starts cannot both take the
            # last allowed attempt.
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="assessments_attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=Q(submitted_at__isnull=True),
                name="assessments_attempt_one_open",
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True) | ~Q(close_reason=""),
                name="assessments_attempt_closed_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["quiz", "user"], name="assessments_att_quiz_user"),
            models.Index(
                fields=["deadline"],
                condition=Q(submitted_at__isnull=True),
                name="assessments_att_open_deadline",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} · {self.user} · #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None

    @property
    def question_count(self) -> int:
        """Questions to answer: descriptions shown between them do not count."""
        return sum(1 for entry in self.layout if entry.get("k") not in UNANSWERED_KINDS)

    @property
    def awaits_grading(self) -> bool:
        return self.submitted_at is not None and self.graded_at is None


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    position = models.PositiveSmallIntegerField(_("position"))
    # In ids, never in positions: {"choices": [..]}, {"value": bool}, {"text": ".."},
    # {"text": "..", "number": ".."}, {"pairs": {"<item pair id>": <answer pair id>}}
    response = models.JSONField(_("answer"), default=dict, blank=True)
    # A normalised form of the response, so item analysis can count answers in SQL.
    response_key = models.CharField(max_length=500, blank=True)
    points = models.DecimalField(_("points"), max_digits=7, decimal_places=2, null=True, blank=True)
    is_correct = models.BooleanField(_("right"), null=True, blank=True)
    updated_at = models.DateTimeField(_("saved"), null=True, blank=True)
    # Essays: the trainer who graded the answer, when, and what they wrote to the learner.
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("graded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    graded_at = models.DateTimeField(_("graded"), null=True, blank=True)
    grader_comment = models.TextField(_("comment from the grader"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="assessments_answer_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["question", "is_correct"], name="assessments_ans_q_correct"),
            # The essay grading queue: answers a trainer has still to grade.
            models.Index(
                fields=["attempt"],
                condition=Q(graded_at__isnull=True, points__isnull=True),
                name="assessments_ans_ungraded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} · {self.question_id}"

    @property
    def is_answered(self) -> bool:
        return bool(self.response_key)
