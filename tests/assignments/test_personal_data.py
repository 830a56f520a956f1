"""Handed-in work is personal data: it is in the learner's download and erased with
their account, photos included."""

import json

from lms.assignments.models import Submission, SubmissionFile
from lms.assignments.services import Work, submission_hand_in, submission_review
from lms.users.services import user_anonymise

from .factories import photo, stored_files


def test_download_contains_the_handed_in_work(client, trainer, learner, assignment):
    submission = submission_hand_in(
        user=learner, assignment=assignment, work=Work(text="ประกาศของมาลี", images=[photo()])
    )
    submission_review(reviewer=trainer, submission=submission, decision="redo", feedback="แก้")
    client.force_login(learner)
    data = json.loads(client.get("/accounts/my-data/?download=1").content)
    work = data["handed_in_work"]
    assert [(w["attempt"], w["status"]) for w in work] == [(1, "redo"), (2, "draft")]
    assert work[0]["text"] == "ประกาศของมาลี" and work[0]["files"] == ["IMG_0001.JPG"]
    assert work[0]["feedback"] == "แก้"


def test_anonymising_erases_texts_and_stored_photos(
    trainer, learner, assignment, media_root, django_capture_on_commit_callbacks
):
    submission = submission_hand_in(
        user=learner, assignment=assignment, work=Work(text="ประกาศของมาลี", images=[photo()])
    )
    submission_review(reviewer=trainer, submission=submission, decision="passed")
    assert stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=True):
        user_anonymise(user=learner, requested_by=learner)
    assert stored_files(media_root) == []
    assert not SubmissionFile.objects.exists()
    erased = Submission.objects.get()
    assert (erased.text, erased.status, erased.share_in_gallery) == ("", "passed", False)
