"""A learner's SCORM run-time data in the personal-data export (lms.users.personal_data)."""

from typing import Any

from lms.users.models import User
from lms.users.personal_data import register_erasure_step, register_personal_data_section

from .models import ScormAttempt


def scorm_attempts_of(*, user: User) -> list[dict[str, Any]]:
    return [
        {
            "package": attempt.sco.package.title,
            "part": attempt.sco.title,
            "completion_status": attempt.completion_status,
            "success_status": attempt.success_status,
            "score_percent": attempt.score_percent,
            "location": attempt.location,
            "suspend_data": attempt.suspend_data,
            "total_seconds": attempt.total_seconds,
            "updated_at": attempt.updated_at.isoformat(),
        }
        for attempt in ScormAttempt.objects.filter(user=user)
        .select_related("sco__package")
        .order_by("created_at")
    ]


def scorm_data_erase(*, user: User) -> int:
    """When an account is anonymised: the raw data may hold the learner's name and what
    they typed; statuses and scores stay so that statistics do not change."""
    return ScormAttempt.objects.filter(user=user).update(cmi={}, suspend_data="", location="")


def register() -> None:
    """Called from PackagesConfig.ready()."""
    register_personal_data_section("scorm_attempts", scorm_attempts_of, order=60)
    register_erasure_step(scorm_data_erase, order=15)
