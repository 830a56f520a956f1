import json
import uuid

import pytest

from lms.learning.services import enrollment_create
from tests.assessments.factories import make_quiz, single_choice, true_false
from tests.assignments.factories import AssignmentFactory
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def learner(home, course, lessons):
    user = UserFactory(username="malee")
    enrollment_create(user=user, course=course)
    return user


@pytest.fixture
def other_learner(home, course, lessons):
    user = UserFactory(username="somchai")
    enrollment_create(user=user, course=course)
    return user


@pytest.fixture
def questions(db):
    return [single_choice(right="ราคาส่งรวมแล้ว"), true_false(answer=True)]


@pytest.fixture
def offline_quiz(course, questions):
    """The course's final quiz, untimed and answerable offline."""
    return make_quiz(course=course, questions=questions, available_offline=True, max_attempts=2)


@pytest.fixture
def assignment(lessons):
    return AssignmentFactory(lesson=lessons[1], accepts_images=False)


def action(type_, fields, key=None) -> dict:
    return {
        "key": str(key or uuid.uuid4()),
        "type": type_,
        "fields": [list(pair) for pair in fields],
        "at": "2026-12-04T09:30:00+07:00",
    }


def sync(client, *actions, raw=None):
    body = raw if raw is not None else json.dumps({"actions": list(actions)})
    return client.post("/offline/sync/", body, content_type="application/json")
