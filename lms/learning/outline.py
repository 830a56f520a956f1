"""The lessons of a course outline, cached per course page.

Every lesson and course page shows the outline: each lesson's title, link, length,
whether it is optional and what completes it. Building it loads up to 200 lesson pages
and asks each requirement provider about them, the same for every learner; a learner's
page adds only their own progress (lms.learning.selectors.course_progress_for).

The outlines share one cache version. Anything that can change an outline replaces it,
and again once its transaction commits: a page published, unpublished, moved or deleted, a quiz
or assignment saved or deleted. With several web processes the cache must be shared
(production reads CACHE_URL, e.g. Redis), or a process would keep its old outlines
until they expire.
"""

import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from curricula.models import CoursePage, LessonPage
from curricula.selectors import canonical_page
from lms.core.cache_version import CacheVersion

from .requirements import LessonRequirement, lesson_requirements

VERSION = CacheVersion("learning:outline:version")
TIMEOUT = 24 * 60 * 60


@dataclass(frozen=True)
class OutlineLesson:
    """What the outline shows of one lesson (never its body)."""

    pk: int
    title: str
    url: str
    translation_key: uuid.UUID
    is_optional: bool
    estimated_minutes: int
    requirement: str


def outlines_changed(**_signal) -> None:
    """Forget every cached outline (a signal receiver), now and again on commit."""
    VERSION.changed()


def outlines_depend_on(*models: type[Model]) -> None:
    """Forget the outlines whenever a row of one of `models` is saved or deleted.

    An app whose rows decide what finishes a lesson (a registered lesson requirement:
    quizzes, assignments) calls this from its AppConfig.ready() with those models.
    Saves and deletes also count when scripts skip publishing.
    """
    for model in models:
        for name, signal in [("saved", post_save), ("deleted", post_delete)]:
            signal.connect(
                outlines_changed, sender=model, dispatch_uid=f"outline-{model.__name__}-{name}"
            )


def connect() -> None:
    """Called from LearningConfig.ready(): pages published, unpublished, moved, saved or
    deleted change outlines."""
    for name, signal in [
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ]:
        signal.connect(outlines_changed, dispatch_uid=f"outline-page-{name}")
    outlines_depend_on(Page, CoursePage, LessonPage)


def _build(course: CoursePage) -> list[OutlineLesson]:
    lessons = list(LessonPage.objects.child_of(course).live().defer_streamfields().order_by("path"))
    canonical = canonical_page(course)
    # Quizzes and assignments belong to the lessons in the site's language.
    owners = lessons
    if canonical.pk != course.pk:
        owners = list(
            LessonPage.objects.filter(
                translation_key__in=[lesson.translation_key for lesson in lessons],
                locale_id=canonical.locale_id,
            ).only("id", "translation_key")
        )
    kinds = lesson_requirements(owner.pk for owner in owners)
    kind_by_key = {owner.translation_key: kinds[owner.pk] for owner in owners}
    return [
        OutlineLesson(
            pk=lesson.pk,
            title=lesson.title,
            url=lesson.get_url(),
            translation_key=lesson.translation_key,
            is_optional=lesson.is_optional,
            estimated_minutes=lesson.estimated_minutes,
            requirement=kind_by_key.get(lesson.translation_key, LessonRequirement.MANUAL),
        )
        for lesson in lessons
    ]


def course_outline(course: CoursePage) -> list[OutlineLesson]:
    """The live lessons of `course` in teaching order, in the course page's language."""
    key = f"learning:outline:{VERSION.current()}:{course.pk}"
    outline = cache.get(key)
    if outline is None:
        outline = _build(course)
        cache.set(key, outline, TIMEOUT)
    return outline
