"""Certificates for a whole class: the button on the class page of the staff area.

Classes (lms.classes) know nothing of certificates; this module, one layer up,
starts a certificate batch over a class's members and answers the class page's
button at /centre/classes/<id>/certificates/.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.centres.services import CentreError, require_admin
from lms.centres.views.common import get_scoped_or_404, staff_required
from lms.classes.models import Cohort
from lms.classes.scoping import cohorts_visible_to
from lms.users.models import User

from .batches import certificate_batch_create
from .services import CertificateError


def cohort_certificates_issue(*, actor: User, cohort: Cohort):
    """Issue certificates to the members of a class who completed its course.

    Starts a certificate batch over every member: those who qualify get a
    certificate, the others are listed with the reason (the batch page shows both).
    """
    require_admin(actor, cohort.centre_id)
    members = [membership.user for membership in cohort.memberships.select_related("user")]
    if not members:
        raise CentreError(_("This class has no members yet."), code="empty")
    try:
        return certificate_batch_create(
            actor=actor,
            course=cohort.course,
            learners=members,
            reason=_("Class “%(name)s”") % {"name": cohort.name},
        )
    except CertificateError as error:
        raise CentreError(error.message, code=error.code) from error


@staff_required
@require_POST
def cohort_certificates(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue certificates to the class, then follow the batch's progress."""
    cohort = get_scoped_or_404(
        cohorts_visible_to(request.user).select_related("centre", "course"), pk=pk
    )
    try:
        batch = cohort_certificates_issue(actor=request.user, cohort=cohort)
    except CentreError as error:
        messages.warning(request, error.message)
        return redirect("centres:cohort_detail", pk=cohort.pk)
    return redirect("certificates_admin:batch", pk=batch.pk)
