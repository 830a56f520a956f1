"""The admin's page hooks: slugs from Thai titles, the course review's log actions and the
search synonym list that national admins keep."""

import logging

from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import slug_for_title
from .models import SearchSynonym
from .search import SEARCH_INDEX_VERSION
from .services import page_slug_repair


@hooks.register("insert_editor_js")
def keep_typed_rich_text_js():
    """Text typed just before saving reaches the server (see the script's comment)."""
    return format_html('<script src="{}"></script>', static("js/admin-richtext-flush.js"))


@hooks.register("register_admin_urls")
def slug_admin_urls():
    # Under /admin/, so only people who may use the admin reach it.
    return [path("curricula/slug/", slug_for_title, name="curricula_slug_for_title")]


@hooks.register("insert_editor_js")
def slug_from_thai_title_js():
    """The slug field follows the Thai title with the server's romanised slug."""
    return format_html('<script src="{}"></script>', static("js/admin-slug.js"))


@hooks.register("after_copy_page")
def repair_the_copys_slug(request, page, new_page):
    # The copy form accepts "-1" as a slug, and the copy is saved without cleaning.
    page_slug_repair(page=new_page)


logger = logging.getLogger(__name__)

# Form fields that carry a decision (submit, publish, a reviewer's approval...).
DECISION_FIELDS = (
    "action-workflow-action",
    "action-submit",
    "action-publish",
    "action-restart-workflow",
    "action-cancel-workflow",
)


@hooks.register("before_edit_page")
def keep_decisions_out_of_autosave(request, page):
    """Only the editor's own submission may carry a decision, never a background autosave.

    When a reviewer confirms a dialog (approve, request changes), the editor adds the
    decision to the form as hidden fields and sends it; Wagtail's autosave, which posts
    the same form in the background and asks for JSON, could send that decision a
    second time at the same moment. That copy saved the page over the approval as not
    live, then failed because the review had just ended.
    """
    if request.method != "POST" or request.accepts("text/html"):
        return None
    if not any(request.POST.get(name) for name in DECISION_FIELDS):
        return None
    logger.info("Refused a decision sent by autosave for page %s", page.pk)
    return JsonResponse(
        {
            "success": False,
            "error_code": "decision_in_autosave",
            "error_message": gettext("Decisions are sent with the form, not by autosave."),
        },
        status=400,
    )


@hooks.register("register_log_actions")
def register_course_review_actions(actions):
    actions.register_action(
        "curricula.course_review.include",
        gettext_lazy("Lessons sent for review"),
        gettext_lazy("Sent its changed lessons for review with the course"),
    )
    actions.register_action(
        "curricula.course_review.approve",
        gettext_lazy("Course approved"),
        gettext_lazy("Approved the course with its lessons"),
    )
    actions.register_action(
        "curricula.course_review.reject",
        gettext_lazy("Changes requested for the course"),
        gettext_lazy("Requested changes to the course and its lessons"),
    )
    actions.register_action(
        "curricula.course_review.cancel",
        gettext_lazy("Course review cancelled"),
        gettext_lazy("Cancelled the reviews of the lessons sent with the course"),
    )


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["words", "note"]


register_snippet(SearchSynonymViewSet)


# Search caches its reading of the synonym list; a changed list must show at once.
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def _synonyms_changed(request, instances_or_instance):
    instances = (
        instances_or_instance
        if isinstance(instances_or_instance, list | tuple)
        else [instances_or_instance]
    )
    if any(isinstance(instance, SearchSynonym) for instance in instances):
        SEARCH_INDEX_VERSION.changed()
