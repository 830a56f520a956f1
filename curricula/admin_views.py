"""Small JSON helpers for the page editor in the Wagtail admin."""

from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Page

from lms.core.slugs import slug_clean_typed, slug_for_page

# A page title is at most 255 characters; more is not a title.
_MAX_TITLE = 255


def _page_or_404(value: str | None) -> Page:
    if not (value or "").isdigit():
        raise Http404
    page = Page.objects.filter(pk=int(value)).first()
    if page is None:
        raise Http404
    return page


@require_GET
def slug_for_title(request: HttpRequest) -> JsonResponse:
    """The slug the server would give a page with this title under this parent.

    `?title=…&parent=<id>` for a new page, plus `&page=<id>` when editing one, and
    `&slug=…` to tidy a slug typed by hand. Answers 404 for a page the person may not
    add to or edit, as the editor itself does.
    """
    title = request.GET.get("title", "")
    if len(title) > _MAX_TITLE:
        return JsonResponse(
            {"error": _("A title can be at most %(count)d characters.") % {"count": _MAX_TITLE}},
            status=400,
        )
    parent = _page_or_404(request.GET.get("parent"))
    page = None
    if request.GET.get("page"):
        page = _page_or_404(request.GET.get("page"))
        if (
            page.get_parent().pk != parent.pk
            or not page.permissions_for_user(request.user).can_edit()
        ):
            raise Http404
    elif not parent.permissions_for_user(request.user).can_add_subpage():
        raise Http404
    slug = slug_clean_typed(request.GET.get("slug", "")[:_MAX_TITLE])
    if not slug:
        slug = slug_for_page(title=title, parent=parent, page=page) if title.strip() else ""
    return JsonResponse({"slug": slug})
