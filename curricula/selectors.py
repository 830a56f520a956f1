"""Reads over the curriculum tree shared by the learner, assessment and report code."""

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import Substr

from wagtail.models import Locale, Page

from .models import CoursePage, LessonPage


def default_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def canonical_page(page: Page) -> Page:
    """The version of a page in the site's default language, where learner records point.

    A course read in English records progress against its Thai original, so
    switching language never loses progress. A page without a Thai version is
    its own canonical page.
    """
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    original = page.specific_class.objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    return original or page


def course_lessons(course: CoursePage):
    """Live lessons of a course in teaching order (the order of the page tree)."""
    return LessonPage.objects.child_of(course).live().order_by("path")


def required_lesson_counts(courses: list[CoursePage]) -> dict[int, int]:
    """Number of live, required lessons per course, in one query for any number of courses."""
    if not courses:
        return {}
    by_path = {course.path: course.pk for course in courses}
    depths = {course.depth for course in courses}
    counts: dict[int, int] = dict.fromkeys(by_path.values(), 0)
    for depth in depths:
        prefix_length = depth * Page.steplen
        rows = (
            LessonPage.objects.live()
            .filter(depth=depth + 1, is_optional=False)
            .annotate(parent_path=Substr("path", 1, prefix_length))
            .filter(parent_path__in=[p for p, _pk in by_path.items() if len(p) == prefix_length])
            .order_by()  # no ordering, or the path would join the GROUP BY
            .values("parent_path")
            .annotate(n=Count("id"))
        )
        for row in rows:
            counts[by_path[row["parent_path"]]] = row["n"]
    return counts
