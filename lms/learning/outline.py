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
