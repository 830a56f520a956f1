from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "lms.centres"
    label = "centres"
    verbose_name = _("Centres")

    def ready(self):
        # Blended courses need a share of class sessions attended (after quizzes).
        from lms.learning.requirements import register_course_check

        from .attendance import attendance_unmet

        register_course_check(attendance_unmet, order=30)
