"""The curriculum tree that trainers author in Wagtail.

HomePage → TrackPage → CoursePage → LessonPage
                     ↘ ActivityPage (early-childhood track only)
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lms.core.collation import thai_order
from lms.core.slugs import slug_clean_typed, slug_for_page
from lms.core.text import slugify_unicode

from .blocks import RICH_TEXT_FEATURES, ActivityStepsBlock, LessonBodyBlock
from .choices import Level, Track
from .extensions import (
    COURSE_PAGE_CONTEXT,
    COURSE_PAGE_PANELS,
    LESSON_PAGE_CONTEXT,
    LESSON_PAGE_PANELS,
    page_context,
)
from .forms import CoursePageForm, CurriculumCopyForm, CurriculumPageForm
from .routing import route_in_one_query


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
    # Wagtail's copy view asks the page class for its form: the new slug follows the new title.
    copy_form_class = CurriculumCopyForm

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

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "featured_courses",
            heading=_("Featured courses"),
            label=_("featured course"),
            max_num=6,
            help_text=_(
                "Up to six courses shown first on the home page, in this order. New courses "
                "are shown after them by themselves."
            ),
        ),
    ]
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
        from .catalogue import home_courses

        context = super().get_context(request, *args, **kwargs)
        context["tracks"] = TrackPage.objects.child_of(self).live().public().specific()
        context.update(home_courses(home=self, user=request.user))
        return context


class HomeFeaturedCourse(Orderable):
    """A course national admins put first on the home page."""

    home = ParentalKey(HomePage, related_name="featured_courses", on_delete=models.CASCADE)
    course = models.ForeignKey(
        "curricula.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured course")
        verbose_name_plural = _("featured courses")


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


# The course review's and the search index's tables live in their own modules; imported
# here so that Django finds them.
from .review_models import CourseReviewLesson, CourseReviewTask  # noqa: E402, F401
from .search_models import (  # noqa: E402, F401
    SearchEntry,
    SearchIndexState,
    SearchPosting,
    SearchSynonym,
    SearchTerm,
)
