from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.centres.scoping import is_national_admin

from . import admin_views


@hooks.register("register_log_actions")
def register_credential_actions(actions):
    actions.register_action(
        "lms.credentials.key_create", _("Create issuer key"), _("Issuer key created")
    )


@hooks.register("register_admin_urls")
def register_credential_admin_urls():
    urls = [path("", admin_views.IssuerKeyIndexView.as_view(), name="keys")]
    return [path("credentials/keys/", include((urls, "credentials_admin")))]


class NationalAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_national_admin(request.user)


@hooks.register("register_settings_menu_item")
def register_credential_keys_menu():
    return NationalAdminMenuItem(
        _("Credential signing keys"),
        reverse("credentials_admin:keys"),
        name="credential-keys",
        icon_name="key",
        order=900,
    )
