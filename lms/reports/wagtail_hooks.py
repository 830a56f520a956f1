"""Reports in the admin: the centre report's link and the scoped site history.

Site history is scoped (lms.reports.admin_reports), so every staff member gets it.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.centres import scoping
from lms.centres.admin_ui import CENTRE_MENU_HOOK, LazyUrlMenuItem


@hooks.register(CENTRE_MENU_HOOK)
def register_report_menu_item():
    return LazyUrlMenuItem(
        _("Reports"), "centres:report", icon_name="table", order=500, admins_only=True
    )


class SiteHistoryMenuItem(MenuItem):
    """Site history is scoped (lms.reports.admin_reports), so every staff member gets it."""

    def is_shown(self, request):
        return scoping.is_staff_member(request.user)


@hooks.register("register_reports_menu_item")
def register_site_history_menu_item():
    return SiteHistoryMenuItem(
        pgettext_lazy("report", "Site history"),
        reverse("wagtailadmin_reports:site_history"),
        name="centre-site-history",
        icon_name="history",
        order=1000,
    )


@hooks.register("construct_reports_menu")
def keep_one_site_history(request, menu_items):
    # Wagtail's own item shows it to page editors only; ours replaces it.
    menu_items[:] = [item for item in menu_items if item.name != "site-history"]
