from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    name = "lms.packages"
    label = "packages"
    verbose_name = _("SCORM packages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data, requirements

        requirements.register()
        personal_data.register()
