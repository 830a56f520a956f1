"""Taking attendance on a phone, the session's QR code, and the learner's check-in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

import segno

from lms.centres.services import CentreError
from lms.centres.views.common import get_scoped_or_404, staff_required
from lms.core.numbers import id_parse

from .. import scoping as class_scoping
from ..checkin import checkin_is_open, checkin_session_id, checkin_token, session_window
from ..models import AttendanceStatus, CohortMembership, CohortSession
from ..selectors import attendance_sheet
from ..services import attendance_checkin, attendance_record


def _session(request: HttpRequest, pk: int) -> CohortSession:
    return get_scoped_or_404(
        class_scoping.sessions_visible_to(request.user).select_related(
            "cohort", "cohort__centre", "cohort__course"
        ),
        pk=pk,
    )


def _marks_from(request: HttpRequest, session: CohortSession) -> dict[int, str]:
    if request.POST.get("all") == AttendanceStatus.PRESENT:
        return dict.fromkeys(
            CohortMembership.objects.filter(cohort_id=session.cohort_id).values_list(
                "user_id", flat=True
            ),
            AttendanceStatus.PRESENT,
        )
    marks = {}
    for name, value in request.POST.items():
        if name.startswith("status-"):
            user_id = id_parse(name.removeprefix("status-"))
            if user_id is None:
                raise CentreError(_("The form was damaged. Reload the page."), code="form")
            marks[user_id] = value
    return marks


@staff_required
@require_http_methods(["GET", "POST"])
def session_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = _session(request, pk)
    status = 200
    if request.method == "POST":
        try:
            marks = _marks_from(request, session)
            result = attendance_record(actor=request.user, session=session, marks=marks)
        except CentreError as error:
            messages.error(request, error.message)
            status = 400
        else:
            if result.changed:
                messages.success(
                    request,
                    _("Attendance saved (%(count)s changed).") % {"count": result.changed},
                )
            else:
                messages.info(request, _("Nothing changed."))
            if result.completed:
                messages.success(
                    request,
                    _("%(count)s learners have now completed the course.")
                    % {"count": result.completed},
                )
            return redirect("centres:session_attendance", pk=session.pk)
    rows = attendance_sheet(session=session)
    counts = {
        value: sum(1 for row in rows if row.status == value) for value in AttendanceStatus.values
    }
    context = {
        "session": session,
        "cohort": session.cohort,
        "rows": rows,
        "statuses": AttendanceStatus.choices,
        "counts": counts,
        "unmarked": sum(1 for row in rows if row.status is None),
        "checkin_open": checkin_is_open(session),
    }
    return render(request, "classes/session_attendance.html", context, status=status)


@staff_required
def session_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The QR code the trainer shows on a phone or projector during the session."""
    session = _session(request, pk)
    url = request.build_absolute_uri(reverse("centres:checkin", args=[checkin_token(session)]))
    qr = segno.make(url, error="m")
    opens, closes = session_window(session)
    context = {
        "session": session,
        "cohort": session.cohort,
        "url": url,
        "qr_data_uri": qr.svg_data_uri(scale=8, border=2, dark="#1b2430"),
        "is_open": checkin_is_open(session),
        "opens": opens,
        "closes": closes,
        "present": session.attendance.filter(status=AttendanceStatus.PRESENT).count(),
    }
    return render(request, "classes/session_qr.html", context)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, token: str) -> HttpResponse:
    """Where a learner lands after scanning the QR code: confirm, and be marked present once."""
    session_id = checkin_session_id(token)
    session = (
        CohortSession.objects.select_related("cohort", "cohort__centre")
        .filter(pk=session_id)
        .first()
        if session_id
        else None
    )
    if session is None:
        raise Http404
    context = {"session": session, "cohort": session.cohort, "done": False, "error": None}
    member = CohortMembership.objects.filter(cohort_id=session.cohort_id, user=request.user)
    if not member.exists():
        context["error"] = _("You are not on the list of this class. Ask the trainer to add you.")
        return render(request, "classes/checkin.html", context, status=403)
    if not checkin_is_open(session):
        opens, closes = session_window(session)
        context["error"] = _("This check-in code works only during the session.")
        context["opens"], context["closes"] = opens, closes
        return render(request, "classes/checkin.html", context, status=403)
    if request.method == "POST":
        try:
            result = attendance_checkin(user=request.user, session=session)
        except CentreError as error:
            context["error"] = error.message
            return render(request, "classes/checkin.html", context, status=403)
        context["done"] = True
        context["already"] = not result.marked
    else:
        context["already"] = session.attendance.filter(
            user=request.user, status=AttendanceStatus.PRESENT
        ).exists()
    return render(request, "classes/checkin.html", context)
