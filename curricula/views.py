"""Public reads of the curriculum: the catalogue with filters, search, and skill tags."""

from decimal import Decimal
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from lms.core.clean import query_text
from lms.core.collation import thai_order
from lms.core.numbers import id_parse

from .extensions import course_badges, lesson_states
from .models import ActivityPage, CoursePage, Level, SearchEntry, SkillTag, Track, TrackPage
from .search import search_pages, search_suggestion

LENGTHS = {
    "short": (_("Up to 2 hours"), Decimal("0"), Decimal("2")),
    "medium": (_("2 to 6 hours"), Decimal("2.01"), Decimal("6")),
    "long": (_("More than 6 hours"), Decimal("6.01"), None),
}
AGES = [3, 4, 5, 6]


def _locale() -> Locale:
    return Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()


def _choice(value: str | None, allowed) -> str:
    return value if value in allowed else ""


def catalogue(request: HttpRequest) -> HttpResponse:
    """All courses (and activity plans) with filters by track, skill, level, length and age."""
    locale = _locale()
    track = _choice(request.GET.get("track"), Track.values)
    level = _choice(request.GET.get("level"), Level.values)
    length = _choice(request.GET.get("length"), LENGTHS)
    age = request.GET.get("age", "")
    age = id_parse(age)
    age = age if age in AGES else None
    tag = (
        SkillTag.objects.filter(slug=request.GET.get("tag", "")).first()
        if request.GET.get("tag")
        else None
    )

    courses = CoursePage.objects.live().public().filter(locale=locale).select_related("cover_image")
    activities = (
        ActivityPage.objects.live().public().filter(locale=locale).select_related("cover_image")
    )
    if track:
        track_page = TrackPage.objects.live().filter(locale=locale, track=track).first()
        courses = courses.descendant_of(track_page) if track_page else courses.none()
        if track != Track.EARLY_CHILDHOOD:
            activities = activities.none()
    if level:
        courses = courses.filter(level=level)
        activities = activities.none()
    if length:
        _label, low, high = LENGTHS[length]
        courses = courses.filter(estimated_hours__gte=low)
        if high is not None:
            courses = courses.filter(estimated_hours__lte=high)
        activities = activities.none()
    if tag is not None:
        courses = courses.filter(tagged_items__tag=tag).distinct()
        activities = activities.filter(tagged_items__tag=tag).distinct()
    if age is not None:
        courses = courses.none()
        activities = activities.filter(age_min__lte=age, age_max__gte=age)

    course_list = list(courses.order_by(thai_order("title")))
    context = {
        "courses": course_list,
        "activities": list(activities.order_by("age_min", thai_order("title"))),
        "badges": course_badges(user=request.user, courses=course_list),
        "tracks": TrackPage.objects.live().filter(locale=locale),
        "levels": Level.choices,
        "lengths": [(key, label) for key, (label, _low, _high) in LENGTHS.items()],
        "ages": AGES,
        "tags": SkillTag.objects.filter(
            Q(course_items__content_object__locale=locale, course_items__content_object__live=True)
            | Q(
                activity_items__content_object__locale=locale,
                activity_items__content_object__live=True,
            )
        )
        .distinct()
        .order_by(thai_order("name")),
        "selected": {
            "track": track,
            "level": level,
            "length": length,
            "age": age,
            "tag": tag.slug if tag else "",
        },
        "tag": tag,
    }
    return render(request, "curricula/catalogue.html", context)


def search(request: HttpRequest) -> HttpResponse:
    query = query_text(request.GET, max_length=200)
    kind = _choice(request.GET.get("kind"), SearchEntry.Kind.values)
    track = _choice(request.GET.get("track"), Track.values)
    hits = (
        search_pages(query=query, locale=_locale(), kind=kind or None, track=track or None)
        if query
        else []
    )
    suggestion = search_suggestion(query=query, locale=_locale()) if query and not hits else ""
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
    badges = course_badges(user=request.user, courses=courses + list(parents.values()))
    states = lesson_states(user=request.user, lessons=[hit.page for hit in lesson_hits])
    track_names = {
        page.track: page.title for page in TrackPage.objects.live().filter(locale=_locale())
    }
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
    page = Paginator(hits, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "curricula/search.html",
        {
            "query": query,
            "suggestion": suggestion,
            "suggestion_url": "?"
            + urlencode({"q": suggestion, **({"kind": kind} if kind else {})}),
            "hits": page,
            "count": len(hits),
            "kind": kind,
            "track": track,
            "kinds": SearchEntry.Kind.choices,
            "track_names": track_names,
        },
    )


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Every live course and activity plan carrying one skill tag, in the reader's language."""
    tag = get_object_or_404(SkillTag, slug=slug)
    locale = _locale()
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
    return render(
        request,
        "curricula/tag_detail.html",
        {
            "tag": tag,
            "courses": courses,
            "activities": activities,
            "badges": course_badges(user=request.user, courses=courses),
        },
    )
