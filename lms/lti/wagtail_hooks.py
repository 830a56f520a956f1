"""LTI in the Wagtail admin, for national admins only: the registered platforms (a
snippet) and the tool's signing keys (Settings menu)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.centres.scoping import is_national_admin

from . import admin_views
from .models import Platform


class NationalAdminPolicy(ModelPermissionPolicy):
    """Every action for national admins (and superusers), none for anyone else."""

    def user_has_permission(self, user, action):
        return is_national_admin(user)

    def user_has_any_permission(self, user, actions):
        return is_national_admin(user)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).none()

    def instances_user_has_any_permission_for(self, user, actions):
        if is_national_admin(user):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return is_national_admin(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return is_national_admin(user)


class PlatformViewSet(SnippetViewSet):
    model = Platform
    icon = "link"
    menu_label = _("School systems (LTI)")
    add_to_admin_menu = False
    list_display = ["name", "issuer", "client_id", "learner_centre", "is_active"]
    search_fields = ["name", "issuer", "client_id"]
    panels = [
        HelpPanel(
            content=_(
                "Copy these values from the school's system after it registers this site "
                "as an LTI 1.3 tool. The addresses to give the school are on the tool "
                "configuration page (/lti/config/)."
            )
        ),
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("issuer"),
                FieldPanel("client_id"),
                FieldPanel("deployment_ids"),
            ],
            heading=_("Platform"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("auth_login_url"),
                FieldPanel("auth_token_url"),
                FieldPanel("key_set_url"),
            ],
            heading=_("Platform addresses"),
        ),
        FieldPanel("learner_centre"),
        FieldPanel("is_active"),
    ]


register_permission_policy(Platform, NationalAdminPolicy(Platform))
register_snippet(PlatformViewSet)


@hooks.register("register_log_actions")
def register_lti_actions(actions):
    actions.register_action("lms.lti.key_create", _("Create LTI key"), _("LTI key created"))
    actions.register_action("lms.lti.key_retire", _("Retire LTI key"), _("LTI key retired"))
    actions.register_action(
        "lms.lti.account_link", _("Link LTI account"), _("Account linked to a school system")
    )


@hooks.register("register_admin_urls")
def register_lti_admin_urls():
    urls = [path("", admin_views.ToolKeyIndexView.as_view(), name="keys")]
    return [path("lti/keys/", include((urls, "lti_admin")))]


class NationalAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_national_admin(request.user)


@hooks.register("register_settings_menu_item")
def register_lti_keys_menu():
    return NationalAdminMenuItem(
        _("LTI signing keys"),
        reverse("lti_admin:keys"),
        name="lti-keys",
        icon_name="key",
        order=910,
    )


@hooks.register("register_settings_menu_item")
def register_lti_platforms_menu():
    return NationalAdminMenuItem(
        _("School systems (LTI)"),
        reverse("wagtailsnippets_lti_platform:list"),
        name="lti-platforms",
        icon_name="link",
        order=905,
    )
