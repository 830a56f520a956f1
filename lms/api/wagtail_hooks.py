from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_token_actions(actions):
    actions.register_action(
        "lms.api.token_create", _("Create API token"), _("Personal access token created")
    )
    actions.register_action(
        "lms.api.token_revoke", _("Revoke API token"), _("Personal access token revoked")
    )
