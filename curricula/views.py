"""Public reads of the curriculum: the catalogue with filters, search, and skill tags.

The reads themselves are in curricula.catalogue; these views parse, call and render.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lms.core.clean import query_text

from .catalogue import (
    AGES,
    LENGTHS,
    CatalogueFilters,
    catalogue_pages,
    choice,
    live_tracks,
    reader_locale,
    search_results,
    tag_pages,
    tags_in_use,
)
from .extensions import course_badges
from .models import Level, SearchEntry, SkillTag, Track


def catalogue(request: HttpRequest) -> HttpResponse:
    """All courses (and activity plans) with filters by track, skill, level, length and age."""
    locale = reader_locale()
    filters = CatalogueFilters.from_query(request.GET)
    courses, activities = catalogue_pages(filters, locale=locale)
    context = {
        "courses": courses,
        "activities": activities,
        "badges": course_badges(user=request.user, courses=courses),
        "tracks": live_tracks(locale),
        "levels": Level.choices,
        "lengths": [(key, label) for key, (label, _low, _high) in LENGTHS.items()],
        "ages": AGES,
        "tags": tags_in_use(locale),
        "selected": filters.selected(),
        "tag": filters.tag,
    }
    return render(request, "curricula/catalogue.html", context)


def search(request: HttpRequest) -> HttpResponse:
    query = query_text(request.GET, max_length=200)
    kind = choice(request.GET.get("kind"), SearchEntry.Kind.values)
    track = choice(request.GET.get("track"), Track.values)
    results = search_results(query=query, kind=kind, track=track, user=request.user)
    page = Paginator(results.hits, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "curricula/search.html",
        {
            "query": query,
            "suggestion": results.suggestion,
            "suggestion_url": "?"
            + urlencode({"q": results.suggestion, **({"kind": kind} if kind else {})}),
            "hits": page,
            "count": len(results.hits),
            "kind": kind,
            "track": track,
            "kinds": SearchEntry.Kind.choices,
            "track_names": results.track_names,
        },
    )


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Every live course and activity plan carrying one skill tag, in the reader's language."""
    tag = get_object_or_404(SkillTag, slug=slug)
    courses, activities = tag_pages(tag, locale=reader_locale())
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
