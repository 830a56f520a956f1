"""xAPI 1.0.3 statements for the learning events the platform announces.

Pure builders: each takes the records of one event and returns the statement as a
dict, without its id (the outbox fixes the id when it stores the statement).

Verbs are the ADL vocabulary's, and for a certificate the registry's "earned"
(http://id.tincanapi.com/verb/earned), which the xAPI registry defines for an actor
who earned a reward such as a badge or certificate. The actor is an account on this
site whose name is an opaque UUID (`LearnerAgent`), never a username or a person's name.
Activity ids are URLs on this site that stay the same when a page is renamed or moved.
"""

import datetime as dt
import uuid
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Locale, Page

XAPI_VERSION = "1.0.3"
PLATFORM = "Community Digital Centre LMS"

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "launched": (ADL + "launched", "เริ่มเรียน", "launched"),
    "completed": (ADL + "completed", "เรียนจบ", "completed"),
    "attempted": (ADL + "attempted", "เริ่มทำ", "attempted"),
    "passed": (ADL + "passed", "สอบผ่าน", "passed"),
    "failed": (ADL + "failed", "สอบไม่ผ่าน", "failed"),
    "earned": ("http://id.tincanapi.com/verb/earned", "ได้รับ", "earned"),
}

ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
}

# Registrations are UUIDs derived from the enrolment: the same enrolment always gives
# the same registration, and nothing about the learner can be read back from it.
_REGISTRATION_NAMESPACE = uuid.UUID("6f0e2c55-93a1-4b77-9a37-5f3c1f0d2a61")


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def activity_id(kind: str, pk: int) -> str:
    return f"{site_url()}/xapi/activities/{kind}/{pk}/"


def registration_for(enrollment_id: int) -> str:
    return str(uuid.uuid5(_REGISTRATION_NAMESPACE, f"{site_url()}/enrollments/{enrollment_id}"))


def english_title(page: Page) -> str:
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return ""
    translation = page.get_translation_or_none(english)
    return translation.title if translation is not None else ""


def language_map(thai: str, english: str = "") -> dict[str, str]:
    names = {"th": thai}
    if english:
        names["en"] = english
    return names


def page_activity(kind: str, page: Page) -> dict:
    return {
        "objectType": "Activity",
        "id": activity_id(kind, page.pk),
        "definition": {
            "type": ACTIVITY_TYPES[kind],
            "name": language_map(page.title, english_title(page)),
        },
    }


def _verb(key: str) -> dict:
    iri, thai, english = VERBS[key]
    return {"id": iri, "display": language_map(thai, english)}


def _timestamp(at: dt.datetime) -> str:
    return timezone.localtime(at).isoformat(timespec="milliseconds")


def _context(*, enrollment_id: int | None, parents: list[dict]) -> dict:
    context: dict = {
        "platform": PLATFORM,
        "language": (get_language() or settings.LANGUAGE_CODE).split("-")[0],
    }
    if enrollment_id is not None:
        context["registration"] = registration_for(enrollment_id)
    if parents:
        context["contextActivities"] = {"parent": parents}
    return context


def statement(
    *,
    agent_name: str,
    verb: str,
    activity: dict,
    at: dt.datetime,
    enrollment_id: int | None = None,
    parents: list[dict] | None = None,
    result: dict | None = None,
) -> dict:
    """One statement: the learner (`agent_name`) did `verb` to `activity` at `at`."""
    built = {
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": site_url() + "/", "name": agent_name},
        },
        "verb": _verb(verb),
        "object": activity,
        "context": _context(enrollment_id=enrollment_id, parents=parents or []),
        "timestamp": _timestamp(at),
        "version": XAPI_VERSION,
    }
    if result is not None:
        built["result"] = result
    return built


def score_result(*, score: Decimal, max_score: Decimal, percent: Decimal, passed: bool) -> dict:
    """A graded quiz attempt's result: scaled, raw, min and max score and success."""
    raw = float(score)
    maximum = float(max_score)
    return {
        "score": {
            "scaled": round(min(max(float(percent) / 100, 0.0), 1.0), 4),
            "raw": raw,
            "min": 0,
            "max": maximum,
        },
        "success": passed,
        "completion": True,
    }
