from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "lms.centres"
    label = "centres"
    verbose_name = _("Centres")

    def ready(self):
        from django.urls import register_converter

        from .downloads import SpreadsheetKind

        # `<sheet:kind>` in the staff area's download addresses.
        register_converter(SpreadsheetKind, "sheet")
