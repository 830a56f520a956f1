from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    name = "lms.assignments"
    label = "assignments"
    verbose_name = _("Practical assignments")

    def ready(self):
        from . import personal_data, requirements

        requirements.register()
        personal_data.register()
