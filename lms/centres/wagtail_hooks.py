"""The Wagtail admin's "Centre" menu and the centres' listing.

Classes, attendance, imports, early-childhood sessions, reports and learners are
worked on in the phone-first staff area at /centre/; their apps add links to the
menu (lms.centres.admin_ui.CENTRE_MENU_HOOK). The admin itself lists centres
(national admins edit them and import the national list), with Wagtail's
spreadsheet export. Every listing and object view is limited by lms.centres.scoping.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu
from wagtail.permissions import register_permission_policy

from lms.core.admin_columns import yes_no_column
from lms.core.collation import thai_order

from . import admin_views, audit, scoping
from .admin_ui import (
    CENTRE_MENU_HOOK,
    CentreSubmenu,
    NationalMenuItem,
    ScopedModelViewSet,
    ScopedPermissionPolicy,
)
from .models import Centre

register_permission_policy(Centre, ScopedPermissionPolicy(Centre, scoping.centres_visible_to))


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


centre_viewset = CentreViewSet()


@hooks.register("register_admin_viewset")
def register_viewsets():
    return centre_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "centres-import/",
            admin_views.centre_import_view,
            name="centres_admin_import",
        ),
    ]


@hooks.register(CENTRE_MENU_HOOK)
def register_centre_list_menu_item():
    return centre_viewset.get_menu_item(order=700)


@hooks.register(CENTRE_MENU_HOOK)
def register_centre_import_menu_item():
    return NationalMenuItem(
        _("Import the list of centres"), "centres_admin_import", icon_name="upload", order=800
    )


@hooks.register("register_admin_menu_item")
def register_centre_menu():
    menu = Menu(register_hook_name=CENTRE_MENU_HOOK)
    return CentreSubmenu(_("Centre"), menu, icon_name="home", name="centre", order=250)


@hooks.register("register_log_actions")
def register_centre_actions(actions):
    for action, label, message in [
        (
            "lms.user.password_reset_by_staff",
            _("Temporary password"),
            _("Temporary password set by centre staff"),
        ),
        ("lms.centre.import", _("Import centres"), _("Centres imported from the national list")),
    ]:
        actions.register_action(action, label, message)


hooks.register(audit.HOOK, audit.centre_log_entry_scopes)
