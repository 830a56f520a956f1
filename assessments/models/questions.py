"""Questions as trainers write them: a prompt, the ways to answer and what counts as right.

Relational rather than StreamField so that grading and item analysis can query
choices, pairs and accepted answers. A question can live in a bank and be drawn
into many quizzes.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

# No page links: each one costs a query when rendered, and a quiz page must cost the
# same for 5 questions and for 50.
PROMPT_FEATURES = ["bold", "italic", "ol", "ul", "superscript", "subscript"]


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
    SHORT_TEXT = "short_text", _("Short text answer")
    NUMERIC = "numeric", _("Number")
    MATCHING = "matching", _("Matching pairs")
    ESSAY = "essay", _("Essay (graded by a trainer)")
    DESCRIPTION = "description", _("Description (no answer)")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
# Graded by a person, after the attempt is submitted.
MANUAL_KINDS = (QuestionKind.ESSAY,)
# Shown between questions; no answer, no points.
UNANSWERED_KINDS = (QuestionKind.DESCRIPTION,)
WEIGHT_VALIDATORS = [MinValueValidator(-100), MaxValueValidator(100)]
POSITIVE_WEIGHT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


def weight_field(*, default=None, positive=False, help_text=""):
    """A share of the question's marks in percent, as Moodle's answer "grade" (-100…100)."""
    return models.DecimalField(
        _("mark (%)"),
        max_digits=8,
        decimal_places=5,
        null=default is None,
        blank=default is None,
        default=default,
        validators=POSITIVE_WEIGHT_VALIDATORS if positive else WEIGHT_VALIDATORS,
        help_text=help_text,
    )


class MultipleScoring(models.TextChoices):
    ALL_OR_NOTHING = "all", _("All or nothing")
    PARTIAL = "partial", _("Partial credit")


class QuestionBank(models.Model):
    """A shared pool of questions that quizzes can draw from at random."""

    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("inside bank"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a top-level bank. Moodle's categories become nested banks."),
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        constraints = [
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(parent__isnull=True),
                name="assessments_bank_top_name_unique",
            ),
            models.UniqueConstraint(
                fields=["parent", "name"], name="assessments_bank_child_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def with_inner_ids(self) -> list[int]:
        """This bank's id and the ids of every bank inside it (one query per level)."""
        found, level = [self.pk], [self.pk]
        while level:
            level = [
                pk
                for pk in QuestionBank.objects.filter(parent_id__in=level).values_list(
                    "pk", flat=True
                )
                if pk not in found
            ]
            found += level
        return found

    def path_names(self) -> list[str]:
        """Names from the top-level bank down to this one (one query per level)."""
        names, bank, seen = [], self, set()
        while bank is not None and bank.pk not in seen:
            seen.add(bank.pk)
            names.append(bank.name)
            bank = bank.parent
        return names[::-1]


class QuestionTag(ItemBase):
    tag = models.ForeignKey(
        "curricula.SkillTag", related_name="question_items", on_delete=models.CASCADE
    )
    content_object = ParentalKey(
        "assessments.Question", related_name="tagged_items", on_delete=models.CASCADE
    )


