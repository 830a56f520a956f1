"""What a learner's devices sent while offline, in the personal-data export, and its
erasure (registered with lms.users.personal_data in `register()`)."""

from typing import Any

from lms.users.models import User
from lms.users.personal_data import register_erasure_step, register_personal_data_section

from .models import OfflineAction
from .sync import offline_actions_erase


def offline_actions_of(*, user: User) -> list[dict[str, Any]]:
    return [
        {
            "type": action.type,
            "status": action.status,
            "message": action.message,
            "sent_on_device_at": action.device_at.isoformat() if action.device_at else None,
            "received_at": action.created_at.isoformat(),
        }
        for action in OfflineAction.objects.filter(user=user).order_by("created_at", "pk")
    ]


def register() -> None:
    """Called from OfflineConfig.ready()."""
    register_personal_data_section("offline_actions", offline_actions_of, order=65)
    register_erasure_step(offline_actions_erase, order=35)
