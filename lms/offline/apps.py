from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    """The installable app: manifest, service worker, offline page and the per-user page cache."""

    name = "lms.offline"
    label = "offline"
    verbose_name = _("Offline learning")

    def ready(self):
        from . import personal_data

        personal_data.register()
