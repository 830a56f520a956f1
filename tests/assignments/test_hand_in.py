"""A learner hands in work from a phone: drafts, photos, files, and everything that
must be refused with a clear message and nothing stored."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext as _

import pytest
from PIL import Image

from lms.assignments.models import Submission, SubmissionFile, SubmissionStatus
from lms.assignments.services import (
    AssignmentError,
    Work,
    submission_draft_save,
    submission_hand_in,
)
from lms.learning.services import enrollment_leave
from tests.factories import UserFactory

from .factories import EXECUTABLE, GPS_IFD, AssignmentFactory, photo, stored_files

MB = 1024 * 1024


def detail(assignment) -> str:
    return reverse("assignments:detail", args=[assignment.pk])


def post(client, assignment, action="hand_in", **data):
    return client.post(detail(assignment), {"action": action, **data})


def test_page_offers_the_camera_and_several_files(client, learner, assignment):
    client.force_login(learner)
    response = client.get(detail(assignment))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="file"' in html and 'accept="image/*"' in html and "multiple" in html
    assert 'enctype="multipart/form-data"' in html
    assert "<script>" not in html  # the CSP forbids inline scripts
    assert "js/assignments.js" in html


def test_hand_in_two_photos_and_text_stores_them_without_gps(client, learner, assignment):
    client.force_login(learner)
    response = post(
        client,
        assignment,
        text="น้ำพริกปลาย่าง 200 กรัม ราคา 65 บาท",
        photos=[photo("IMG_0001.JPG"), photo("IMG_0002.JPG", orientation=6)],
    )
    assert response.status_code == 302
    submission = Submission.objects.get(user=learner)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.submitted_at is not None
    assert submission.text == "น้ำพริกปลาย่าง 200 กรัม ราคา 65 บาท"
    files = list(submission.files.all())
    assert [f.original_name for f in files] == ["IMG_0001.JPG", "IMG_0002.JPG"]
    for record in files:
        # Read the stored file back through the storage, as the site serves it.
        with record.file.open("rb") as handle:
            stored = Image.open(io.BytesIO(handle.read()))
            stored.load()
        exif = stored.getexif()
        assert GPS_IFD not in exif and not exif.get_ifd(GPS_IFD)
        assert (stored.width, stored.height) == (record.width, record.height)
        assert record.file.name.startswith("assignments/")
        assert "IMG_" not in record.file.name  # stored under an unguessable name
    assert (files[1].width, files[1].height) == (900, 1200)  # turned upright
    page = client.get(detail(assignment)).content.decode()
    assert f'id="assignment-status">{_("Handed in, waiting for review")}<' in page
    assert 'type="file"' not in page  # handed in: no form any more


def test_draft_is_kept_and_shown_again(client, learner, assignment):
    client.force_login(learner)
    response = post(client, assignment, action="save", text="ร่างประกาศขาย")
    assert response.status_code == 302
    draft = Submission.objects.get(user=learner)
    assert draft.status == SubmissionStatus.DRAFT and draft.submitted_at is None
    assert "ร่างประกาศขาย" in client.get(detail(assignment)).content.decode()


def test_autosave_keeps_the_text_as_it_is_typed(client, learner, assignment):
    client.force_login(learner)
    url = reverse("assignments:autosave", args=[assignment.pk])
    assert client.post(url, {"text": ""}).json() == {"saved": False}
    assert not Submission.objects.exists()
    response = client.post(url, {"text": "เริ่มเขียน"})
    assert response.status_code == 200 and response.json()["saved"] is True
    assert Submission.objects.get(user=learner).text == "เริ่มเขียน"
    client.post(url, {"text": "เริ่มเขียนต่อ"})
    assert Submission.objects.get(user=learner).text == "เริ่มเขียนต่อ"


def test_removing_a_photo_from_a_draft_deletes_the_stored_file(
    client, learner, assignment, media_root, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    post(client, assignment, action="save", photos=[photo("a.jpg"), photo("b.jpg")])
    first = SubmissionFile.objects.get(original_name="a.jpg")
    assert len(stored_files(media_root)) == 4  # two photos, two thumbnails
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail(assignment), {"remove_file": first.pk, "text": ""})
    assert response.status_code == 302
    assert list(SubmissionFile.objects.values_list("original_name", flat=True)) == ["b.jpg"]
    assert len(stored_files(media_root)) == 2
    assert Submission.objects.get().status == SubmissionStatus.DRAFT


def assert_refused(response, *fragments: str):
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    for fragment in fragments:
        assert fragment in html


def test_empty_submission_is_refused_and_stores_nothing(client, learner, assignment, media_root):
    client.force_login(learner)
    response = post(client, assignment, text="   ")
    assert_refused(response)
    assert not Submission.objects.exists()
    assert stored_files(media_root) == []


def test_renamed_executable_as_a_photo_is_refused_and_nothing_is_stored(
    client, learner, assignment, media_root
):
    client.force_login(learner)
    fake = SimpleUploadedFile("รูปสินค้า.jpg", EXECUTABLE, content_type="image/jpeg")
    response = post(client, assignment, text="ข้อความ", photos=[photo("good.jpg"), fake])
    assert_refused(response, "รูปสินค้า.jpg")
    # The text the learner typed is still in the form, not lost.
    assert "ข้อความ" in response.content.decode()
    assert not Submission.objects.exists()
    assert not SubmissionFile.objects.exists()
    assert stored_files(media_root) == []


def test_a_50_mb_photo_is_refused_with_its_size(client, learner, assignment, media_root):
    client.force_login(learner)
    huge = SimpleUploadedFile("IMG_9999.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * (50 * MB))
    response = post(client, assignment, text="ข้อความ", photos=[huge])
    assert_refused(response, "IMG_9999.JPG", "15.0")
    assert not Submission.objects.exists()
    assert stored_files(media_root) == []


def test_too_many_files_are_refused(client, learner, lessons, media_root):
    assignment = AssignmentFactory(lesson=lessons[2], max_files=2)
    client.force_login(learner)
    response = post(client, assignment, photos=[photo(f"{i}.jpg") for i in range(3)])
    assert_refused(response)
    assert not Submission.objects.exists()
    # Also when the draft already holds some: 1 kept + 2 new > 2.
    post(client, assignment, action="save", photos=[photo("kept.jpg")])
    response = post(client, assignment, action="save", photos=[photo("x.jpg"), photo("y.jpg")])
    assert_refused(response)
    assert SubmissionFile.objects.count() == 1
    assert len(stored_files(media_root)) == 2


def test_required_photos_and_text_are_asked_for_but_the_draft_is_kept(client, learner, lessons):
    assignment = AssignmentFactory(lesson=lessons[2], min_images=2, text_required=True)
    client.force_login(learner)
    response = post(client, assignment, photos=[photo("one.jpg")])
    assert_refused(response)
    draft = Submission.objects.get()
    assert draft.status == SubmissionStatus.DRAFT and draft.files.count() == 1
    response = post(client, assignment, text="ประกาศ", photos=[photo("two.jpg")])
    assert response.status_code == 302
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


def test_handed_in_work_cannot_be_changed(client, learner, assignment):
    client.force_login(learner)
    post(client, assignment, text="งานของฉัน")
    response = post(client, assignment, action="save", text="แก้ไข")
    assert_refused(response)
    assert Submission.objects.get().text == "งานของฉัน"
    autosave = client.post(reverse("assignments:autosave", args=[assignment.pk]), {"text": "x"})
    assert autosave.status_code == 409


def test_only_enrolled_learners_hand_in(client, home, centre, course, learner, assignment):
    stranger = UserFactory(username="not-enrolled", home_centre=centre)
    client.force_login(stranger)
    page = client.get(detail(assignment))
    assert page.status_code == 200 and 'type="file"' not in page.content.decode()
    assert_refused(post(client, assignment, text="แอบส่ง"))
    enrollment_leave(user=learner, course=course)
    with pytest.raises(AssignmentError) as refused:
        submission_hand_in(user=learner, assignment=assignment, work=Work(text="x"))
    assert refused.value.code == "not_enrolled"
    assert not Submission.objects.exists()


def test_another_learners_submission_and_files_are_404(client, learner, other_learner, assignment):
    submission = submission_hand_in(
        user=learner, assignment=assignment, work=Work(text="ของมาลี", images=[photo()])
    )
    record = submission.files.get()
    client.force_login(other_learner)
    assert client.get(reverse("assignments:submission", args=[submission.pk])).status_code == 404
    assert client.get(reverse("assignments:file", args=[record.pk])).status_code == 404
    consent = reverse("assignments:gallery_consent", args=[submission.pk])
    assert client.post(consent, {"share": "1"}).status_code == 404
    assert "ของมาลี" not in client.get(detail(assignment)).content.decode()
    client.force_login(learner)
    response = client.get(reverse("assignments:file", args=[record.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "private" in response["Cache-Control"]


def test_anonymous_visitors_are_sent_to_log_in(client, assignment):
    response = client.get(detail(assignment))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_assignment_of_an_unpublished_lesson_is_404(client, learner, assignment):
    assignment.lesson.unpublish()
    client.force_login(learner)
    assert client.get(detail(assignment)).status_code == 404


def test_drafts_of_two_posts_at_once_share_one_attempt(learner, assignment):
    submission_draft_save(user=learner, assignment=assignment, work=Work(text="หนึ่ง"))
    submission_draft_save(user=learner, assignment=assignment, work=Work(images=[photo()]))
    draft = Submission.objects.get()
    assert draft.attempt == 1 and draft.text == "หนึ่ง" and draft.files.count() == 1
