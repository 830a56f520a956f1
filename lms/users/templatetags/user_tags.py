from django import template

from lms.users.admin_access import can_open_admin as _can_open_admin

register = template.Library()


@register.filter
def can_open_admin(user) -> bool:
    """`{% if user|can_open_admin %}`: the admin links, without two queries per page."""
    return _can_open_admin(user)
