from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SetupConfig(AppConfig):
    """The top layer: platform set-up and demo data, which know every other app."""

    name = "lms.setup"
    label = "setup"
    verbose_name = _("Platform set-up")
