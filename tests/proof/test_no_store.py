"""Centres share computers: pages with personal data tell the browser not to keep them
(`Cache-Control: no-store`), so the next person at the same browser finds nothing in
its cache or in the pages that Back shows."""

import pytest

from assessments.models import QuizAttempt
from lms.assignments.models import Submission
from lms.certificates.models import Certificate
from tests.demo_data import demo_seed_for_test


@pytest.fixture
def demo(db):
    return demo_seed_for_test()


def _no_store(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 202), (url, response.status_code)
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert "no-store" in directives, (url, response.get("Cache-Control"))


def test_a_learners_personal_pages_are_not_stored(client, demo):
    learner = demo["users"]["demo-learner"]
    client.force_login(learner)
    attempt = QuizAttempt.objects.filter(user=learner, submitted_at__isnull=False).first()
    certificate = Certificate.objects.filter(learner=learner).first()
    submission = Submission.objects.filter(user=learner).first()
    urls = [
        "/accounts/profile/",
        "/accounts/my-data/",
        "/accounts/my-data/?download=1",
        "/accounts/delete/",
        "/learn/",
        "/certificates/",
        f"/certificates/{certificate.code}/download/",
        f"/quizzes/attempts/{attempt.pk}/review/",
        "/assignments/",
        f"/assignments/{submission.assignment_id}/",
        f"/assignments/submissions/{submission.pk}/",
    ]
    for url in urls:
        _no_store(client, url)


def test_staff_learner_pages_are_not_stored(client, demo):
    client.force_login(demo["users"]["demo-centre-admin"])
    learner = demo["users"]["demo-learner"]
    for url in ("/centre/learners/", f"/centre/learners/{learner.pk}/"):
        _no_store(client, url)
    # Trainers review learners' work, photos included.
    client.force_login(demo["users"]["demo-trainer"])
    waiting = Submission.objects.filter(user=learner).first()
    for url in ("/assignments/review/", f"/assignments/review/{waiting.pk}/"):
        _no_store(client, url)


def test_public_pages_may_still_be_cached(client, demo):
    # The marker is for personal pages only: the catalogue keeps its ordinary headers.
    response = client.get("/courses/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
