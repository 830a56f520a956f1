from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """The admin's home page for each staff role, and the admin's Reports menu entries."""

    name = "lms.dashboards"
    label = "dashboards"
    verbose_name = _("Dashboards")
