"""Reads for the early-childhood pages: the records a staff member may see, the activity plans."""

from django.db.models import QuerySet

from curricula.models import ActivityPage
from curricula.selectors import default_locale
from lms.core.collation import thai_order
from lms.users.models import User

from .models import EarlyChildhoodSession
from .scoping import early_childhood_sessions_visible_to


def activity_choices() -> QuerySet[ActivityPage]:
    return ActivityPage.objects.live().filter(locale=default_locale()).order_by(thai_order("title"))


def early_childhood_sessions_for(*, user: User) -> QuerySet[EarlyChildhoodSession]:
    return early_childhood_sessions_visible_to(user).select_related(
        "activity", "centre", "recorded_by"
    )
