from django.utils.translation import gettext_lazy

from wagtail import hooks

from curricula.extensions import COURSE_PAGE_PANELS

from .panels import course_download_panel

# After the course's quizzes (10) and assignments.
hooks.register(COURSE_PAGE_PANELS, course_download_panel, order=40)


@hooks.register("register_log_actions")
def register_offline_actions(actions):
    actions.register_action(
        "lms.offline.action",
        gettext_lazy("Sent from offline"),
        gettext_lazy("An action done offline was received"),
    )
