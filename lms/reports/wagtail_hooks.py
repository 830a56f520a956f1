"""Reports in the admin: the centre report's link, quiz results and the scoped site history.

Site history is scoped (lms.reports.admin_reports), so every staff member gets it.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.viewsets.base import ViewSet

from assessments.admin_views import RESULTS_PERMISSION
from assessments.models import Quiz
from assessments.wagtail_hooks import MENU_HOOK, PermissionMenuItem
from lms.centres import scoping
from lms.centres.admin_ui import CENTRE_MENU_HOOK, LazyUrlMenuItem

from .quiz_results_views import ResultsDetailView, ResultsIndexView


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


class QuizResultsViewSet(ViewSet):
    name = "quiz-results"
    icon = "table"
    menu_label = gettext_lazy("Results")
    menu_hook = MENU_HOOK
    menu_order = 4

    @property
    def menu_item_class(self):
        return type(
            "QuizResultsMenuItem", (PermissionMenuItem,), {"permission": RESULTS_PERMISSION}
        )

    def get_urlpatterns(self):
        return [
            path("", ResultsIndexView.as_view(), name="index"),
            path("<id:pk>/", ResultsDetailView.as_view(), name="detail"),
        ]


@hooks.register("register_admin_viewset")
def register_quiz_results_views():
    return QuizResultsViewSet()


@hooks.register("register_snippet_listing_buttons")
def quiz_results_button(snippet, user, next_url=None):
    if isinstance(snippet, Quiz) and user.has_perm(RESULTS_PERMISSION):
        yield ListingMenuItem(
            _("Results"),
            reverse("quiz-results:detail", args=[snippet.pk]),
            icon_name="table",
            priority=15,
        )
