"""The signed-in person's own records: profile, enrolments, progress and certificates."""

from django.http import HttpRequest
from django.urls import reverse

from ninja import Router
from ninja.pagination import paginate

from lms.centres import scoping
from lms.certificates.selectors import certificates_for
from lms.certificates.views import verification_payload
from lms.learning.selectors import dashboard_for

from ..auth import SIGNED_IN
from ..pagination import Listing, Pages
from ..problems import responses
from ..schemas import CertificateOut, EnrollmentOut, MeOut, ProgressOut
from ..selectors import enrollments_for
from ..translations import course_refs

router = Router(tags=["me"], auth=SIGNED_IN)


@router.get("/me", response=responses({200: MeOut}), summary="Who I am")
def me(request: HttpRequest):
    user = request.user
    centre = user.home_centre
    return {
        "id": user.pk,
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "first_name_en": user.first_name_en or None,
        "last_name_en": user.last_name_en or None,
        "home_centre": (
            {"id": centre.pk, "name": centre.name_th, "name_en": centre.name_en or None}
            if centre
            else None
        ),
        "is_staff_member": scoping.is_staff_member(user),
        "is_centre_admin": scoping.is_centre_admin(user),
        "is_national_admin": scoping.is_national_admin(user),
    }


@router.get(
    "/me/enrollments", response=responses({200: list[EnrollmentOut]}), summary="My enrolments"
)
@paginate(Pages)
def my_enrollments(request: HttpRequest):
    def items(rows):
        refs = course_refs([e.course for e in rows])
        return [
            {
                "id": e.pk,
                "course": refs[e.course_id],
                "enrolled_at": e.enrolled_at,
                "completed_at": e.completed_at,
                "left_at": e.left_at,
                "is_active": e.is_active,
            }
            for e in rows
        ]

    return Listing(enrollments_for(user=request.user), items)


@router.get(
    "/me/progress",
    response=responses({200: list[ProgressOut]}),
    summary="My progress in each course I am on",
)
@paginate(Pages)
def my_progress(request: HttpRequest):
    dashboard = dashboard_for(user=request.user)
    rows = [*dashboard.in_progress, *dashboard.completed]
    refs = course_refs([row.course for row in rows])
    return [
        {
            "course": refs[row.course.pk],
            "lessons_done": row.done_required,
            "lessons_total": row.total_required,
            "percent": row.percent,
            "completed": row.enrollment.completed_at is not None,
        }
        for row in rows
    ]


@router.get(
    "/me/certificates",
    response=responses({200: list[CertificateOut]}),
    summary="My certificates",
)
@paginate(Pages)
def my_certificates(request: HttpRequest):
    def items(rows):
        result = []
        for certificate in rows:
            facts = verification_payload(certificate)
            result.append(
                {
                    "id": certificate.pk,
                    "code": facts["code"],
                    "status": facts["status"],
                    "course": facts["course"],
                    "course_en": facts["course_en"] or None,
                    "centre": facts["centre"],
                    "centre_en": facts["centre_en"] or None,
                    "issued_at": certificate.issued_at,
                    "revoked_at": certificate.revoked_at,
                    "verification_url": facts["verification_url"],
                    "download_url": reverse("certificates:download", args=[certificate.pk]),
                }
            )
        return result

    return Listing(certificates_for(user=request.user), items)
