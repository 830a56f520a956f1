"""Uploading and removing SCORM packages, and storing a learner's run-time data."""

from __future__ import annotations

import json
import logging
import math
import re
from typing import IO, Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from curricula.models import LessonPage
from lms.core.archives import ArchiveContents, archive_delete, archive_extract
from lms.core.errors import ServiceError
from lms.learning.models import CompletionSource
from lms.learning.services import LearningError, lesson_complete
from lms.users.models import User

from .manifest import MANIFEST_MAX_BYTES, MANIFEST_NAME, Manifest, manifest_parse
from .models import ScormAttempt, ScormPackage, ScormSco
from .selectors import package_is_done

logger = logging.getLogger(__name__)

CMI_MAX_BYTES = 256 * 1024
LOCATION_MAX = 1000
SUSPEND_DATA_MAX = {"1.2": 4096 * 4, "2004": 64000}
COMPLETION_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted", ""}
COMPLETION_2004 = {"completed", "incomplete", "not attempted", "unknown", ""}
SUCCESS_2004 = {"passed", "failed", "unknown", ""}
DONE_STATUSES = {"completed", "passed"}


class PackageError(ServiceError):
    """A package upload or a learner's data was refused."""


def _read_manifest(archive, contents: ArchiveContents) -> Manifest:
    if MANIFEST_NAME not in contents.names:
        raise PackageError(
            _("This is not a SCORM package: it has no imsmanifest.xml file at the top of the zip."),
            code="no_manifest",
        )
    info = archive.getinfo(contents.source_of(MANIFEST_NAME))
    if info.file_size > MANIFEST_MAX_BYTES:
        raise PackageError(
            _("The package's imsmanifest.xml file cannot be read."), code="bad_manifest"
        )
    with archive.open(info) as member:
        data = member.read(MANIFEST_MAX_BYTES + 1)
    return manifest_parse(data=data, names=contents.names)


def package_upload(
    *,
    lesson: LessonPage,
    file: IO[bytes],
    uploaded_by: User | None,
    title: str = "",
    completes_lesson: bool = True,
    counts_as_quiz: bool = False,
    pass_mark: int | None = None,
) -> ScormPackage:
    """Check an uploaded zip, store its files and record the package for `lesson`.

    A refusal (hostile archive, no or bad manifest, a lesson that already has a package)
    raises a `ServiceError` with a message for the trainer, and leaves no file and no row.
    """
    if ScormPackage.objects.filter(lesson=lesson).exists():
        raise PackageError(
            _("This lesson already has a package. Delete it first to upload another."),
            code="lesson_taken",
        )
    parsed: dict[str, Manifest] = {}

    def check(archive, contents):
        parsed["manifest"] = _read_manifest(archive, contents)

    prefix = ScormPackage.new_storage_prefix()
    contents = archive_extract(file=file, prefix=prefix, check=check)
    manifest = parsed["manifest"]
    try:
        with transaction.atomic():
            package = ScormPackage.objects.create(
                title=(title or manifest.title or lesson.title)[:255],
                lesson=lesson,
                version=manifest.version,
                manifest_identifier=manifest.identifier,
                structure=manifest.structure,
                storage_prefix=prefix,
                size_bytes=contents.total_bytes,
                file_count=contents.file_count,
                completes_lesson=completes_lesson,
                counts_as_quiz=counts_as_quiz,
                pass_mark=pass_mark,
                uploaded_by=uploaded_by,
            )
            ScormSco.objects.bulk_create(
                ScormSco(
                    package=package,
                    identifier=item.identifier,
                    title=item.title or package.title,
                    launch=item.launch,
                    is_sco=item.is_sco,
                    position=position,
                    mastery_score=item.mastery_score,
                    launch_data=item.launch_data,
                )
                for position, item in enumerate(manifest.items)
            )
    except IntegrityError as error:
        archive_delete(prefix=prefix)
        raise PackageError(
            _("This lesson already has a package. Delete it first to upload another."),
            code="lesson_taken",
        ) from error
    except BaseException:
        archive_delete(prefix=prefix)
        raise
    return package


def package_delete(*, package: ScormPackage) -> None:
    """Remove a package, its learners' data and its files (once the rows are gone)."""
    prefix = package.storage_prefix
    with transaction.atomic():
        package.delete()
        transaction.on_commit(lambda: archive_delete(prefix=prefix))


# --- Run-time data -----------------------------------------------------------------------


def _invalid() -> PackageError:
    return PackageError(
        _("Your progress in this lesson could not be saved: the data is not valid."),
        code="invalid_cmi",
    )


