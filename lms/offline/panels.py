"""The "download for offline" panel of the course page (registered in wagtail_hooks.py)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from curricula.models import CoursePage
from lms.core.panels import Panel

from .downloads import course_offline_available


def offline_strings() -> dict[str, str]:
    """What the page's script says to the learner, translated here like every other string."""
    return {
        "downloading": _("Downloading the course…"),
        "downloaded": _("Kept on this phone ({size}). You can read it without a connection."),
        "updating": _("The course has changed: updating it on this phone…"),
        "removed": _("Removed from this phone."),
        "failed": _("The download did not finish. Check your connection and try again."),
        "offline_banner": _("You are offline. Downloaded lessons still open."),
        "queued": _("{count} waiting to be sent when the connection returns."),
        "sent": _("Everything you did offline has been sent."),
        "refused_title": _("The server did not accept this:"),
        "saved_offline": _("Saved on this phone. It will be sent when the connection returns."),
    }


def course_download_panel(*, request: HttpRequest, page: CoursePage, context: dict) -> Panel | None:
    progress = context.get("progress")
    if progress is not None and not getattr(progress, "is_enrolled", False):
        return None
    if not request.user.is_authenticated:
        return None
    if progress is None and not course_offline_available(user=request.user, course=page):
        return None
    return Panel(
        "offline/includes/course_download_panel.html",
        {
            "offline_course": page,
            "download_url": reverse("offline:course_download", args=[page.pk]),
            "offline_strings": offline_strings(),
        },
    )
