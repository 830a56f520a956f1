"""Reads: a lesson's package, how a learner stands in it, what the player is given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse

from curricula.models import CoursePage, LessonPage
from lms.users.models import User

from .models import ScormAttempt, ScormPackage, ScormSco

DONE_STATUSES = ("completed", "passed")


def package_for_lesson(*, lesson: LessonPage) -> ScormPackage | None:
    return ScormPackage.objects.filter(lesson_id=lesson.pk).first()


def content_url(*, package: ScormPackage, path: str) -> str:
    """The address of a file of the package: on the package origin when one is set."""
    # The launch's query and fragment (an item's parameters) stay outside the path.
    path, hash_mark, fragment = path.partition("#")
    path, question_mark, query = path.partition("?")
    url = reverse("packages:content", kwargs={"package_id": package.pk, "path": path})
    return f"{package_origin()}{url}{question_mark}{query}{hash_mark}{fragment}"


def package_origin() -> str:
    return getattr(settings, "LMS_PACKAGE_ORIGIN", "").rstrip("/")


def _attempt_passes(package: ScormPackage, sco: ScormSco, attempt: ScormAttempt | None) -> bool:
    if attempt is None or attempt.completion_status not in DONE_STATUSES:
        return False
    if package.pass_mark is not None:
        percent = attempt.score_percent
        return percent is not None and percent >= package.pass_mark
    if package.counts_as_quiz or attempt.success_status:
        return attempt.success_status != "failed"
    return True


def package_is_done(*, package: ScormPackage, user: User) -> bool:
    """Every SCO of the package completed, and passed where the trainer asks for it."""
    scos = list(package.scos.all())
    decisive = [sco for sco in scos if sco.is_sco] or scos
    attempts = {
        attempt.sco_id: attempt
        for attempt in ScormAttempt.objects.filter(user=user, sco__package=package)
    }
    return all(_attempt_passes(package, sco, attempts.get(sco.pk)) for sco in decisive)


def package_score(*, attempts: list[ScormAttempt]) -> float | None:
    """The package's score: the mean of its items' scores, where they reported one."""
    scores = [attempt.score_percent for attempt in attempts if attempt.score_percent is not None]
    return round(sum(scores) / len(scores), 1) if scores else None


@dataclass(frozen=True)
class PackageResult:
    package: ScormPackage
    done: bool
    started: bool
    score: float | None


def package_result(*, package: ScormPackage, user: User) -> PackageResult:
    attempts = list(ScormAttempt.objects.filter(user=user, sco__package=package))
    return PackageResult(
        package=package,
        done=package_is_done(package=package, user=user),
        started=bool(attempts),
        score=package_score(attempts=attempts),
    )


def course_package_results(*, user: User, course: CoursePage) -> list[PackageResult]:
    """The learner's standing in every package of the course, in lesson order."""
    if not user.is_authenticated:
        return []
    lesson_ids = LessonPage.objects.child_of(course).values("pk")
    packages = (
        ScormPackage.objects.filter(lesson_id__in=lesson_ids)
        .select_related("lesson")
        .prefetch_related("scos")
        .order_by("lesson__path")
    )
    return [package_result(package=package, user=user) for package in packages]


def sco_initial_cmi(
    *, package: ScormPackage, sco: ScormSco, user: User, attempt: ScormAttempt | None
) -> dict[str, Any]:
    """What the runtime is loaded with: the learner, and where they stopped."""
    name = (user.get_full_name() or user.get_username())[:250]
    resume = bool(attempt and (attempt.suspend_data or attempt.location))
    entry = "resume" if resume else "ab-initio"
    score: dict[str, Any] = {}
    if attempt:
        for key in ("raw", "min", "max") + (("scaled",) if package.is_2004 else ()):
            value = getattr(attempt, f"score_{key}")
            if value is not None:
                score[key] = str(value)
    if not package.is_2004:
        core: dict[str, Any] = {
            "student_id": str(user.pk),
            "student_name": name,
            "entry": entry,
            "lesson_status": (attempt.completion_status if attempt else "") or "not attempted",
        }
        if attempt and attempt.location:
            core["lesson_location"] = attempt.location
        if score:
            core["score"] = score
        cmi: dict[str, Any] = {"core": core}
        if attempt and attempt.suspend_data:
            cmi["suspend_data"] = attempt.suspend_data
        if sco.launch_data:
            cmi["launch_data"] = sco.launch_data
        if sco.mastery_score is not None:
            cmi["student_data"] = {"mastery_score": str(sco.mastery_score)}
        return cmi
    cmi = {"learner_id": str(user.pk), "learner_name": name, "entry": entry}
    if attempt:
        if attempt.location:
            cmi["location"] = attempt.location
        if attempt.suspend_data:
            cmi["suspend_data"] = attempt.suspend_data
        if attempt.completion_status:
            cmi["completion_status"] = attempt.completion_status
        if attempt.success_status:
            cmi["success_status"] = attempt.success_status
    if score:
        cmi["score"] = score
    if sco.launch_data:
        cmi["launch_data"] = sco.launch_data
    return cmi


def player_config(*, package: ScormPackage, user: User) -> dict[str, Any]:
    """Everything the lesson page's player needs, as JSON-ready data."""
    scos = list(package.scos.all())
    attempts = {
        attempt.sco_id: attempt for attempt in ScormAttempt.objects.filter(user=user, sco__in=scos)
    }
    # Start where the learner was last busy, else at the first item not yet completed.
    latest = max(attempts.values(), key=lambda attempt: attempt.updated_at, default=None)
    start = latest.sco_id if latest else (scos[0].pk if scos else None)
    return {
        "version": "2004" if package.is_2004 else "1.2",
        "origin": package_origin(),
        "start": start,
        "scos": [
            {
                "id": sco.pk,
                "identifier": sco.identifier,
                "title": sco.title,
                "url": content_url(package=package, path=sco.launch),
                "commit": reverse("packages:commit", kwargs={"sco_id": sco.pk}),
                "done": bool(attempts.get(sco.pk) and attempts[sco.pk].completed),
                "cmi": sco_initial_cmi(
                    package=package, sco=sco, user=user, attempt=attempts.get(sco.pk)
                ),
            }
            for sco in scos
        ],
    }


def toc_entries(*, package: ScormPackage, config: dict[str, Any]) -> list[dict[str, Any]]:
    """The organisation tree flattened for the table of contents, with SCO ids and depth."""
    ids = {sco["identifier"]: sco for sco in config["scos"]}
    entries: list[dict[str, Any]] = []

    def walk(nodes, depth):
        for node in nodes:
            sco = ids.get(node.get("sco") or "")
            entries.append(
                {
                    "title": node.get("title", ""),
                    "depth": depth,
                    "sco_id": sco["id"] if sco else None,
                    "done": sco["done"] if sco else False,
                }
            )
            walk(node.get("children") or [], depth + 1)

    walk(package.structure or [], 0)
    return entries
