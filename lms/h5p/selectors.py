"""Reads of the H5P app: activities in lessons, results for pages and the data export."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage

from curricula.models import LessonPage
from curricula.selectors import canonical_page
from lms.users.models import User

from .models import H5PContent, H5PResult

BLOCK_TYPE = "h5p"


@dataclass(frozen=True)
class ActivitySettings:
    """What a lesson's H5P block says about finishing the lesson."""

    content_id: int
    completes_lesson: bool
    pass_mark: int | None  # percent; None: completing the activity is enough

    def is_met_by(self, result: H5PResult) -> bool:
        if self.pass_mark is None:
            return result.completed
        return result.best_scaled is not None and result.best_scaled * 100 >= self.pass_mark - 1e-9


def _activity_blocks(body: Any) -> Iterator[ActivitySettings]:
    # The stored JSON, not the blocks' values: reading it costs no query per activity.
    for block in getattr(body, "raw_data", None) or []:
        if block.get("type") != BLOCK_TYPE or not isinstance(block.get("value"), dict):
            continue
        value = block["value"]
        if not isinstance(value.get("content"), int):
            continue
        pass_mark = value.get("pass_mark")
        yield ActivitySettings(
            content_id=value["content"],
            completes_lesson=bool(value.get("completes_lesson")),
            pass_mark=pass_mark if isinstance(pass_mark, int) else None,
        )


def lesson_h5p_settings(*, lesson: LessonPage, content_id: int) -> ActivitySettings | None:
    """The lesson's block for the activity (the one that finishes the lesson, if several),
    or None when the lesson does not hold it."""
    found = [s for s in _activity_blocks(lesson.body) if s.content_id == content_id]
    if not found:
        return None
    return next((s for s in found if s.completes_lesson), found[0])


def lessons_finished_by_activity(lesson_ids: Iterable[int]) -> set[int]:
    """Those of the lessons that an activity finishes (one query for any number)."""
    lessons = LessonPage.objects.filter(pk__in=list(lesson_ids)).only("id", "body")
    return {
        lesson.pk
        for lesson in lessons
        if any(s.completes_lesson for s in _activity_blocks(lesson.body))
    }


def lesson_has_activity(*, lesson: LessonPage) -> bool:
    return any(True for _settings in _activity_blocks(lesson.body))


def lesson_results_for(*, user: User, lesson: LessonPage) -> list[H5PResult]:
    """The learner's results in the activities of one lesson (in any of its languages)."""
    if not user.is_authenticated:
        return []
    return list(
        H5PResult.objects.filter(user=user, lesson_id=canonical_page(lesson).pk)
        .select_related("content")
        .order_by("content__title")
    )


def content_file(*, content: H5PContent, path: str):
    """An open file of the package, or None if it has no such file."""
    name = f"{content.storage_prefix}/{path}"
    try:
        if not default_storage.exists(name):
            return None
        return default_storage.open(name, "rb")
    except (OSError, ValueError, SuspiciousFileOperation):
        return None


def personal_data_section(*, user: User) -> list[dict]:
    """The learner's activity results, for their personal data export."""
    return [
        {
            "activity": r.content.title,
            "lesson": r.lesson.title,
            "best_score": r.best_scaled,
            "latest_score": r.last_scaled,
            "completed": r.completed,
            "updated": r.updated.isoformat(),
        }
        for r in H5PResult.objects.filter(user=user)
        .select_related("content", "lesson")
        .order_by("updated")
    ]
