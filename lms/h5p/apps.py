from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class H5PConfig(AppConfig):
    name = "lms.h5p"
    label = "h5p"
    verbose_name = _("Interactive activities (H5P)")

    def ready(self):
        from . import personal_data, requirements

        requirements.register()
        personal_data.register()
