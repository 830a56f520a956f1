"""The staff side: centres, classes, members, sessions, attendance and reports.

Scoped exactly as the staff pages are: every record comes through lms.centres.scoping and
lms.classes.scoping (a class of another centre does not exist: 404), and a person without
a staff role is refused (403). Reports are for centre admins and national admins.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from ninja import Path, Query, Router, Schema
from ninja.pagination import paginate

from lms.centres import scoping
from lms.classes import scoping as class_scoping
from lms.classes.models import CohortSession
from lms.classes.selectors import attendance_sheet, cohort_roster, cohorts_for
from lms.classes.services import attendance_record
from lms.core.db_routing import from_replica
from lms.core.numbers import ID_MAX
from lms.reports.forms import ReportFilterForm
from lms.reports.reports import centre_report

from ..auth import SIGNED_IN, require_centre_admin, require_staff, require_write
from ..pagination import Listing, Pages
from ..problems import form_errors, problem_response, responses, validation_detail
from ..schemas import (
    AttendanceIn,
    AttendanceResultOut,
    AttendanceRowOut,
    CentreOut,
    ClassOut,
    MemberOut,
    ReportOut,
    SessionOut,
)
from ..translations import course_refs

router = Router(tags=["staff"], auth=SIGNED_IN)

RecordId = Path(..., ge=1, le=ID_MAX)


def _centre_ref(centre) -> dict:
    return {"id": centre.pk, "name": centre.name_th, "name_en": centre.name_en or None}


def _class_items(cohorts) -> list[dict]:
    refs = course_refs([c.course for c in cohorts])
    return [
        {
            "id": c.pk,
            "name": c.name,
            "centre": _centre_ref(c.centre),
            "course": refs[c.course_id],
            "start_date": c.start_date,
            "end_date": c.end_date,
            "member_count": c.member_count,
            "session_count": c.session_count,
        }
        for c in cohorts
    ]


def _cohort(request: HttpRequest, pk: int):
    return get_object_or_404(cohorts_for(user=request.user), pk=pk)


def _session(request: HttpRequest, pk: int) -> CohortSession:
    return get_object_or_404(
        class_scoping.sessions_visible_to(request.user).select_related(
            "cohort", "cohort__centre", "cohort__course"
        ),
        pk=pk,
    )


@router.get("/centres", response=responses({200: list[CentreOut]}), summary="My centres")
@paginate(Pages)
def list_centres(request: HttpRequest):
    require_staff(request)

    def items(rows):
        return [
            {
                "id": c.pk,
                "code": c.code,
                "name": c.name_th,
                "name_en": c.name_en or None,
                "province": c.province.name_th,
                "province_en": c.province.name_en,
                "is_active": c.is_active,
            }
            for c in rows
        ]

    centres = scoping.centres_visible_to(request.user).select_related("province")
    return Listing(centres.order_by("province__code", "code"), items)


class ClassFilter(Schema):
    current: bool = False


@router.get("/classes", response=responses({200: list[ClassOut]}), summary="Classes")
@paginate(Pages)
def list_classes(request: HttpRequest, filters: Query[ClassFilter]):
    require_staff(request)
    cohorts = cohorts_for(user=request.user, current_only=filters.current)
    return Listing(cohorts.order_by("-start_date", "-pk"), _class_items)


@router.get("/classes/{class_id}", response=responses({200: ClassOut}), summary="One class")
def get_class(request: HttpRequest, class_id: int = RecordId):
    require_staff(request)
    return _class_items([_cohort(request, class_id)])[0]


@router.get(
    "/classes/{class_id}/members",
    response=responses({200: list[MemberOut]}),
    summary="Members of a class with their progress and attendance",
)
@paginate(Pages)
def list_class_members(request: HttpRequest, class_id: int = RecordId):
    require_staff(request)
    roster = cohort_roster(cohort=_cohort(request, class_id))
    return [
        {
            "id": row.user.pk,
            "username": row.user.username,
            "first_name": row.user.first_name,
            "last_name": row.user.last_name,
            "lessons_done": row.done,
            "lessons_total": row.total,
            "percent": row.percent,
            "completed": row.completed,
            "is_behind": row.is_behind,
            "present": row.present,
            "absent": row.absent,
            "excused": row.excused,
            "attendance_percent": row.attendance_percent,
        }
        for row in roster.rows
    ]


def _session_item(session: CohortSession) -> dict:
    return {
        "id": session.pk,
        "class_id": session.cohort_id,
        "date": session.date,
        "start_time": f"{session.start_time:%H:%M}",
        "end_time": f"{session.end_time:%H:%M}",
        "place": session.place,
        "topic": session.topic,
    }


@router.get(
    "/classes/{class_id}/sessions",
    response=responses({200: list[SessionOut]}),
    summary="Sessions of a class",
)
@paginate(Pages)
def list_class_sessions(request: HttpRequest, class_id: int = RecordId):
    require_staff(request)
    cohort = _cohort(request, class_id)
    sessions = CohortSession.objects.filter(cohort=cohort).order_by("date", "start_time", "pk")
    return Listing(sessions, lambda rows: [_session_item(s) for s in rows])


@router.get(
    "/sessions/{session_id}/attendance",
    response=responses({200: list[AttendanceRowOut]}),
    summary="Attendance of one session",
)
@paginate(Pages)
def get_session_attendance(request: HttpRequest, session_id: int = RecordId):
    require_staff(request)
    rows = attendance_sheet(session=_session(request, session_id))
    return [
        {
            "user_id": row.user.pk,
            "username": row.user.username,
            "first_name": row.user.first_name,
            "last_name": row.user.last_name,
            "status": row.status,
            "recorded_via": row.via,
        }
        for row in rows
    ]


@router.post(
    "/sessions/{session_id}/attendance",
    response=responses({200: AttendanceResultOut}),
    summary="Record attendance for a session (read and write tokens only)",
)
def record_session_attendance(request: HttpRequest, body: AttendanceIn, session_id: int = RecordId):
    require_staff(request)
    require_write(request)
    session = _session(request, session_id)
    marks: dict[int, str] = {}
    for mark in body.marks:
        marks[mark.user_id] = mark.status
    result = attendance_record(actor=request.user, session=session, marks=marks)
    return {"changed": result.changed, "completed": result.completed}


class ReportQuery(Schema):
    by: str = "centre"
    date_from: str | None = None
    date_to: str | None = None
    province: str | None = None
    centre: str | None = None
    track: str | None = None


def _report_row(row) -> dict:
    return {
        "key": None if row.key is None else str(row.key),
        "label": str(row.label),
        "learners": row.learners,
        "enrolments": row.enrolments,
        "completions": row.completions,
        "completion_rate": row.completion_rate,
        "certificates": row.certificates,
        "class_sessions": row.class_sessions,
        "attendance_rate": row.attendance_rate,
        "early_sessions": row.early_sessions,
        "children": row.children,
        "adults": row.adults,
    }


@from_replica
def _report_for(*, user, dimension, filters):
    # Reports read from the replica when there is one, as the report page does.
    return centre_report(user=user, dimension=dimension, filters=filters)


@router.get(
    "/reports",
    response=responses({200: ReportOut}),
    summary="The staff report (the figures of the report page)",
)
def get_report(request: HttpRequest, query: Query[ReportQuery]):
    require_centre_admin(request)
    params = {k: v for k, v in query.dict().items() if v not in (None, "")}
    form = ReportFilterForm(params, user=request.user)
    if not form.is_valid():
        return problem_response(
            request,
            422,
            validation_detail(),
            code="validation",
            errors=form_errors(form),
        )
    dimension, filters = form.report_args()
    report = _report_for(user=request.user, dimension=dimension, filters=filters)
    return {
        "dimension": report.dimension,
        "scope": str(report.scope),
        "generated_at": report.generated_at,
        "figures_as_of": report.figures_as_of,
        "totals": _report_row(report.totals),
        "rows": [_report_row(row) for row in report.rows],
    }
