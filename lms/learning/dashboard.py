"""What other apps add to the learner's dashboard (My learning, /learn/).

Two Wagtail hooks, each `fn(request)` returning a `lms.core.panels.Panel`, a list of
them, or None; the dashboard renders them in hook order (`order=`):

- `learner_dashboard_notices`: at the top, above the courses in progress (news that
  needs the learner: work reviewed, a class tomorrow);
- `learner_dashboard_sections`: after the completed courses (what the learner holds:
  certificates).

A new app adds a section in its `wagtail_hooks.py`:

    from wagtail import hooks

    from lms.core.panels import Panel
    from lms.learning.dashboard import DASHBOARD_SECTIONS

    @hooks.register(DASHBOARD_SECTIONS, order=20)
    def my_badges(request):
        return Panel("badges/includes/dashboard.html", {"badges": badges_for(user=request.user)})
"""

from django.http import HttpRequest

from lms.core.panels import Panel, panels_from_hook

DASHBOARD_NOTICES = "learner_dashboard_notices"
DASHBOARD_SECTIONS = "learner_dashboard_sections"
# The page a learner sees on finishing a course: `fn(request, enrollment)` returns what the
# learner now holds (the certificate), shown under the congratulations.
COURSE_COMPLETED_PANELS = "learner_course_completed_panels"


def dashboard_panels(*, request: HttpRequest) -> dict[str, list[Panel]]:
    """The context the dashboard template renders the other apps' panels from."""
    return {
        "notice_panels": panels_from_hook(DASHBOARD_NOTICES, request=request),
        "section_panels": panels_from_hook(DASHBOARD_SECTIONS, request=request),
    }


def course_completed_panels(*, request: HttpRequest, enrollment) -> list[Panel]:
    return panels_from_hook(COURSE_COMPLETED_PANELS, request=request, enrollment=enrollment)
