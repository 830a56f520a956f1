"""Writes for LTI: keys, accepted launches (linked accounts, enrolment, gradebook links)
and the scores sent to a platform's gradebook.

Scores follow the outbox pattern used for learning records: the event's transaction
writes a `ScoreOutbox` row when the learner's result changed, a task sends it after
the commit, and a failed send is retried with back-off (by the task itself and by the
sweep that celery beat runs), so each change reaches the platform once.
"""

import datetime as dt
import logging
import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

import requests
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException, LtiServiceException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from curricula.models import CoursePage
from curricula.selectors import canonical_page
from lms.core.errors import ServiceError
from lms.core.queue import run_or_queue
from lms.learning.services import LearningError, enrollment_create
from lms.users.models import User

from .keys import public_jwk, rsa_key_pair
from .models import GradeLink, LtiAccount, Platform, ScoreOutbox, ToolKey, UsedNonce
from .selectors import score_for
from .tool_config import registration_for

logger = logging.getLogger(__name__)

AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
BACKOFF_FIRST = dt.timedelta(minutes=1)
BACKOFF_MAX = dt.timedelta(hours=6)
# A nonce is kept a little longer than any launch message may live.
NONCE_LIFETIME = dt.timedelta(hours=2)


class LtiError(ServiceError):
    """A refused launch or deep-linking step; `message` is shown as it is."""


def tool_key_generate(*, actor: User) -> ToolKey:
    """Make a new key pair; from now on it signs. Older keys stay published until an
    admin retires them, so a platform that cached them keeps working."""
    private_pem, public_pem = rsa_key_pair()
    with transaction.atomic():
        key = ToolKey.objects.create(
            kid=public_jwk(public_pem)["kid"], public_key=public_pem, private_key=private_pem
        )
        log(instance=key, action="lms.lti.key_create", user=actor)
    return key


def tool_key_retire(*, key: ToolKey, actor: User) -> ToolKey:
    with transaction.atomic():
        key = ToolKey.objects.select_for_update().get(pk=key.pk)
        if key.is_active:
            key.is_active = False
            key.save(update_fields=["is_active"])
            log(instance=key, action="lms.lti.key_retire", user=actor)
    return key


def nonce_use(*, platform: Platform, nonce: str) -> None:
    """Accept a launch message's nonce once; the second time it is a replay."""
    now = timezone.now()
    UsedNonce.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            UsedNonce.objects.create(
                platform=platform, nonce=nonce, expires_at=now + NONCE_LIFETIME
            )
    except IntegrityError:
        raise LtiError(
            _("This link has already been used. Please open it again from your school's system."),
            code="replayed",
            status=403,
        ) from None


def _new_username() -> str:
    while True:
        username = f"lti-{secrets.token_hex(5)}"
        if not User.objects.filter(username__iexact=username).exists():
            return username


def lti_account_link(*, platform: Platform, sub: str, claims: dict) -> LtiAccount:
    """The account linked to the platform's user `sub`; on the first launch a new learner
    account named from the launch. An existing account is never matched by e-mail: the
    platform vouches for its own users, not for ours."""
    account = LtiAccount.objects.select_related("user").filter(platform=platform, sub=sub).first()
    if account is not None:
        return account
    with transaction.atomic():
        user = User(
            username=_new_username(),
            first_name=(claims.get("given_name") or claims.get("name") or "")[:100],
            last_name=(claims.get("family_name") or "")[:100],
            home_centre=platform.learner_centre,
        )
        user.set_unusable_password()
        user.save()
        try:
            with transaction.atomic():
                account = LtiAccount.objects.create(platform=platform, sub=sub, user=user)
        except IntegrityError:
            # A launch in another tab linked this user first; theirs is ours.
            transaction.set_rollback(True)
            return LtiAccount.objects.select_related("user").get(platform=platform, sub=sub)
        log(instance=account, action="lms.lti.account_link", user=user)
    return account


@dataclass(frozen=True)
class LaunchResult:
    account: LtiAccount
    course: CoursePage


def learner_launch(*, platform: Platform, claims: dict, course: CoursePage | None) -> LaunchResult:
    """A learner's resource link launch: link their account, enrol them in `course` and
    remember the gradebook column to send their result to."""
    if course is None:
        raise LtiError(
            _("This link does not point to a course that is open. Please tell your teacher."),
            code="no_course",
            status=404,
        )
    account = lti_account_link(platform=platform, sub=claims["sub"], claims=claims)
    try:
        enrollment_create(user=account.user, course=course)
    except LearningError as error:
        raise LtiError(error.message, code=error.code) from error
    ags = claims.get(AGS_CLAIM) or {}
    lineitem = ags.get("lineitem")
    if lineitem and SCORE_SCOPE in (ags.get("scope") or []):
        GradeLink.objects.update_or_create(
            account=account,
            course=canonical_page(course),
            lineitem_url=lineitem,
            defaults={"scopes": list(ags.get("scope") or [])},
        )
    return LaunchResult(account=account, course=course)


def deep_link_use(*, launch_id: str) -> None:
    """A deep-linking launch answers once: a second choice from the same page (a double
    click, a page kept open) is refused rather than placing two links."""
    if not cache.add(f"lti-deep-link:{launch_id}", 1, 60 * 60 * 24):
        raise LtiError(
            _("A course was already chosen here. Please start again from your school's system."),
            code="deep_link_used",
        )


