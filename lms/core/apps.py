from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lms.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        from django.urls import register_converter

        from . import collation
        from .clean import forms_text_clean_install
        from .numbers import IdConverter

        forms_text_clean_install()
        # `<id:pk>` in every URL pattern: out-of-range ids answer 404, not a database error.
        register_converter(IdConverter, "id")
        collation.register()
