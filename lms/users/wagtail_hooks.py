from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_account_actions(actions):
    actions.register_action("lms.user.signup", _("Sign up"), _("Created an account"))
    actions.register_action(
        "lms.user.data_export", _("Data export"), _("Downloaded their personal data")
    )
    actions.register_action(
        "lms.user.anonymise", _("Anonymise"), _("Account deleted and anonymised")
    )
