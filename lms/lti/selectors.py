"""Reads for LTI: which course a launch points to, a learner's result as a gradebook
score, and the keys we publish."""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Max, Q

from wagtail.models import Site

from assessments.models import QuizAttempt
from curricula.models import CoursePage, LessonPage
from curricula.selectors import canonical_page
from lms.learning.models import Enrollment
from lms.learning.selectors import course_progress_for
from lms.users.models import User

from .keys import public_jwk
from .models import ActivityProgress, GradingProgress, ToolKey

CUSTOM_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/custom"
TARGET_LINK_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/target_link_uri"


def jwks() -> dict:
    """Every active key of ours, for /lti/jwks.json."""
    return {"keys": [public_jwk(key.public_key) for key in ToolKey.objects.filter(is_active=True)]}


def course_by_id(value) -> CoursePage | None:
    try:
        pk = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return CoursePage.objects.live().filter(pk=pk).first()


def _course_by_url(url: str) -> CoursePage | None:
    path = urlsplit(url).path
    if not path or path.startswith("/lti/"):
        return None
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    # The English version of a page lives under /en/; its url_path carries no prefix.
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and path.startswith(prefix):
            path = "/" + path[len(prefix) :]
    url_path = site.root_page.url_path.rstrip("/") + "/" + path.strip("/") + "/"
    return CoursePage.objects.live().filter(url_path=url_path).first()


def course_for_launch(*, claims: dict) -> CoursePage | None:
    """The live course a resource link launch names: the `course_id` custom parameter
    (what our deep-linking responses set) or else the target link's address."""
    custom = claims.get(CUSTOM_CLAIM) or {}
    if custom.get("course_id"):
        return course_by_id(custom["course_id"])
    target = claims.get(TARGET_LINK_CLAIM) or ""
    return _course_by_url(target) if target else None


def courses_for_picker() -> list[CoursePage]:
    """The live courses a teacher may place in their course, in the site's language."""
    return list(
        CoursePage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("title")
    )


@dataclass(frozen=True)
class Score:
    given: Decimal
    maximum: Decimal
    activity_progress: str
    grading_progress: str


def score_for(*, user: User, course: CoursePage) -> Score:
    """A learner's result in `course` as a score out of 100.

    The best graded quiz percentage of the course when they have one (a quiz is the
    course's assessment), else how far through the course they are. Each score is the
    learner's grade as it stands, so it is sent as fully graded: Moodle records no
    other kind.
    """
    course = canonical_page(course).specific
    enrollment = Enrollment.objects.filter(user=user, course=course).first()
    lessons = LessonPage.objects.child_of(course).values("pk")
    best = QuizAttempt.objects.filter(
        Q(quiz__course=course) | Q(quiz__lesson__in=lessons),
        user=user,
        graded_at__isnull=False,
    ).aggregate(best=Max("percent"))["best"]
    if best is not None:
        given = Decimal(best)
    else:
        given = Decimal(course_progress_for(user=user, course=course).percent)
    if enrollment is not None and enrollment.completed_at is not None:
        activity = ActivityProgress.COMPLETED
    elif enrollment is not None:
        activity = ActivityProgress.IN_PROGRESS
    else:
        activity = ActivityProgress.INITIALIZED
    return Score(
        given=given.quantize(Decimal("0.01")),
        maximum=Decimal("100.00"),
        activity_progress=activity,
        grading_progress=GradingProgress.FULLY_GRADED,
    )
