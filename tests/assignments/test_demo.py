"""The demo: the online-selling course has the photo-and-listing assignment, and the
demo learner's work waits for the demo trainer. Seeding twice changes nothing."""

import io

from django.urls import reverse

import pytest
from PIL import Image

from lms.assignments.models import Assignment, Submission, SubmissionFile, SubmissionStatus
from lms.assignments.selectors import review_queue
from lms.setup.demo.assignments import TITLE
from lms.setup.demo.seed import demo_seed

pytestmark = pytest.mark.django_db


def test_demo_learner_has_work_waiting_for_the_demo_trainer(client):
    result = demo_seed()
    assignment = Assignment.objects.get(title=TITLE)
    assert assignment.lesson.slug == "photograph-products-with-a-phone"
    assert assignment.lesson.get_parent().slug == "sell-products-online"
    assert assignment.uses_rubric and len(assignment.criteria) == 3
    assert assignment.gallery_enabled
    submission = Submission.objects.get(assignment=assignment)
    assert submission.user.username == "demo-learner"
    assert submission.status == SubmissionStatus.SUBMITTED
    assert "น้ำพริก" in submission.text
    photos = list(submission.files.all())
    assert len(photos) == 2
    for record in photos:
        with record.file.open("rb") as handle:
            assert Image.open(io.BytesIO(handle.read())).format == "JPEG"
    trainer = result["users"]["demo-trainer"]
    assert list(review_queue(reviewer=trainer)) == [submission]
    client.force_login(trainer)
    assert client.get(reverse("assignments:review_detail", args=[submission.pk])).status_code == 200


def test_seeding_again_adds_nothing():
    demo_seed()
    before = (
        Assignment.objects.count(),
        list(Submission.objects.values_list("pk", "status", "text")),
        list(SubmissionFile.objects.values_list("pk", "file")),
    )
    demo_seed()
    after = (
        Assignment.objects.count(),
        list(Submission.objects.values_list("pk", "status", "text")),
        list(SubmissionFile.objects.values_list("pk", "file")),
    )
    assert before == after
