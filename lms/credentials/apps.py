from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "lms.credentials"
    label = "credentials"
    verbose_name = _("Digital credentials")

    def ready(self):
        from . import registrations

        registrations.register()
