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
from django.db import transaction

from curricula.models import CoursePage, LessonPage
from curricula.selectors import canonical_page

from .requirements import LessonRequirement, lesson_requirements

VERSION_KEY = "learning:outline:version"
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


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _replace_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def outlines_changed(**_signal) -> None:
    """Forget every cached outline (a signal receiver).

    Now, for this transaction's own later reads, and again once it commits: another
    process may have cached the old outline in between.
    """
    _replace_version()
    transaction.on_commit(_replace_version)


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
    key = f"learning:outline:{_version()}:{course.pk}"
    outline = cache.get(key)
    if outline is None:
        outline = _build(course)
        cache.set(key, outline, TIMEOUT)
    return outline
