"""Writes of the centre staff for early-childhood sessions (children counted, never named)."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from curricula.models import ActivityPage
from curricula.selectors import canonical_page
from lms.centres.models import Centre
from lms.centres.services import CentreError, require_staff
from lms.users.models import User

from .models import EarlyChildhoodSession

MAX_CHILDREN_PER_AGE = 200
MAX_ADULTS = 500


@dataclass
class ChildCounts:
    age_3: int = 0
    age_4: int = 0
    age_5: int = 0
    age_6: int = 0
    adults: int = 0

    @property
    def children(self) -> int:
        return self.age_3 + self.age_4 + self.age_5 + self.age_6


def _checked_counts(counts: ChildCounts) -> None:
    for value in (counts.age_3, counts.age_4, counts.age_5, counts.age_6):
        if value < 0 or value > MAX_CHILDREN_PER_AGE:
            raise CentreError(
                _("Enter between 0 and %(max)s children for each age.")
                % {"max": MAX_CHILDREN_PER_AGE},
                code="counts",
            )
    if counts.adults < 0 or counts.adults > MAX_ADULTS:
        raise CentreError(
            _("Enter between 0 and %(max)s adults.") % {"max": MAX_ADULTS}, code="counts"
        )
    if counts.children == 0:
        raise CentreError(_("Enter how many children took part."), code="no_children")


def _checked_activity(activity: ActivityPage) -> ActivityPage:
    activity = canonical_page(activity).specific
    if not isinstance(activity, ActivityPage):
        raise CentreError(_("Choose an activity plan."), code="not_an_activity")
    return activity


def _checked_date(date: dt.date) -> None:
    if date > timezone.localdate():
        raise CentreError(_("The date cannot be in the future."), code="future")
    if date.year < 2020:
        raise CentreError(_("Check the date: it is too long ago."), code="past")


def early_childhood_session_create(
    *,
    actor: User,
    centre: Centre,
    activity: ActivityPage,
    date: dt.date,
    counts: ChildCounts,
    notes: str = "",
) -> EarlyChildhoodSession:
    """Record that an activity plan was run with children at a centre (no child names)."""
    require_staff(actor, centre.pk)
    activity = _checked_activity(activity)
    _checked_date(date)
    _checked_counts(counts)
    with transaction.atomic():
        record = EarlyChildhoodSession.objects.create(
            activity=activity,
            centre=centre,
            date=date,
            children_age_3=counts.age_3,
            children_age_4=counts.age_4,
            children_age_5=counts.age_5,
            children_age_6=counts.age_6,
            adults=counts.adults,
            notes=(notes or "").strip()[:2000],
            recorded_by=actor,
        )
        log(instance=record, action="lms.early_childhood.create", user=actor)
    return record


def early_childhood_session_update(
    *,
    actor: User,
    record: EarlyChildhoodSession,
    activity: ActivityPage,
    date: dt.date,
    counts: ChildCounts,
    notes: str = "",
) -> EarlyChildhoodSession:
    require_staff(actor, record.centre_id)
    activity = _checked_activity(activity)
    _checked_date(date)
    _checked_counts(counts)
    with transaction.atomic():
        record.activity, record.date = activity, date
        record.children_age_3, record.children_age_4 = counts.age_3, counts.age_4
        record.children_age_5, record.children_age_6 = counts.age_5, counts.age_6
        record.adults, record.notes = counts.adults, (notes or "").strip()[:2000]
        record.save()
        log(instance=record, action="lms.early_childhood.update", user=actor)
    return record


def early_childhood_session_delete(*, actor: User, record: EarlyChildhoodSession) -> None:
    require_staff(actor, record.centre_id)
    with transaction.atomic():
        log(instance=record, action="lms.early_childhood.delete", user=actor)
        record.delete()
