from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "lms.centres"
    label = "centres"
    verbose_name = _("Centres")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from django.urls import register_converter

        from .downloads import SpreadsheetKind
        from .forms import CENTRE_CHOICES
        from .models import Centre, Province

        # `<sheet:kind>` in the staff area's download addresses.
        register_converter(SpreadsheetKind, "sheet")
        for model in (Centre, Province):
            for signal in (post_save, post_delete):
                signal.connect(
                    CENTRE_CHOICES.changed,
                    sender=model,
                    dispatch_uid=f"centre-choices-{model.__name__}-{signal is post_save}",
                )
