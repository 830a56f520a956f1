"""Reads for the public catalogue, search results and skill-tag pages (the views only render).

Filters arrive as the query string a learner's browser sends; anything unknown is ignored,
never an error, so a shared or half-typed link still shows a catalogue.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from lms.core.collation import thai_order
from lms.core.numbers import id_parse

from .extensions import course_badges, lesson_states
from .models import ActivityPage, CoursePage, Level, SearchEntry, SkillTag, Track, TrackPage
from .search import SearchHit, search_pages, search_suggestion

LENGTHS = {
    "short": (_("Up to 2 hours"), Decimal("0"), Decimal("2")),
    "medium": (_("2 to 6 hours"), Decimal("2.01"), Decimal("6")),
    "long": (_("More than 6 hours"), Decimal("6.01"), None),
}
AGES = [3, 4, 5, 6]


def reader_locale() -> Locale:
    """The locale of the language being read (Thai when it has no pages of its own)."""
    return Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()


def choice(value: str | None, allowed) -> str:
    return value if value in allowed else ""


@dataclass(frozen=True)
class CatalogueFilters:
    track: str = ""
    level: str = ""
    length: str = ""
    age: int | None = None
    tag: SkillTag | None = None

    @classmethod
    def from_query(cls, params) -> "CatalogueFilters":
        age = id_parse(params.get("age", ""))
        slug = params.get("tag", "")
        return cls(
            track=choice(params.get("track"), Track.values),
            level=choice(params.get("level"), Level.values),
            length=choice(params.get("length"), LENGTHS),
            age=age if age in AGES else None,
            tag=SkillTag.objects.filter(slug=slug).first() if slug else None,
        )

    def selected(self) -> dict:
        return {
            "track": self.track,
            "level": self.level,
            "length": self.length,
            "age": self.age,
            "tag": self.tag.slug if self.tag else "",
        }


def catalogue_pages(
    filters: CatalogueFilters, *, locale: Locale
) -> tuple[list[CoursePage], list[ActivityPage]]:
    """Live public courses and activity plans that match every filter, in Thai order."""
    courses = CoursePage.objects.live().public().filter(locale=locale).select_related("cover_image")
    activities = (
        ActivityPage.objects.live().public().filter(locale=locale).select_related("cover_image")
    )
    if filters.track:
        track_page = TrackPage.objects.live().filter(locale=locale, track=filters.track).first()
        courses = courses.descendant_of(track_page) if track_page else courses.none()
        if filters.track != Track.EARLY_CHILDHOOD:
            activities = activities.none()
    if filters.level:
        courses = courses.filter(level=filters.level)
        activities = activities.none()
    if filters.length:
        _label, low, high = LENGTHS[filters.length]
        courses = courses.filter(estimated_hours__gte=low)
        if high is not None:
            courses = courses.filter(estimated_hours__lte=high)
        activities = activities.none()
    if filters.tag is not None:
        courses = courses.filter(tagged_items__tag=filters.tag).distinct()
        activities = activities.filter(tagged_items__tag=filters.tag).distinct()
    if filters.age is not None:
        courses = courses.none()
        activities = activities.filter(age_min__lte=filters.age, age_max__gte=filters.age)
    return (
        list(courses.order_by(thai_order("title"))),
        list(activities.order_by("age_min", thai_order("title"))),
    )


def live_tracks(locale: Locale) -> QuerySet:
    return TrackPage.objects.live().filter(locale=locale)


def tags_in_use(locale: Locale) -> QuerySet:
    """Skill tags carried by a live course or activity plan in `locale`, in Thai order."""
    return (
        SkillTag.objects.filter(
            Q(course_items__content_object__locale=locale, course_items__content_object__live=True)
            | Q(
                activity_items__content_object__locale=locale,
                activity_items__content_object__live=True,
            )
        )
        .distinct()
        .order_by(thai_order("name"))
    )


def tag_pages(tag: SkillTag, *, locale: Locale) -> tuple[list[CoursePage], QuerySet]:
    """Every live public course and activity plan carrying `tag`, in `locale`."""
    courses = list(
        CoursePage.objects.live()
        .public()
        .filter(locale=locale, tagged_items__tag=tag)
        .select_related("cover_image")
        .distinct()
    )
    activities = (
        ActivityPage.objects.live()
        .public()
        .filter(locale=locale, tagged_items__tag=tag)
        .select_related("cover_image")
        .distinct()
    )
    return courses, activities


@dataclass
class SearchResults:
    hits: list[SearchHit]
    suggestion: str
    track_names: dict[str, str]


def search_results(*, query: str, kind: str, track: str, user) -> SearchResults:
    """Search hits in the reader's language, each with its track's name and, for the
    learner, the course's progress badge and the lesson's state."""
    locale = reader_locale()
    hits = (
        search_pages(query=query, locale=locale, kind=kind or None, track=track or None)
        if query
        else []
    )
    suggestion = search_suggestion(query=query, locale=locale) if query and not hits else ""
    courses = [hit.page for hit in hits if isinstance(hit.page, CoursePage)]
    lesson_hits = [hit for hit in hits if hit.kind == SearchEntry.Kind.LESSON]
    parents = {}
    if lesson_hits:
        parent_paths = {hit.page.path[: -hit.page.steplen] for hit in lesson_hits}
        parents = {
            course.path: course for course in CoursePage.objects.filter(path__in=parent_paths)
        }
        for hit in lesson_hits:
            hit.course = parents.get(hit.page.path[: -hit.page.steplen])
    badges = course_badges(user=user, courses=courses + list(parents.values()))
    states = lesson_states(user=user, lessons=[hit.page for hit in lesson_hits])
    track_names = {page.track: page.title for page in live_tracks(locale)}
    for hit in hits:
        hit.track_name = track_names.get(hit.track, "")
        key = hit.page.translation_key
        if hit.kind == SearchEntry.Kind.COURSE:
            hit.badge = badges.get(key)
        elif hit.kind == SearchEntry.Kind.LESSON:
            hit.state = states.get(key)
            hit.badge = (
                badges.get(hit.course.translation_key) if getattr(hit, "course", None) else None
            )
    return SearchResults(hits, suggestion, track_names)


def home_courses(*, home, user, new_limit: int = 3) -> dict:
    """The home page's courses: those national admins feature, in their order, then the
    newest others, each in the language being read, with the learner's progress badges.

    A translated home page without a list of its own shows the Thai home page's list.
    Three queries, four when the list comes from the Thai home page.
    """
    locale = reader_locale()
    source = home
    if not home.featured_courses.exists() and not home.locale.is_default:
        source = home.get_translation_or_none(Locale.get_default()) or home
    ids = list(source.featured_courses.order_by("sort_order").values_list("course_id", flat=True))
    keys = dict(CoursePage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    shown = {
        page.translation_key: page
        for page in CoursePage.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=keys.values())
        .select_related("cover_image")
    }
    featured = [shown[keys[pk]] for pk in ids if pk in keys and keys[pk] in shown]
    newest = list(
        CoursePage.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(translation_key__in=[page.translation_key for page in featured])
        .select_related("cover_image")
        .order_by("-first_published_at", "-pk")[:new_limit]
    )
    return {
        "featured_courses": featured,
        "new_courses": newest,
        "badges": course_badges(user=user, courses=featured + newest),
    }
