"""Admin pieces the staff apps share: listings limited by scoping, the "Centre" menu.

`ScopedModelViewSet` is a Wagtail model viewset whose every view sees only the
records a scope function (lms.centres.scoping and the apps' own scopes) allows.
The "Centre" menu of the admin is filled by the apps: each registers its items with
the `register_centre_menu_item` hook (a function returning one menu item), ordered
by `order`.
"""

from django.http import Http404
from django.urls import reverse

from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from . import scoping

CENTRE_MENU_HOOK = "register_centre_menu_item"


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
