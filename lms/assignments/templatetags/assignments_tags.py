"""Template tags for pages other apps own: `{% lesson_assignment page %}` on a lesson
page and `{% assignment_notices %}` on the learner dashboard."""

from django import template

from ..selectors import assignment_notices_for, lesson_assignment_panel

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.inclusion_tag("assignments/includes/lesson_assignment_panel.html", takes_context=True)
def lesson_assignment(context, lesson):
    user = _user(context)
    panel = lesson_assignment_panel(user=user, lesson=lesson) if user is not None else None
    return {"panel": panel, "request": context.get("request")}


@register.inclusion_tag("assignments/includes/dashboard_notices.html", takes_context=True)
def assignment_notices(context):
    user = _user(context)
    return {"notices": assignment_notices_for(user=user) if user is not None else []}