def _text(value: Any, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise _invalid()
    text = str(value)
    if len(text) > limit:
        raise _invalid()
    return text


def _number(value: Any, *, low: float | None = None, high: float | None = None) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _invalid() from None
    if math.isnan(number) or math.isinf(number):
        raise _invalid()
    if (low is not None and number < low) or (high is not None and number > high):
        raise _invalid()
    return number


_HMS = re.compile(r"^(\d{1,4}):(\d{2}):(\d{2})(\.\d{1,2})?$")
_ISO = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$")


def _seconds(value: str) -> int:
    """A SCORM session time (1.2 HHHH:MM:SS, 2004 ISO 8601 duration) in seconds."""
    if match := _HMS.match(value or ""):
        hours, minutes, seconds = (int(part) for part in match.groups()[:3])
        return hours * 3600 + minutes * 60 + seconds
    if (match := _ISO.match(value or "")) and value != "P":
        years, months, days, hours, minutes = (int(part or 0) for part in match.groups()[:5])
        seconds = float(match.group(6) or 0)
        return int(
            ((years * 365 + months * 30 + days) * 24 + hours) * 3600 + minutes * 60 + seconds
        )
    return 0


def _normalise(version: str, cmi: dict) -> dict:
    """The fields the site keeps apart from the raw data, checked against the standard."""
    if version == "1.2":
        core = cmi.get("core") or {}
        if not isinstance(core, dict):
            raise _invalid()
        status = _text(core.get("lesson_status"), 20)
        if status not in COMPLETION_12:
            raise _invalid()
        score = core.get("score") or {}
        if not isinstance(score, dict):
            raise _invalid()
        return {
            "location": _text(core.get("lesson_location"), LOCATION_MAX),
            "suspend_data": _text(cmi.get("suspend_data"), SUSPEND_DATA_MAX["1.2"]),
            "completion_status": status,
            "success_status": status if status in ("passed", "failed") else "",
            "score_raw": _number(score.get("raw")),
            "score_min": _number(score.get("min")),
            "score_max": _number(score.get("max")),
            "score_scaled": None,
            "session_seconds": _seconds(_text(core.get("session_time"), 30)),
        }
    completion = _text(cmi.get("completion_status"), 20)
    success = _text(cmi.get("success_status"), 20)
    if completion not in COMPLETION_2004 or success not in SUCCESS_2004:
        raise _invalid()
    score = cmi.get("score") or {}
    if not isinstance(score, dict):
        raise _invalid()
    return {
        "location": _text(cmi.get("location"), LOCATION_MAX),
        "suspend_data": _text(cmi.get("suspend_data"), SUSPEND_DATA_MAX["2004"]),
        "completion_status": completion,
        "success_status": success,
        "score_raw": _number(score.get("raw")),
        "score_min": _number(score.get("min")),
        "score_max": _number(score.get("max")),
        "score_scaled": _number(score.get("scaled"), low=-1, high=1),
        "session_seconds": _seconds(_text(cmi.get("session_time"), 60)),
    }


def attempt_commit(
    *, user: User, sco: ScormSco, cmi: Any, finished: bool = False
) -> tuple[ScormAttempt, bool]:
    """Store what the package reported for `user` in one of its items.

    Completion and success never go back once reached (a learner who reopens a finished
    package does not lose the lesson). When the whole package is completed (and passed,
    where the trainer asks for it) and it decides its lesson, the lesson is completed.
    Returns the attempt and whether the lesson is now done.
    """
    if not isinstance(cmi, dict) or len(json.dumps(cmi)) > CMI_MAX_BYTES:
        raise _invalid()
    package = sco.package
    fields = _normalise("1.2" if not package.is_2004 else "2004", cmi)
    session_seconds = fields.pop("session_seconds")
    with transaction.atomic():
        attempt, _created = ScormAttempt.objects.select_for_update().get_or_create(
            user=user, sco=sco
        )
        was_done = attempt.completion_status in DONE_STATUSES
        was_passed = attempt.success_status == "passed"
        for name, value in fields.items():
            setattr(attempt, name, value)
        if was_done and attempt.completion_status not in DONE_STATUSES:
            attempt.completion_status = (
                "passed" if was_passed and not package.is_2004 else "completed"
            )
        if was_passed:
            attempt.success_status = "passed"
        attempt.cmi = cmi
        attempt.commits += 1
        if finished:
            attempt.total_seconds += session_seconds
        attempt.save()
        done = package_is_done(package=package, user=user)
        if done and package.completes_lesson:
            try:
                lesson_complete(user=user, lesson=package.lesson, via=CompletionSource.PACKAGE)
            except LearningError:
                # Not enrolled (a trainer trying the package): the data is kept all the same.
                logger.info("package %s done outside an enrolment", package.pk)
                done = False
    return attempt, done
