"""The Wagtail admin's "Centre" menu.

Classes, attendance, imports, early-childhood sessions, reports and learners are
worked on in the phone-first staff area at /centre/; the menu links there. The
admin itself lists centres (national admins edit them and import the national
list) and early-childhood sessions, with Wagtail's spreadsheet export. Every
listing and object view is limited by lms.centres.scoping.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lms.core.admin_columns import yes_no_column
from lms.core.collation import thai_order
from lms.core.thaidate import format_date

from . import admin_views, audit, scoping
from .models import Centre, EarlyChildhoodSession


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the staff groups, limited to the records scoping allows."""

    def __init__(self, model, scope):
        super().__init__(model)
        self.scope = scope

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            self.scope(user).filter(pk=instance.pk).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and (
            self.scope(user).filter(pk=instance.pk).exists()
        )


register_permission_policy(Centre, ScopedPermissionPolicy(Centre, scoping.centres_visible_to))
register_permission_policy(
    EarlyChildhoodSession,
    ScopedPermissionPolicy(EarlyChildhoodSession, scoping.early_childhood_sessions_visible_to),
)


class ScopedObjectMixin:
    """Another centre's record does not exist (404), whatever the view."""

    scope = None

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not type(self).scope(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class ScopedIndexMixin:
    scope = None

    def get_base_queryset(self):
        return type(self).scope(self.request.user)


def _scoped(view_class, scope, mixin=ScopedObjectMixin):
    return type(f"Scoped{view_class.__name__}", (mixin, view_class), {"scope": staticmethod(scope)})


class ScopedModelViewSet(ModelViewSet):
    scope = None
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_admin_menu = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = type(self).scope
        self.index_view_class = _scoped(generic.IndexView, scope, ScopedIndexMixin)
        self.edit_view_class = _scoped(generic.EditView, scope)
        self.delete_view_class = _scoped(generic.DeleteView, scope)
        self.inspect_view_class = _scoped(generic.InspectView, scope)
        self.history_view_class = _scoped(history.HistoryView, scope)
        self.usage_view_class = _scoped(usage.UsageView, scope)


def _centres(user):
    return scoping.centres_visible_to(user).select_related("province")


class CentreViewSet(ScopedModelViewSet):
    model = Centre
    scope = staticmethod(_centres)
    icon = "home"
    menu_label = _("Centres")
    name = "centres_admin"
    list_display = [
        "name_th",
        "code",
        "province",
        "district",
        "host_type",
        yes_no_column(Centre, "is_active"),
    ]
    list_filter = ["host_type", "is_active"]
    search_fields = ["name_th", "name_en", "code", "district", "subdistrict"]
    # Thai dictionary order, as the province and centre lists elsewhere.
    ordering = [thai_order("province__name_th"), thai_order("name_th")]
    list_export = [
        "code",
        "name_th",
        "name_en",
        "province",
        "district",
        "subdistrict",
        "address",
        "host_type",
        "contact_name",
        "contact_phone",
        "contact_email",
        "is_active",
    ]
    export_filename = "centres"
    form_fields = [
        "code",
        "name_th",
        "name_en",
        "province",
        "district",
        "subdistrict",
        "address",
        "host_type",
        "contact_name",
        "contact_phone",
        "contact_email",
        "is_active",
    ]


def _early(user):
    return scoping.early_childhood_sessions_visible_to(user).select_related(
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


centre_viewset = CentreViewSet()
early_childhood_viewset = EarlyChildhoodSessionViewSet()


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [centre_viewset, early_childhood_viewset]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "centres-import/",
            admin_views.centre_import_view,
            name="centres_admin_import",
        ),
    ]


class StaffMenuItem(MenuItem):
    """Shown to centre staff (a StaffRole) and national admins."""

    def __init__(self, *args, admins_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.admins_only = admins_only

    def is_shown(self, request):
        if self.admins_only:
            return scoping.is_centre_admin(request.user)
        return scoping.is_staff_member(request.user)


class CentreSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return scoping.is_staff_member(request.user) and super().is_shown(request)


class LazyUrlMenuItem(StaffMenuItem):
    """The URL is reversed when the menu is drawn: the staff area sits under the language prefix."""

    def __init__(self, label, url_name, **kwargs):
        super().__init__(label, "", **kwargs)
        self.url_name = url_name

    def render_component(self, request):
        return LinkMenuItemComponent(
            self.name,
            self.label,
            reverse(self.url_name),
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class NationalMenuItem(LazyUrlMenuItem):
    def is_shown(self, request):
        return scoping.is_national_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_centre_menu():
    items = [
        LazyUrlMenuItem(_("Today's sessions"), "centres:home", icon_name="date", order=100),
        LazyUrlMenuItem(
            _("Classes and attendance"), "centres:cohort_list", icon_name="group", order=200
        ),
        LazyUrlMenuItem(
            _("Import learners"),
            "centres:import_upload",
            icon_name="upload",
            order=300,
            admins_only=True,
        ),
        LazyUrlMenuItem(
            _("Record an early-childhood session"),
            "centres:early_childhood_create",
            icon_name="plus",
            order=400,
        ),
        early_childhood_viewset.get_menu_item(order=450),
        LazyUrlMenuItem(
            _("Reports"), "centres:report", icon_name="table", order=500, admins_only=True
        ),
        LazyUrlMenuItem(_("Learners"), "centres:learner_list", icon_name="user", order=600),
        centre_viewset.get_menu_item(order=700),
        NationalMenuItem(
            _("Import the list of centres"), "centres_admin_import", icon_name="upload", order=800
        ),
    ]
    return CentreSubmenu(_("Centre"), Menu(items=items), icon_name="home", name="centre", order=250)


@hooks.register("register_log_actions")
def register_centre_actions(actions):
    for action, label, message in [
        ("lms.cohort.create", _("Create class"), _("Class created")),
        ("lms.cohort.update", _("Edit class"), _("Class changed")),
        ("lms.cohort.member_add", _("Add to class"), _("Learner added to the class")),
        ("lms.cohort.member_remove", _("Remove from class"), _("Learner removed from the class")),
        ("lms.cohort.session_create", _("Add session"), _("Class session added")),
        ("lms.cohort.session_update", _("Edit session"), _("Class session changed")),
        ("lms.cohort.session_delete", _("Delete session"), _("Class session deleted")),
        ("lms.attendance.record", _("Take attendance"), _("Attendance recorded")),
        ("lms.attendance.checkin", _("Check in"), _("Checked in with the QR code")),
        ("lms.early_childhood.create", _("Record"), _("Early-childhood session recorded")),
        ("lms.early_childhood.update", _("Edit"), _("Early-childhood session changed")),
        ("lms.early_childhood.delete", _("Delete"), _("Early-childhood session deleted")),
        ("lms.import.check", _("Check file"), _("Learner file checked (dry run)")),
        ("lms.import.start", _("Import"), _("Learner import started")),
        ("lms.import.finish", _("Import finished"), _("Learner import finished")),
        ("lms.import.cancel", _("Cancel import"), _("Learner file not imported")),
        (
            "lms.import.erase_passwords",
            _("Erase passwords"),
            _("Initial passwords erased from the import report"),
        ),
        (
            "lms.user.password_reset_by_staff",
            _("Temporary password"),
            _("Temporary password set by centre staff"),
        ),
        ("lms.centre.import", _("Import centres"), _("Centres imported from the national list")),
    ]:
        actions.register_action(action, label, message)


hooks.register(audit.HOOK, audit.centre_log_entry_scopes)


class SiteHistoryMenuItem(MenuItem):
    """Site history is scoped (lms.centres.admin_reports), so every staff member gets it."""

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
