"""Writes of the H5P app: uploading and deleting activities, recording learners' results."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from curricula.models import LessonPage
from curricula.selectors import canonical_page
from lms.core.archives import archive_delete, archive_extract
from lms.core.errors import ServiceError
from lms.learning.models import CompletionSource
from lms.learning.selectors import active_enrollment
from lms.learning.services import lesson_complete
from lms.users.models import User

from .models import H5PContent, H5PResult
from .packages import PackageInfo, package_check
from .selectors import lesson_h5p_settings

STORAGE_ROOT = "h5p"


class H5PError(ServiceError):
    """A refused action on an activity or a result; `message` is shown as it is."""


def _unpack(file: IO[bytes]) -> tuple[str, PackageInfo]:
    """Check the package and write its files under a new prefix (nothing on a refusal)."""
    prefix = f"{STORAGE_ROOT}/{uuid.uuid4().hex}"
    checked: list[PackageInfo] = []

    def check(archive, contents) -> None:
        checked.append(package_check(archive, contents))

    archive_extract(file=file, prefix=prefix, check=check)
    return prefix, checked[0]


def h5p_content_create(
    *, file: IO[bytes], title: str = "", uploaded_by: User | None = None
) -> H5PContent:
    """Check an uploaded .h5p file, unpack it into storage and record it.

    A refused package (unsafe zip, missing or damaged h5p.json, content.json or
    libraries) raises an `ArchiveError` or `H5PPackageError`, and nothing is left behind,
    neither files nor a row.
    """
    prefix, info = _unpack(file)
    try:
        with transaction.atomic():
            return H5PContent.objects.create(
                title=(title or "").strip() or info.title or info.main_library,
                main_library=info.main_library,
                metadata=info.metadata,
                storage_prefix=prefix,
                size=info.total_bytes,
                uploaded_by=uploaded_by,
            )
    except BaseException:
        archive_delete(prefix=prefix)
        raise


def h5p_content_replace(
    *, content: H5PContent, file: IO[bytes], uploaded_by: User | None = None
) -> H5PContent:
    """Put a new version of the package in place of the old one; learners' results stay.

    The new files go under a new prefix, so no learner's browser mixes old and new
    files; the old ones are deleted once the change is committed. A refused package
    changes nothing.
    """
    prefix, info = _unpack(file)
    old_prefix = content.storage_prefix
    try:
        with transaction.atomic():
            content.main_library = info.main_library
            content.metadata = info.metadata
            content.storage_prefix = prefix
            content.size = info.total_bytes
            content.uploaded_by = uploaded_by
            content.save()
            transaction.on_commit(lambda: archive_delete(prefix=old_prefix))
    except BaseException:
        archive_delete(prefix=prefix)
        raise
    return content


def h5p_content_delete(*, content: H5PContent) -> None:
    """Delete an activity, its learners' results and, once that is committed, its files."""
    prefix = content.storage_prefix
    with transaction.atomic():
        content.delete()
        transaction.on_commit(lambda: archive_delete(prefix=prefix))


@dataclass(frozen=True)
class ResultReport:
    """What the player reported: a score (scaled 0–1, raw out of max) and/or completion."""

    lesson_id: int
    scaled: float | None
    raw: float | None
    max: float | None
    completed: bool


def _number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError
    return float(value)


def h5p_result_parse(*, payload: Any) -> ResultReport:
    """Read a report posted by the player; a malformed one raises a 400 `H5PError`."""
    malformed = H5PError(
        _("The activity's result could not be read. Please try again."), code="malformed"
    )
    if not isinstance(payload, dict):
        raise malformed
    lesson_id = payload.get("lesson")
    verb = payload.get("verb")
    score = payload.get("score") or {}
    if (
        isinstance(lesson_id, bool)
        or not isinstance(lesson_id, int)
        or lesson_id <= 0
        or verb not in ("completed", "answered")
        or not isinstance(score, dict)
    ):
        raise malformed
    try:
        raw, maximum, scaled = (_number(score.get(key)) for key in ("raw", "max", "scaled"))
    except ValueError:
        raise malformed from None
    if raw is not None and maximum is not None:
        if maximum <= 0 or raw < 0 or raw > maximum:
            raise malformed
        if scaled is None:
            scaled = raw / maximum
    if scaled is not None and not 0 <= scaled <= 1:
        raise malformed
    return ResultReport(
        lesson_id=lesson_id,
        scaled=scaled,
        raw=raw,
        max=maximum,
        completed=verb == "completed" or payload.get("completed") is True,
    )


def _not_found() -> H5PError:
    return H5PError(_("This activity was not found."), code="not_found", status=404)


def h5p_result_record(*, user: User, content_id: int, report: ResultReport) -> H5PResult:
    """Keep a learner's score in an activity of a lesson, and finish the lesson when the
    lesson's block says the activity does so and the score meets its pass mark.

    The lesson must hold the activity and the learner must be enrolled in its course;
    otherwise a 404 `H5PError`, as for an activity that does not exist. Repeating a
    report changes nothing but the time of the result.
    """
    if not user.is_authenticated:
        raise _not_found()
    lesson = LessonPage.objects.live().filter(pk=report.lesson_id).first()
    if lesson is None:
        raise _not_found()
    settings = lesson_h5p_settings(lesson=lesson, content_id=content_id)
    if settings is None:
        raise _not_found()
    lesson = canonical_page(lesson).specific
    course = lesson.get_parent().specific
    if active_enrollment(user=user, course=course) is None:
        raise _not_found()
    with transaction.atomic():
        result, _created = H5PResult.objects.select_for_update().get_or_create(
            user=user, content_id=content_id, lesson=lesson
        )
        if report.scaled is not None:
            result.last_scaled = report.scaled
            result.last_raw = report.raw
            result.last_max = report.max
            result.best_scaled = max(report.scaled, result.best_scaled or 0.0)
        result.completed = result.completed or report.completed
        result.save()
        if settings.completes_lesson and settings.is_met_by(result):
            lesson_complete(user=user, lesson=lesson, via=CompletionSource.ACTIVITY)
    return result
