import logging

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

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
            "error_message": _("Decisions are sent with the form, not by autosave."),
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
