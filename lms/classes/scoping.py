"""Which classes, sessions, attendance and imports a staff member may see.

The rule is the centres' (lms.centres.scoping): a record belongs to the centre of
its class, and staff see their own centres' records; imports are for centre admins.
"""

from django.db.models import QuerySet

from lms.centres.scoping import admin_centre_ids, in_centres, staff_centre_ids
from lms.users.models import User

from .models import Attendance, Cohort, CohortMembership, CohortSession, ImportBatch


def cohorts_visible_to(user: User) -> QuerySet[Cohort]:
    return in_centres(Cohort.objects.all(), staff_centre_ids(user))


def sessions_visible_to(user: User) -> QuerySet[CohortSession]:
    return in_centres(CohortSession.objects.all(), staff_centre_ids(user), "cohort__centre_id")


def attendance_visible_to(user: User) -> QuerySet[Attendance]:
    return in_centres(
        Attendance.objects.all(), staff_centre_ids(user), "session__cohort__centre_id"
    )


def imports_visible_to(user: User) -> QuerySet[ImportBatch]:
    return in_centres(ImportBatch.objects.all(), admin_centre_ids(user))


def class_members_at(centre_ids: set[int]) -> QuerySet:
    """Ids of the people in a class at one of these centres (a learner source of the centres)."""
    return CohortMembership.objects.filter(cohort__centre_id__in=centre_ids).values("user_id")
