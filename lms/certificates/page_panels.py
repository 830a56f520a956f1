"""The learner's certificates on My learning (registered in wagtail_hooks.py)."""

from django.http import HttpRequest

from lms.core.panels import Panel

from .selectors import certificates_for


def dashboard_certificates(*, request: HttpRequest) -> Panel:
    return Panel(
        "certificates/includes/dashboard_certificates.html",
        {"certificates": certificates_for(user=request.user)},
    )


def completion_certificate(*, request: HttpRequest, enrollment) -> Panel:
    """The certificate of the course just finished, on the completion page."""
    certificate = certificates_for(user=request.user).filter(course_id=enrollment.course_id).first()
    return Panel("certificates/includes/completion_certificate.html", {"certificate": certificate})
