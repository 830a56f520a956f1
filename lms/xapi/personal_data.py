"""The learner's xAPI id in the personal-data export, and its erasure
(registered with lms.users.personal_data in `register()`)."""

from typing import Any

from lms.users.models import User
from lms.users.personal_data import register_erasure_step, register_personal_data_section

from .models import LearnerAgent, StatementOutbox


def learning_records_of(*, user: User) -> dict[str, Any] | None:
    agent = LearnerAgent.objects.filter(user=user).first()
    if agent is None:
        return None
    return {
        "lrs_account_name": str(agent.name),
        "statements": StatementOutbox.objects.filter(
            statement__actor__account__name=str(agent.name)
        ).count(),
    }


def learning_records_unlink(*, user: User) -> None:
    """Forget which account the opaque xAPI id belonged to. The statements (in the LRS and
    the outbox) name nobody and stay, counting what was learned."""
    LearnerAgent.objects.filter(user=user).delete()


def register() -> None:
    """Called from XapiConfig.ready()."""
    register_personal_data_section("learning_records", learning_records_of, order=60)
    register_erasure_step(learning_records_unlink, order=30)
