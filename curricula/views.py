from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from wagtail.models import Locale

from .models import ActivityPage, CoursePage, SkillTag


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Every live course and activity plan carrying one skill tag, in the reader's language."""
    tag = get_object_or_404(SkillTag, slug=slug)
    locale = Locale.objects.filter(language_code=get_language()).first()
    courses = (
        CoursePage.objects.live()
        .public()
        .filter(tagged_items__tag=tag)
        .select_related("cover_image")
    )
    activities = (
        ActivityPage.objects.live()
        .public()
        .filter(tagged_items__tag=tag)
        .select_related("cover_image")
    )
    if locale is not None:
        courses = courses.filter(locale=locale)
        activities = activities.filter(locale=locale)
    return render(
        request,
        "curricula/tag_detail.html",
        {"tag": tag, "courses": courses.distinct(), "activities": activities.distinct()},
    )