class Question(index.Indexed, ClusterableModel):
    bank = models.ForeignKey(
        QuestionBank,
        verbose_name=_("question bank"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        help_text=_("Put the question in a bank to let quizzes draw it at random."),
    )
    title = models.CharField(
        _("short name"),
        max_length=255,
        blank=True,
        help_text=_(
            "Shown only to trainers, in lists. Leave empty to use the start of the question."
        ),
    )
    kind = models.CharField(
        _("question type"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    prompt = RichTextField(_("question"), features=PROMPT_FEATURES)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",  # images need no reverse accessor to the questions using them
    )
    image_alt = models.CharField(
        _("picture description"),
        max_length=255,
        blank=True,
        help_text=_("What the picture shows, for learners who cannot see it."),
    )
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    scoring = models.CharField(
        _("scoring of multiple choice"),
        max_length=10,
        choices=MultipleScoring.choices,
        default=MultipleScoring.ALL_OR_NOTHING,
        help_text=_(
            "Partial credit: the marks (%) of the chosen choices add up, never below zero; "
            "without marks, each right choice earns its share and each wrong choice takes one "
            "share away."
        ),
    )
    correct_answer_true = models.BooleanField(
        _("the statement is true"),
        null=True,
        blank=True,
        help_text=_("For true-or-false questions."),
    )
    feedback_correct = models.TextField(_("feedback for a right answer"), blank=True)
    feedback_incorrect = models.TextField(_("feedback for a wrong answer"), blank=True)
    general_feedback = RichTextField(
        _("general feedback"),
        features=PROMPT_FEATURES,
        blank=True,
        help_text=_(
            "Shown with the answers after the attempt, whatever the learner answered "
            "(when the quiz's rules show answers)."
        ),
    )
    grader_info = models.TextField(
        _("notes for the grader"),
        blank=True,
        help_text=_("Essays: what a good answer contains. Only trainers who grade see it."),
    )
    tags = ClusterTaggableManager(
        through=QuestionTag, blank=True, verbose_name=_("skill tags"), help_text=None
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    search_fields = [
        index.SearchField("title"),
        index.SearchField("prompt"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("bank"),
    ]

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        indexes = [models.Index(fields=["bank", "kind"], name="assessments_q_bank_kind")]

    def __str__(self) -> str:
        return self.title or self.prompt_excerpt

    @property
    def is_manual(self) -> bool:
        return self.kind in MANUAL_KINDS

    @property
    def is_description(self) -> bool:
        return self.kind in UNANSWERED_KINDS

    @property
    def prompt_excerpt(self) -> str:
        return Truncator(strip_tags(self.prompt or "").strip()).chars(80) or "—"


class Choice(Orderable):
    question = ParentalKey(Question, related_name="choices", on_delete=models.CASCADE)
    text = models.CharField(_("choice"), max_length=500)
    is_correct = models.BooleanField(_("right answer"), default=False)
    weight = weight_field(
        help_text=_(
            "Optional, as in Moodle: the share of the marks this choice earns (100, 50, 0) or "
            "takes away (-50). Leave empty to use “right answer”."
        )
    )
    feedback = models.CharField(_("feedback when chosen"), max_length=500, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        # A weighted choice is right when it earns marks: one truth for lists and reports.
        if self.weight is not None:
            self.is_correct = self.weight > 0
        super().save(*args, **kwargs)


class AcceptedAnswer(Orderable):
    question = ParentalKey(Question, related_name="accepted_answers", on_delete=models.CASCADE)
    text = models.CharField(
        _("accepted answer"),
        max_length=200,
        help_text=_(
            "Matched ignoring case, spaces, Thai or Arabic digits and Thai typing order. "
            "* stands for any text; * alone accepts every other answer."
        ),
    )
    weight = weight_field(default=100, positive=True)
    feedback = models.CharField(_("feedback for this answer"), max_length=500, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("accepted answer")
        verbose_name_plural = _("accepted answers")

    def __str__(self) -> str:
        return self.text


class NumericAnswer(Orderable):
    """A number that earns marks, within a tolerance; the first one that matches counts."""

    question = ParentalKey(Question, related_name="numeric_answers", on_delete=models.CASCADE)
    value = models.DecimalField(
        _("number"),
        max_digits=15,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Leave empty to match every other number (for feedback on wrong answers)."),
    )
    tolerance = models.DecimalField(
        _("accepted difference"),
        max_digits=15,
        decimal_places=4,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Answers this far from the number still match."),
    )
    weight = weight_field(default=100, positive=True)
    feedback = models.CharField(_("feedback for this answer"), max_length=500, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("number answer")
        verbose_name_plural = _("number answers")

    def __str__(self) -> str:
        if self.value is None:
            return "*"
        return f"{self.value.normalize():f} ± {self.tolerance.normalize():f}"


class MatchingPair(Orderable):
    question = ParentalKey(Question, related_name="pairs", on_delete=models.CASCADE)
    prompt = models.CharField(
        _("item"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to add an extra, wrong answer to choose from."),
    )
    answer = models.CharField(_("matches"), max_length=300)

    class Meta(Orderable.Meta):
        verbose_name = _("matching pair")
        verbose_name_plural = _("matching pairs")

    def __str__(self) -> str:
        return f"{self.prompt} → {self.answer}"
