"""English versions of pages, for the `_en` fields of the answers."""

from django.conf import settings

from wagtail.models import Page

from curricula.models import CoursePage

ENGLISH = "en"


def english(pages: list[Page], model: type[Page] | None = None) -> dict[str, Page]:
    """Live English translations of `pages` (all of one type) by translation key: one query."""
    if not pages or settings.LANGUAGE_CODE == ENGLISH:
        return {}
    model = model or type(pages[0])
    found = model.objects.live().filter(
        translation_key__in=[p.translation_key for p in pages],
        locale__language_code=ENGLISH,
    )
    return {page.translation_key: page for page in found}


def course_refs(courses: list[Page]) -> dict[int, dict]:
    """`{"id", "title", "title_en"}` for each course, by id."""
    found = english(courses, CoursePage)
    return {
        course.pk: {
            "id": course.pk,
            "title": course.title,
            "title_en": (
                found[course.translation_key].title if course.translation_key in found else None
            ),
        }
        for course in courses
    }
