"""QR check-in: a signed link per class session, valid only while the session runs.

The trainer shows the link as a QR code; a learner scans it with the phone's
camera, logs in if needed and confirms. The token names the session and is
signed with the site's secret, so it cannot be made up for another session;
outside the session window it is refused.
"""

import datetime as dt

from django.core import signing
from django.utils import timezone

from lms.core.numbers import id_parse

from .models import CohortSession

# The signing salt keeps its old module name: QR codes printed before the move still work.
SALT = "lms.centres.checkin"
# Learners arrive early and scan late; the window is a little wider than the session.
OPENS_BEFORE = dt.timedelta(minutes=30)
CLOSES_AFTER = dt.timedelta(minutes=30)


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT, sep=".")


def checkin_token(session: CohortSession) -> str:
    return _signer().sign(str(session.pk))


def checkin_session_id(token: str) -> int | None:
    """The session id a token names, or None when it was not signed by us."""
    try:
        value = _signer().unsign(token)
    except signing.BadSignature:
        return None
    return id_parse(value)


def session_window(session: CohortSession) -> tuple[dt.datetime, dt.datetime]:
    """When check-in opens and closes, as aware datetimes in the site's time zone."""
    zone = timezone.get_default_timezone()
    starts = dt.datetime.combine(session.date, session.start_time, tzinfo=zone)
    ends = dt.datetime.combine(session.date, session.end_time, tzinfo=zone)
    return starts - OPENS_BEFORE, ends + CLOSES_AFTER


def checkin_is_open(session: CohortSession, now: dt.datetime | None = None) -> bool:
    opens, closes = session_window(session)
    return opens <= (now or timezone.now()) <= closes
