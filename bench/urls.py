"""The site's URLs plus the trivial view that load benchmarks use as their baseline."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns


def trivial(request: HttpRequest) -> HttpResponse:
    """The cheapest page Django can serve through the same middleware: no template, no query."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *site_urlpatterns]
