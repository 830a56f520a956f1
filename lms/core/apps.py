from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lms.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        from django.db import models
        from django.urls import register_converter

        from wagtail.admin.ui.fields import register_display_class

        from . import collation
        from .admin_columns import YesNoDisplay
        from .clean import forms_text_clean_install
        from .logs import connect_task_logging
        from .numbers import IdConverter
        from .wagtail_labels import wagtail_labels_install

        forms_text_clean_install()
        if settings.LMS_OPERATION_LOGS:
            connect_task_logging()
        wagtail_labels_install()
        # `<id:pk>` in every URL pattern: out-of-range ids answer 404, not a database error.
        register_converter(IdConverter, "id")
        collation.register()
        register_display_class(models.BooleanField, display_class=YesNoDisplay)
