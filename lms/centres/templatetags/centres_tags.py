from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.centres import scoping

register = template.Library()


@register.inclusion_tag("centres/includes/staff_nav.html", takes_context=True)
def staff_nav(context):
    """The staff area's tabs; the admin-only ones for centre admins."""
    request = context["request"]
    items = [
        ("centres:home", _("Today")),
        ("centres:cohort_list", _("Classes")),
        ("centres:early_childhood_list", _("Early childhood")),
        ("centres:learner_list", _("Learners")),
    ]
    if scoping.is_centre_admin(request.user):
        items += [("centres:import_upload", _("Import")), ("centres:report", _("Reports"))]
    current = request.resolver_match.url_name if request.resolver_match else ""
    prefixes = {
        "centres:cohort_list": ("cohort", "session"),
        "centres:early_childhood_list": ("early_childhood",),
        "centres:learner_list": ("learner",),
        "centres:import_upload": ("import",),
        "centres:report": ("report",),
        "centres:home": ("home",),
    }
    return {
        "items": [
            {
                "url": reverse(name),
                "label": label,
                "current": current.startswith(prefixes[name]),
            }
            for name, label in items
        ]
    }


@register.filter
def percent_of(value, total):
    """`{{ n|percent_of:max }}` → whole per cent for a bar's value."""
    try:
        return round(100 * value / total) if total else 0
    except (TypeError, ValueError):
        return 0


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
