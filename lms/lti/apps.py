from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    name = "lms.lti"
    label = "lti"
    verbose_name = _("Courses in other learning systems (LTI)")

    def ready(self):
        from . import personal_data, receivers

        receivers.connect()
        personal_data.register()
