"""Activity ids resolve: a person is sent to the page, a program gets the definition.

The xAPI specification asks that an activity id which is a URL, when fetched, gives the
activity's metadata as JSON; a person who follows one from an LRS's report wants the
course, lesson or quiz itself. Unpublished content and unknown ids give 404, so an id
says no more than the page it names would.
"""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from wagtail.models import Page

from assessments.models import Quiz
from curricula.models import CoursePage, LessonPage

from . import statements

PAGE_MODELS: dict[str, type[Page]] = {"course": CoursePage, "lesson": LessonPage}


def _wants_json(request: HttpRequest) -> bool:
    # An LRS or a script asks for JSON; a browser asks for HTML first.
    preferred = request.get_preferred_type(["text/html", "application/json"])
    return preferred == "application/json"


def _definition(kind: str, *, thai: str, english: str, more_info: str) -> dict:
    return {
        "type": statements.ACTIVITY_TYPES[kind],
        "name": statements.language_map(thai, english),
        "moreInfo": more_info,
    }


@require_GET
@vary_on_headers("Accept")
def activity(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind == "quiz":
        quiz = Quiz.objects.live().filter(pk=pk).first()
        if quiz is None:
            raise Http404
        url = reverse("assessments:quiz", args=[quiz.pk])
        definition = _definition(kind, thai=quiz.title, english="", more_info="")
    elif kind in PAGE_MODELS:
        page = PAGE_MODELS[kind].objects.live().public().filter(pk=pk).first()
        if page is None:
            raise Http404
        url = page.url
        definition = _definition(
            kind, thai=page.title, english=statements.english_title(page), more_info=""
        )
    else:
        raise Http404
    absolute = statements.site_url() + url
    if not _wants_json(request):
        return HttpResponseRedirect(url)
    definition["moreInfo"] = absolute
    if not definition["name"].get("th"):
        definition["name"] = {"th": absolute}
    return JsonResponse(definition, json_dumps_params={"ensure_ascii": False})
