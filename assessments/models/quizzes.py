"""Quizzes: which questions, for which lesson or course, under which rules."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index

from .questions import Question, QuestionBank

# Words with which a title already says it is a quiz ("แบบทดสอบท้ายบท: ...", "Final test"):
# such a title is shown without a "Quiz:" label in front of it.
QUIZ_WORDS = re.compile(r"แบบทดสอบ|ข้อสอบ|การสอบ|ทดสอบ|\b(?:quiz|test|exam)", re.IGNORECASE)


OFFLINE_NEEDS_NO_TIME_LIMIT = _(
    "A quiz with a time limit cannot be answered offline: remove the time limit or turn "
    "offline answering off."
)


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Highest attempt")
    LAST = "last", _("Last attempt")


class RevealAnswers(models.TextChoices):
    NEVER = "never", pgettext_lazy("show answers", "Never")
    AFTER_EACH_ATTEMPT = "after_attempt", _("After each attempt")
    AFTER_PASSING = "after_passing", _("After passing")
    AFTER_LAST_ATTEMPT = "after_last_attempt", _("After the last attempt")


class QuizQuerySet(models.QuerySet):
    def live(self):
        return self.filter(is_live=True)


class Quiz(index.Indexed, ClusterableModel):
    """A quiz that decides a lesson, or the final assessment of a course (never both)."""

    title = models.CharField(_("title"), max_length=255)
    intro = models.TextField(
        _("instructions"), blank=True, help_text=_("Shown to learners before they start.")
    )
    lesson = models.ForeignKey(
        "curricula.LessonPage",
        verbose_name=_("lesson"),
        null=True,
        blank=True,
        # Learner records hang off quizzes: a lesson with a quiz is unpublished, never deleted.
        on_delete=models.PROTECT,
        related_name="quizzes",
        help_text=_("Passing the quiz completes this lesson."),
    )
    course = models.ForeignKey(
        "curricula.CoursePage",
        verbose_name=_("final assessment of course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="final_quizzes",
        help_text=_("Or: the course cannot be completed before this quiz is passed."),
    )
    is_live = models.BooleanField(
        _("open to learners"),
        default=False,
        help_text=_("Leave off while you are still writing the quiz."),
    )
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Leave empty for no limit."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("Leave empty for no limit. The time is kept on the server."),
    )
    grading_method = models.CharField(
        _("which attempt counts"),
        max_length=10,
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
    )
    reveal_answers = models.CharField(
        _("show right answers and feedback"),
        max_length=20,
        choices=RevealAnswers.choices,
        default=RevealAnswers.AFTER_PASSING,
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("Attempts still open at this time are graded with the answers saved so far."),
    )
    available_offline = models.BooleanField(
        _("can be answered offline"),
        default=False,
        help_text=_(
            "Learners who downloaded the course may answer this quiz without a connection; "
            "the answers are graded when they reach the server. Only for a quiz without a "
            "time limit."
        ),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=True)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = QuizQuerySet.as_manager()

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        permissions = [
            ("view_quiz_results", "Can view quiz results"),
            ("grade_essays", _("Can grade essay answers")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(lesson__isnull=False) & Q(course__isnull=True))
                | (Q(lesson__isnull=True) & Q(course__isnull=False)),
                name="assessments_quiz_lesson_xor_course",
            ),
            models.UniqueConstraint(
                fields=["lesson"],
                condition=Q(lesson__isnull=False),
                name="assessments_quiz_one_per_lesson",
            ),
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(course__isnull=False),
                name="assessments_quiz_one_final_per_course",
            ),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="assessments_quiz_closes_after_opens",
            ),
            # The device may send the answers hours later: only an untimed quiz can wait.
            models.CheckConstraint(
                condition=Q(available_offline=False) | Q(time_limit_minutes__isnull=True),
                name="assessments_quiz_offline_untimed",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_final(self) -> bool:
        return self.course_id is not None

    @property
    def title_names_a_quiz(self) -> bool:
        """The title already says it is a quiz, so no label goes in front of it."""
        return bool(QUIZ_WORDS.search(self.title or ""))

    def clean(self):
        super().clean()
        errors = {}
        if bool(self.lesson_id) == bool(self.course_id):
            errors["lesson"] = _(
                "Choose either the lesson this quiz belongs to or the course it is the final "
                "assessment of (one of the two)."
            )
        for field in ("lesson", "course"):
            page = getattr(self, field) if getattr(self, f"{field}_id") else None
            if page is not None and page.locale.language_code != settings.LANGUAGE_CODE:
                errors[field] = _(
                    "Choose the Thai version of the page; learners of every language take the "
                    "same quiz."
                )
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The quiz must close after it opens.")
        if self.available_offline and self.time_limit_minutes:
            errors["available_offline"] = OFFLINE_NEEDS_NO_TIME_LIMIT
        if errors:
            raise ValidationError(errors)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if not self.is_live:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)


class QuizQuestion(Orderable):
    """A question every attempt of the quiz gets."""

    quiz = ParentalKey(Quiz, related_name="items", on_delete=models.CASCADE)
    question = models.ForeignKey(
        Question,
        verbose_name=_("question"),
        on_delete=models.PROTECT,
        related_name="quiz_items",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="assessments_quizq_unique")
        ]


class QuizDraw(Orderable):
    """N questions drawn at random, per attempt, from a bank or from a skill tag."""

    quiz = ParentalKey(Quiz, related_name="draws", on_delete=models.CASCADE)
    bank = models.ForeignKey(
        QuestionBank,
        verbose_name=_("from question bank"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="draws",
    )
    tag = models.ForeignKey(
        "curricula.SkillTag",
        verbose_name=_("or from questions tagged"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quiz_draws",
    )
    include_inner_banks = models.BooleanField(
        _("also from the banks inside it"),
        default=True,
        help_text=_("Imported Moodle categories become banks inside the bank you imported into."),
    )
    count = models.PositiveSmallIntegerField(
        _("number of questions"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )

    class Meta(Orderable.Meta):
        verbose_name = _("random questions")
        verbose_name_plural = _("random questions")
        constraints = [
            models.CheckConstraint(
                condition=(Q(bank__isnull=False) & Q(tag__isnull=True))
                | (Q(bank__isnull=True) & Q(tag__isnull=False)),
                name="assessments_draw_bank_xor_tag",
            ),
        ]

    def clean(self):
        super().clean()
        if bool(self.bank_id) == bool(self.tag_id):
            raise ValidationError(
                {"bank": _("Choose a question bank or a skill tag to draw from (one of the two).")}
            )
