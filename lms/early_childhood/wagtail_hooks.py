"""Early-childhood sessions in the admin: a scoped listing with export, and the menu links.

Recording and editing happen in the staff area (/centre/early-childhood/); the
admin listing's add and edit buttons lead there.
"""

from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy

from lms.centres import audit
from lms.centres.admin_ui import (
    CENTRE_MENU_HOOK,
    LazyUrlMenuItem,
    ScopedModelViewSet,
    ScopedPermissionPolicy,
)
from lms.core.thaidate import format_date

from .models import EarlyChildhoodSession
from .scoping import early_childhood_sessions_visible_to

register_permission_policy(
    EarlyChildhoodSession,
    ScopedPermissionPolicy(EarlyChildhoodSession, early_childhood_sessions_visible_to),
)


def _early(user):
    return early_childhood_sessions_visible_to(user).select_related(
        "activity", "centre", "centre__province"
    )


class EarlyChildhoodSessionViewSet(ScopedModelViewSet):
    """A listing with export; recording and editing happen in the staff area (services)."""

    model = EarlyChildhoodSession
    scope = staticmethod(_early)
    icon = "group"
    menu_label = _("Early-childhood sessions")
    name = "early_childhood_admin"
    list_display = [
        "activity",
        Column(
            "date",
            label=_("Date"),
            # Buddhist Era in Thai, like every date the platform shows.
            accessor=lambda record: format_date(record.date, get_language()),
            sort_key="date",
        ),
        "centre",
        Column("children", label=_("Children")),
        "adults",
    ]
    list_filter = ["date"]
    ordering = ["-date"]
    list_export = [
        "date",
        "centre",
        "centre.province",
        "activity",
        "children_age_3",
        "children_age_4",
        "children_age_5",
        "children_age_6",
        "children",
        "adults",
        "notes",
    ]
    export_headings = {"centre.province": _("Province"), "children": _("Children")}
    export_filename = "early-childhood-sessions"
    form_fields = ["activity", "date", "notes"]

    @property
    def add_view(self):
        return lambda request: redirect("centres:early_childhood_create")

    @property
    def edit_view(self):
        return lambda request, pk: redirect("centres:early_childhood_edit", pk=pk)

    @property
    def delete_view(self):
        return lambda request, pk: redirect("centres:early_childhood_edit", pk=pk)


early_childhood_viewset = EarlyChildhoodSessionViewSet()


@hooks.register("register_admin_viewset")
def register_viewsets():
    return early_childhood_viewset


@hooks.register(CENTRE_MENU_HOOK)
def register_record_menu_item():
    return LazyUrlMenuItem(
        _("Record an early-childhood session"),
        "centres:early_childhood_create",
        icon_name="plus",
        order=400,
    )


@hooks.register(CENTRE_MENU_HOOK)
def register_listing_menu_item():
    return early_childhood_viewset.get_menu_item(order=450)


@hooks.register("register_log_actions")
def register_early_childhood_actions(actions):
    for action, label, message in [
        ("lms.early_childhood.create", _("Record"), _("Early-childhood session recorded")),
        ("lms.early_childhood.update", _("Edit"), _("Early-childhood session changed")),
        ("lms.early_childhood.delete", _("Delete"), _("Early-childhood session deleted")),
    ]:
        actions.register_action(action, label, message)


@hooks.register(audit.HOOK)
def early_childhood_log_entry_scopes():
    return {EarlyChildhoodSession: early_childhood_sessions_visible_to}
