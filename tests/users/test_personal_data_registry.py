"""The personal-data export and erasure are made of what each app registers with users."""

import json

import pytest

from lms.users.personal_data import (
    ERASURE_STEPS,
    PERSONAL_DATA_SECTIONS,
    register_erasure_step,
    register_personal_data_section,
    unregister_personal_data_section,
)
from lms.users.services import user_anonymise
from tests.factories import UserFactory


@pytest.fixture
def learner(db):
    return UserFactory(username="somchai", email="somchai@example.org")


def test_the_apps_register_their_sections_in_the_order_of_the_export():
    assert [section.key for section in PERSONAL_DATA_SECTIONS] == [
        "profile",
        "enrolments",
        "lesson_progress",
        "quiz_attempts",
        "activity_results",
        "handed_in_work",
        "certificates",
        "credential_consent",
        "learning_records",
        "scorm_attempts",
        "offline_actions",
        "lti_accounts",
        "api_tokens",
    ]
    assert [step.__name__ for step in ERASURE_STEPS] == [
        "tokens_erase",
        "essays_erase",
        "submissions_erase",
        "scorm_data_erase",
        "certificates_anonymise",
        "credential_consent_erase",
        "learning_records_unlink",
        "offline_actions_erase",
        "lti_accounts_unlink",
    ]


def test_a_registered_section_is_in_the_download_in_its_place(client, learner):
    register_personal_data_section(
        "recordings", lambda *, user: [f"recording of {user.username}"], order=45
    )
    try:
        client.force_login(learner)
        data = json.loads(client.get("/accounts/my-data/?download=1").content)
    finally:
        unregister_personal_data_section("recordings")
    assert data["recordings"] == ["recording of somchai"]
    keys = list(data)
    assert keys.index("handed_in_work") < keys.index("recordings") < keys.index("certificates")
    again = json.loads(client.get("/accounts/my-data/?download=1").content)
    assert "recordings" not in again


def test_a_registered_erasure_step_runs_after_the_account_is_anonymised(learner):
    erased = []

    def step(*, user):
        erased.append((user.pk, user.username, user.email))

    register_erasure_step(step, order=15)
    try:
        user_anonymise(user=learner, requested_by=learner)
    finally:
        ERASURE_STEPS.unregister(step)
    assert len(erased) == 1
    pk, username, email = erased[0]
    assert pk == learner.pk and username.startswith("deleted-") and email == ""
    assert step not in ERASURE_STEPS
