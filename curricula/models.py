"""The curriculum tree that trainers author in Wagtail.

HomePage → TrackPage → CoursePage → LessonPage
                     ↘ ActivityPage (early-childhood track only)
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState
from wagtail.search import index

from lms.core.collation import thai_order
from lms.core.slugs import slug_clean_typed, slug_for_page
from lms.core.text import slugify_unicode

from .blocks import RICH_TEXT_FEATURES, ActivityStepsBlock, LessonBodyBlock
from .extensions import (
    COURSE_PAGE_CONTEXT,
    COURSE_PAGE_PANELS,
    LESSON_PAGE_CONTEXT,
    LESSON_PAGE_PANELS,
    page_context,
)
from .forms import CoursePageForm, CurriculumPageForm, ReviewCommentForm
from .routing import route_in_one_query


class Track(models.TextChoices):
    YOUTH = "youth", _("Youth")
    EARLY_CHILDHOOD = "early_childhood", _("Early childhood")
    WORKFORCE = "workforce", _("Digital workforce")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


def lines(text: str) -> list[str]:
    """Authors write lists (materials, outcomes) one item per line."""
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class SkillTag(TagBase):
    """One vocabulary of skills shared by courses and activity plans."""

    # Thai keeps its vowel and tone marks in the slug (taggit's default drops them),
    # and a plain CharField so that such slugs pass validation.
    slug = models.CharField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("skill tag")
        verbose_name_plural = _("skill tags")
        ordering = [thai_order("name")]

    def slugify(self, tag, i=None):
        slug = slugify_unicode(tag) or "tag"
        return f"{slug}-{i}" if i is not None else slug


class TreeRulesMixin:
    """Rules every curriculum page follows wherever it is saved, not only in the admin UI."""

    base_form_class = CurriculumPageForm

    def full_clean(self, *args, **kwargs):
        # Wagtail fills a missing slug here with Django's slugify, which drops every Thai
        # letter. Pages created in code (demo data, imports, copies) get the same slug the
        # admin would give them instead: a given slug made good, or one made from the title.
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if parent_is_known and self.title:
            slug = slug_clean_typed(self.slug)
            if not slug:
                slug = slug_for_page(title=self.title, parent=self.get_parent(), page=self)
            self.slug = slug
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.path else None
        if parent is not None and parent.depth > 1 and not self.can_exist_under(parent):
            raise ValidationError(
                _("A %(type)s cannot be placed under “%(parent)s”.")
                % {"type": self._meta.verbose_name, "parent": parent.title}
            )


class HomePage(TreeRulesMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["curricula.TrackPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        # Every request for a page of the site starts here.
        if not path_components:
            return super().route(request, path_components)
        return route_in_one_query(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tracks"] = TrackPage.objects.child_of(self).live().public().specific()
        return context


class TrackPage(TreeRulesMixin, Page):
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    summary = models.CharField(_("summary"), max_length=300, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("track"),
        FieldPanel("summary"),
        FieldPanel("intro"),
    ]
    parent_page_types = ["curricula.HomePage"]
    subpage_types = ["curricula.CoursePage", "curricula.ActivityPage"]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("intro")]

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.child_of(self).live().public().select_related("cover_image")
        )
        context["activities"] = (
            ActivityPage.objects.child_of(self).live().public().select_related("cover_image")
        )
        context["ages"] = [3, 4, 5, 6]
        return context


class CourseTag(ItemBase):
    tag = models.ForeignKey(SkillTag, related_name="course_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "curricula.CoursePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ActivityTag(ItemBase):
    tag = models.ForeignKey(SkillTag, related_name="activity_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "curricula.ActivityPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class CoursePage(TreeRulesMixin, Page):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in the catalogue.")
    )
    description = RichTextField(_("about this course"), blank=True, features=RICH_TEXT_FEATURES)
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.BEGINNER
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(999)],
        default=1,
    )
    learning_outcomes = models.TextField(
        _("learning outcomes"), blank=True, help_text=_("One outcome per line.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",  # images need no reverse accessor to the courses using them
    )
    tags = ClusterTaggableManager(
        through=CourseTag, blank=True, verbose_name=_("skill tags"), help_text=None
    )
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        verbose_name=_("courses to complete first"),
    )
    sequential = models.BooleanField(
        _("lessons open in order"),
        default=False,
        help_text=_("A lesson opens only when the one before it is done."),
    )
    enrolment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "For blended courses: the share of class sessions a learner must attend to complete."
        ),
    )
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the default template."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("estimated_hours")]),
        FieldPanel("learning_outcomes"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("prerequisites"),
                FieldPanel("sequential"),
                FieldRowPanel(
                    [FieldPanel("enrolment_opens_at"), FieldPanel("enrolment_closes_at")]
                ),
            ],
            heading=_("Enrolment and order"),
        ),
    ]
    base_form_class = CoursePageForm
    parent_page_types = ["curricula.TrackPage"]
    subpage_types = ["curricula.LessonPage"]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("learning_outcomes"),
        index.FilterField("level"),
    ]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def outcomes(self) -> list[str]:
        return lines(self.learning_outcomes)

    @property
    def track_page(self) -> "TrackPage | None":
        parent = self.get_parent()
        return parent.specific if parent else None

    def clean(self):
        super().clean()
        if (
            self.enrolment_opens_at
            and self.enrolment_closes_at
            and self.enrolment_closes_at <= self.enrolment_opens_at
        ):
            raise ValidationError(
                {"enrolment_closes_at": _("Enrolment must close after it opens.")}
            )

    def lessons(self):
        return LessonPage.objects.child_of(self).live()

    def get_context(self, request, *args, **kwargs):
        return page_context(
            context_hook=COURSE_PAGE_CONTEXT,
            panels_hook=COURSE_PAGE_PANELS,
            request=request,
            page=self,
            context=super().get_context(request, *args, **kwargs),
        )


class LessonPage(TreeRulesMixin, Page):
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    is_optional = models.BooleanField(
        _("optional"),
        default=False,
        help_text=_("Optional lessons do not count towards completing the course."),
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson content"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("is_optional")]),
        FieldPanel("body"),
    ]
    parent_page_types = ["curricula.CoursePage"]
    subpage_types: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_context(self, request, *args, **kwargs):
        return page_context(
            context_hook=LESSON_PAGE_CONTEXT,
            panels_hook=LESSON_PAGE_PANELS,
            request=request,
            page=self,
            context=super().get_context(request, *args, **kwargs),
        )


class ActivityPage(TreeRulesMixin, Page):
    """An in-person activity plan for children aged 3–6, run by a facilitator."""

    summary = models.CharField(_("summary"), max_length=300)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    age_min = models.PositiveSmallIntegerField(
        _("youngest age"), default=3, validators=[MinValueValidator(2), MaxValueValidator(8)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("oldest age"), default=5, validators=[MinValueValidator(2), MaxValueValidator(8)]
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    group_size_min = models.PositiveSmallIntegerField(_("smallest group"), default=1)
    group_size_max = models.PositiveSmallIntegerField(_("largest group"), default=10)
    materials = models.TextField(_("materials"), blank=True, help_text=_("One item per line."))
    learning_goals = models.TextField(
        _("learning goals"), blank=True, help_text=_("One goal per line.")
    )
    steps = StreamField(ActivityStepsBlock(), verbose_name=_("steps"), blank=True)
    safety_notes = models.TextField(_("safety notes"), blank=True)
    parent_tips = models.TextField(_("tips for parents"), blank=True)
    tags = ClusterTaggableManager(
        through=ActivityTag, blank=True, verbose_name=_("skill tags"), help_text=None
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldRowPanel([FieldPanel("group_size_min"), FieldPanel("group_size_max")]),
                FieldPanel("duration_minutes"),
            ],
            heading=_("Who and how long"),
        ),
        FieldPanel("materials"),
        FieldPanel("learning_goals"),
        FieldPanel("steps"),
        FieldPanel("safety_notes"),
        FieldPanel("parent_tips"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["curricula.TrackPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("materials"),
        index.SearchField("learning_goals"),
        index.SearchField("steps"),
    ]

    class Meta:
        verbose_name = _("activity plan")
        verbose_name_plural = _("activity plans")

    @classmethod
    def can_exist_under(cls, parent):
        return super().can_exist_under(parent) and parent.specific.track == Track.EARLY_CHILDHOOD

    def clean(self):
        super().clean()
        errors = {}
        if self.age_max < self.age_min:
            errors["age_max"] = _("The oldest age cannot be below the youngest.")
        if self.group_size_max < self.group_size_min:
            errors["group_size_max"] = _("The largest group cannot be smaller than the smallest.")
        if errors:
            raise ValidationError(errors)

    @property
    def material_list(self) -> list[str]:
        return lines(self.materials)

    @property
    def goal_list(self) -> list[str]:
        return lines(self.learning_goals)


class SearchEntry(models.Model):
    """Thai-aware search index: one row per live course, lesson and activity plan.

    Thai is written without spaces, so text is split into words with PyThaiNLP
    when a page is published (curricula.search) and stored as " word word ",
    with one SearchPosting per word for ranking. `text` is the page's plain text,
    from which result snippets are cut.
    """

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        LESSON = "lesson", _("Lesson")
        ACTIVITY = "activity", _("Activity plan")

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    track = models.CharField(max_length=20, choices=Track.choices)
    title_tokens = models.TextField()
    tokens = models.TextField()
    text = models.TextField(blank=True, default="")
    length = models.PositiveIntegerField(default=0, help_text="Number of words in the page.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "kind"], name="curricula_search_locale_kind")]

    def __str__(self) -> str:
        return f"{self.kind} {self.page_id}"


class CourseReviewTask(GroupApprovalTask):
    """The review step of the curriculum workflow: a group approves a page, and for a
    course the same decision covers the lessons sent along with it.

    Submitting a course starts (or resumes) the review of each of its lessons with
    unpublished changes and links them to the course's review; approving or requesting
    changes on the course then does the same to those lessons. The work is done by the
    services in curricula.review; a lesson can still be reviewed on its own.
    """

    class Meta:
        verbose_name = _("course review task")
        verbose_name_plural = _("course review tasks")

    @staticmethod
    def _is_course(obj) -> bool:
        return issubclass(getattr(obj, "specific_class", None) or type(obj), CoursePage)

    def start(self, workflow_state, user=None):
        from .review import course_review_lessons_include

        task_state = super().start(workflow_state, user=user)
        if self._is_course(workflow_state.content_object):
            course_review_lessons_include(course_review=workflow_state, user=user)
        return task_state

    def on_action(self, task_state, user, action_name, **kwargs):
        from .review import course_review_decide

        if action_name in ("approve", "reject") and self._is_course(
            task_state.workflow_state.content_object
        ):
            course_review_decide(
                task_state=task_state,
                user=user,
                action=action_name,
                comment=kwargs.get("comment", ""),
            )
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self._is_course(obj):
            # The reviewer decides for the whole course from a dialog that lists every
            # lesson, quiz and assignment in the change, so both decisions open it.
            return [
                ("reject", _("Request changes to the course"), True),
                ("approve", _("Approve the whole course"), True),
            ]
        return actions

    def get_form_for_action(self, action):
        return ReviewCommentForm

    def get_template_for_action(self, action):
        if action in ("approve", "reject"):
            return "curricula/admin/course_review_action.html"
        return super().get_template_for_action(action)


class CourseReviewLesson(models.Model):
    """A lesson's review that its course's review decides."""

    course_review = models.ForeignKey(
        WorkflowState, on_delete=models.CASCADE, related_name="course_review_lessons"
    )
    lesson_review = models.ForeignKey(WorkflowState, on_delete=models.CASCADE, related_name="+")
    # The lesson's review step that submitting the course started or resumed; empty when
    # the trainer had already sent the lesson on its own and it was linked as it was.
    # Cancelling the course's review cancels only lessons still on this step, so a lesson
    # sent on its own (before, or again in the meantime) keeps its review.
    started_task_state = models.ForeignKey(
        TaskState, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("lesson in a course review")
        verbose_name_plural = _("lessons in a course review")
        constraints = [
            models.UniqueConstraint(
                fields=["course_review", "lesson_review"], name="curricula_course_review_lesson"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course_review_id} → {self.lesson_review_id}"


class SearchPosting(models.Model):
    """One word of one indexed page, with how often it occurs: what ranking reads.

    A query word is looked up here (and its spelling variants and synonyms), so
    the database returns only the pages that contain one of them.
    """

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="postings")
    term = models.CharField(max_length=100)
    title_count = models.PositiveSmallIntegerField(default=0)
    body_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [
            models.UniqueConstraint(fields=["term", "entry"], name="curricula_posting_term_entry")
        ]

    def __str__(self) -> str:
        return f"{self.term} @ {self.entry_id}"


class SearchTerm(models.Model):
    """One indexed word of one language and how many pages hold it: the search vocabulary.

    Kept up to date as pages are indexed, so that a process reads only the words
    changed since it last looked (`generation`) instead of counting every posting
    again after each publish.
    """

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=100)
    # Zero once no page holds the word: the row stays so that readers learn it went.
    pages = models.PositiveIntegerField(default=0)
    generation = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("search vocabulary word")
        verbose_name_plural = _("search vocabulary words")
        constraints = [
            models.UniqueConstraint(fields=["locale", "term"], name="curricula_term_locale_term")
        ]
        indexes = [models.Index(fields=["locale", "generation"], name="curricula_term_generation")]

    def __str__(self) -> str:
        return f"{self.term} ({self.pages})"


class SearchIndexState(models.Model):
    """The search index's change counter (a single row).

    Every change to the index takes the next generation while holding this row's
    lock, so changes are numbered in the order they commit and a reader that has
    seen generation G has seen every change up to G.
    """

    generation = models.BigIntegerField(default=0)
    # The indexing code's format when the index was last rebuilt: an upgrade that
    # changes how pages are indexed rebuilds the index after migrating.
    format = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search index state")
        verbose_name_plural = _("search index state")

    def __str__(self) -> str:
        return f"generation {self.generation}"


class SearchSynonym(models.Model):
    """Words that mean the same to a searcher, kept by national admins.

    Searching for any word of a group also finds pages that use the others:
    ของ and สินค้า, มือถือ and โทรศัพท์, Excel and สเปรดชีต.
    """

    words = models.TextField(
        verbose_name=_("words"),
        help_text=_(
            "Words that mean the same, separated by commas or new lines, "
            "for example: มือถือ, โทรศัพท์, สมาร์ตโฟน"
        ),
    )
    note = models.CharField(verbose_name=_("note"), max_length=200, blank=True)

    panels = [FieldPanel("words"), FieldPanel("note")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["id"]

    def __str__(self) -> str:
        return ", ".join(self.word_list()[:4])

    def word_list(self) -> list[str]:
        """The words of the group, stripped, in the order the admin wrote them."""
        return [word.strip() for word in re.split(r"[,\n]+", self.words) if word.strip()]

    def clean(self):
        super().clean()
        if len(self.word_list()) < 2:
            raise ValidationError({"words": _("Write at least two words that mean the same.")})
