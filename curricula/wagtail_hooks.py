from django.utils.translation import gettext_lazy

from wagtail import hooks


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
