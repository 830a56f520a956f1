"""The public catalogue: tracks, and courses with their lessons, in Thai and English."""

from django.http import Http404, HttpRequest

from wagtail.models import Page

from ninja import Router
from ninja.pagination import paginate

from curricula.catalogue import live_tracks
from curricula.models import CoursePage, LessonPage, Track, TrackPage
from curricula.selectors import default_locale
from lms.core.numbers import id_parse

from ..auth import PUBLIC, PUBLIC_SECURITY
from ..pagination import Listing, Pages
from ..problems import responses
from ..schemas import CourseOut, TrackOut
from ..translations import english as _english

router = Router(tags=["catalogue"], auth=PUBLIC)


def _courses() -> "object":
    """Live, public courses in the site's language (the ones learner records point at)."""
    return CoursePage.objects.live().public().filter(locale=default_locale()).order_by("path")


def _course_items(request: HttpRequest, courses: list[CoursePage]) -> list[dict]:
    """Courses with their live lessons, track and English text (a fixed number of queries)."""
    if not courses:
        return []
    lessons_by_parent: dict[str, list[LessonPage]] = {}
    condition = None
    for course in courses:
        part = LessonPage.objects.filter(path__startswith=course.path, depth=course.depth + 1)
        condition = part if condition is None else condition | part
    for lesson in condition.live().order_by("path"):
        lessons_by_parent.setdefault(lesson.path[: -Page.steplen], []).append(lesson)
    tracks = list(live_tracks(default_locale()))
    english = {
        **_english(courses, CoursePage),
        **_english([x for ls in lessons_by_parent.values() for x in ls], LessonPage),
    }
    items = []
    for course in courses:
        en = english.get(course.translation_key)
        track = next((t.track for t in tracks if course.path.startswith(t.path)), None)
        items.append(
            {
                "id": course.pk,
                "slug": course.slug,
                "url": course.get_url(request=request) or "",
                "track": track,
                "title": course.title,
                "title_en": en.title if en else None,
                "summary": course.summary,
                "summary_en": en.summary if en else None,
                "level": course.level,
                "estimated_hours": (
                    float(course.estimated_hours) if course.estimated_hours is not None else None
                ),
                "sequential": course.sequential,
                "lessons": [
                    {
                        "id": lesson.pk,
                        "slug": lesson.slug,
                        "title": lesson.title,
                        "title_en": (
                            english[lesson.translation_key].title
                            if lesson.translation_key in english
                            else None
                        ),
                        "estimated_minutes": lesson.estimated_minutes,
                        "is_optional": lesson.is_optional,
                    }
                    for lesson in lessons_by_parent.get(course.path, [])
                ],
            }
        )
    return items


@router.get(
    "/tracks",
    response=responses({200: list[TrackOut]}),
    openapi_extra=PUBLIC_SECURITY,
    summary="Tracks",
)
@paginate(Pages)
def list_tracks(request: HttpRequest):
    def items(tracks):
        english = _english(tracks, TrackPage)
        return [
            {
                "id": t.pk,
                "slug": t.slug,
                "track": t.track,
                "title": t.title,
                "title_en": english[t.translation_key].title
                if t.translation_key in english
                else None,
                "summary": t.summary,
                "summary_en": (
                    english[t.translation_key].summary if t.translation_key in english else None
                ),
            }
            for t in tracks
        ]

    return Listing(live_tracks(default_locale()).order_by("path"), items)


@router.get(
    "/courses",
    response=responses({200: list[CourseOut]}),
    openapi_extra=PUBLIC_SECURITY,
    summary="Courses with their lessons",
)
@paginate(Pages)
def list_courses(request: HttpRequest, track: Track | None = None):
    courses = _courses()
    if track is not None:
        track_page = live_tracks(default_locale()).filter(track=track).first()
        courses = courses.descendant_of(track_page) if track_page else courses.none()
    return Listing(courses, lambda rows: _course_items(request, rows))


@router.get(
    "/courses/{ref}",
    response=responses({200: CourseOut}),
    openapi_extra=PUBLIC_SECURITY,
    summary="One course, by id or slug",
)
def get_course(request: HttpRequest, ref: str):
    course_id = id_parse(ref)
    lookup = {"pk": course_id} if course_id is not None else {"slug": ref[:255]}
    course = _courses().filter(**lookup).first()
    if course is None:
        raise Http404
    return _course_items(request, [course])[0]
