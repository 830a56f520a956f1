from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "lms.learning"
    label = "learning"
    verbose_name = _("Learning records")

    def ready(self):
        from . import outline, personal_data

        # Anything that can change a course outline empties the outline cache (the apps
        # that add lesson requirements connect their own models the same way).
        outline.connect()
        personal_data.register()
