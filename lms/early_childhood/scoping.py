"""Which early-childhood sessions a staff member may see: those of their own centres."""

from django.db.models import QuerySet

from lms.centres.scoping import in_centres, staff_centre_ids
from lms.users.models import User

from .models import EarlyChildhoodSession


def early_childhood_sessions_visible_to(user: User) -> QuerySet[EarlyChildhoodSession]:
    return in_centres(EarlyChildhoodSession.objects.all(), staff_centre_ids(user))
