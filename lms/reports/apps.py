from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "lms.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from . import signals  # noqa: PLC0415 - models are ready only now

        signals.connect(self)
