from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculaConfig(AppConfig):
    name = "curricula"
    verbose_name = _("Curricula")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()

        # Wagtail's copy view asks the page class for `copy_form_class`. Set here rather
        # than beside `base_form_class` in models.py only while that module is being
        # restructured; it belongs there.
        from .forms import CurriculumCopyForm
        from .models import TreeRulesMixin

        TreeRulesMixin.copy_form_class = CurriculumCopyForm
