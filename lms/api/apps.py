from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "lms.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from . import personal_data

        personal_data.register()