def score_record(*, user: User, course_id: int) -> list[ScoreOutbox]:
    """Queue the learner's current result for each gradebook column linked to the course,
    where it differs from the last one queued. Call inside the event's transaction."""
    links = list(
        GradeLink.objects.select_for_update()
        .filter(account__user=user, course_id=course_id)
        .order_by("pk")
    )
    if not links:
        return []
    course = CoursePage.objects.get(pk=course_id)
    score = score_for(user=user, course=course)
    now = timezone.now()
    rows = []
    for link in links:
        last = link.scores.order_by("-pk").first()
        if last is not None and (
            last.score_given,
            last.score_maximum,
            last.activity_progress,
            last.grading_progress,
        ) == (score.given, score.maximum, score.activity_progress, score.grading_progress):
            continue
        rows.append(
            ScoreOutbox.objects.create(
                link=link,
                score_given=score.given,
                score_maximum=score.maximum,
                activity_progress=score.activity_progress,
                grading_progress=score.grading_progress,
                changed_at=now,
            )
        )
    for row in rows:
        transaction.on_commit(lambda pk=row.pk: score_enqueue(score_id=pk))
    return rows


def score_enqueue(*, score_id: int) -> bool:
    """Send the task; never raises (the sweep sends what could not be queued)."""
    from .tasks import send_score

    return run_or_queue(send_score, score_id)


class ScoreSendFailed(Exception):
    """The platform did not take the score; the row waits for another try."""


def backoff_for(attempts: int) -> dt.timedelta:
    return min(BACKOFF_FIRST * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def _post_score(row: ScoreOutbox) -> None:
    link = row.link
    account = link.account
    connector = ServiceConnector(registration_for(account.platform))
    service = AssignmentsGradesService(
        connector, {"scope": link.scopes, "lineitem": link.lineitem_url}
    )
    grade = (
        Grade()
        .set_score_given(float(row.score_given))
        .set_score_maximum(float(row.score_maximum))
        .set_activity_progress(row.activity_progress)
        .set_grading_progress(row.grading_progress)
        .set_timestamp(row.changed_at.isoformat())
        .set_user_id(account.sub)
    )
    service.put_grade(grade)


def score_send(*, score_id: int) -> bool:
    """Post one queued score to its platform. True when it is (or already was) sent;
    raises ScoreSendFailed, with the failure recorded, when the platform refused it."""
    with transaction.atomic():
        row = (
            ScoreOutbox.objects.select_for_update(skip_locked=True)
            .select_related("link__account__platform")
            .filter(pk=score_id)
            .first()
        )
        if row is None:
            return False  # another worker holds it
        if row.sent_at is not None:
            return True
        # A newer change for the same column replaces this one: only the latest counts.
        if row.link.scores.filter(pk__gt=row.pk).exists():
            row.sent_at = timezone.now()
            row.last_error = "superseded"
            row.save(update_fields=["sent_at", "last_error"])
            return True
        try:
            _post_score(row)
        except (LtiException, LtiServiceException, requests.RequestException, KeyError) as error:
            row.attempts += 1
            row.last_error = str(error)[:2000]
            row.next_attempt_at = timezone.now() + backoff_for(row.attempts)
            row.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            logger.warning("LTI: score %s not sent (attempt %s): %s", row.pk, row.attempts, error)
            failure = ScoreSendFailed(str(error))
        else:
            row.sent_at = timezone.now()
            row.save(update_fields=["sent_at"])
            return True
    raise failure


def scores_sweep(*, limit: int = 200) -> int:
    """Queue again the unsent scores that are due (a lost task, a platform that was down)."""
    now = timezone.now()
    due = Q(next_attempt_at__lte=now) | Q(
        next_attempt_at__isnull=True, created_at__lte=now - dt.timedelta(minutes=5)
    )
    ids = list(
        ScoreOutbox.objects.unsent().filter(due).order_by("pk").values_list("pk", flat=True)[:limit]
    )
    for pk in ids:
        score_enqueue(score_id=pk)
    return len(ids)


# --- Entering the site after a launch --------------------------------------------------
#
# A school's system shows our launch inside an iframe on its own site. There our session
# cookie (SameSite=Lax) is neither sent nor stored, so signing in inside the frame would
# not last. The launch instead hands out a short-lived, single-use address that signs the
# learner in when opened as a page of its own (a new window, or the whole tab when the
# launch already is one): there the cookie is first-party and Lax works as everywhere.

TICKET_SALT = "lms.lti.enter"
TICKET_MAX_AGE = 300


def launch_ticket_make(*, account: LtiAccount, course: CoursePage) -> str:
    return signing.dumps(
        {"a": account.pk, "c": course.pk, "n": secrets.token_hex(8)}, salt=TICKET_SALT
    )


def launch_ticket_redeem(*, token: str) -> tuple[User, CoursePage]:
    """The learner and course of a ticket, once; raises LtiError for a used, expired or
    forged one."""
    expired = LtiError(
        _("This link has expired. Please open the course again from your school's system."),
        code="ticket_expired",
    )
    try:
        data = signing.loads(token, salt=TICKET_SALT, max_age=TICKET_MAX_AGE)
    except signing.BadSignature:
        raise expired from None
    if not cache.add(f"lti-ticket:{data['n']}", 1, TICKET_MAX_AGE * 2):
        raise expired
    account = LtiAccount.objects.select_related("user").filter(pk=data["a"]).first()
    course = CoursePage.objects.live().filter(pk=data["c"]).first()
    if account is None or course is None or not account.user.is_active:
        raise expired
    return account.user, course
