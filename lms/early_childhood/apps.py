from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EarlyChildhoodConfig(AppConfig):
    name = "lms.early_childhood"
    label = "early_childhood"
    verbose_name = _("Early childhood")
