from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    name = "lms.users"
    label = "users"
    verbose_name = _("People")

    def ready(self):
        from django.contrib.auth.models import Group, Permission
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed, post_delete

        from .admin_access import permissions_changed
        from .middleware import password_change_flag_at_login
        from .models import User

        user_logged_in.connect(
            password_change_flag_at_login, dispatch_uid="must-change-password-flag"
        )

        # Who may open the admin changes with group membership and permissions
        # (the admin's user and group forms, roles assigned by services, scripts).
        for through in (
            User.groups.through,
            User.user_permissions.through,
            Group.permissions.through,
        ):
            m2m_changed.connect(
                permissions_changed,
                sender=through,
                dispatch_uid=f"admin-access-{through._meta.label_lower}",
            )
        for model in (Group, Permission):
            post_delete.connect(
                permissions_changed,
                sender=model,
                dispatch_uid=f"admin-access-{model._meta.label_lower}-deleted",
            )
