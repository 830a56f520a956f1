"""Trainers review the work of their centres' learners: pass (the lesson is done) or
redo (history kept, next attempt opened); nobody else sees or decides it."""

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext as _

import pytest

from lms.assignments.models import RubricScore, Submission, SubmissionStatus
from lms.assignments.services import (
    AssignmentError,
    Work,
    submission_hand_in,
    submission_review,
)
from lms.learning.models import CompletionSource, Enrollment, LessonProgress
from lms.learning.services import lesson_complete
from lms.users import roles
from tests.celery_broker import broker_url_set
from tests.conftest import admin_in_english
from tests.factories import UserFactory

from .factories import photo, rubric_assignment


def hand_in(user, assignment, text="ประกาศขาย", photos=1) -> Submission:
    images = [photo(f"IMG_{i}.jpg") for i in range(photos)]
    return submission_hand_in(user=user, assignment=assignment, work=Work(text=text, images=images))


def review_url(submission) -> str:
    return reverse("assignments:review_detail", args=[submission.pk])


QUEUE = reverse("assignments:review_queue")


def test_trainer_sees_the_queue_and_opens_full_size_photos(client, trainer, learner, assignment):
    submission = hand_in(learner, assignment, photos=2)
    client.force_login(trainer)
    queue = client.get(QUEUE)
    assert queue.status_code == 200
    assert review_url(submission) in queue.content.decode()
    page = client.get(review_url(submission))
    assert page.status_code == 200
    html = page.content.decode()
    for record in submission.files.all():
        full = reverse("assignments:file", args=[record.pk])
        assert f'href="{full}"' in html and f'src="{full}"' in html  # full size, no ?size=
        response = client.get(full)
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "ประกาศขาย" in html


def test_pass_completes_the_lesson_and_tells_the_learner(
    client, trainer, learner, assignment, course, lessons, django_capture_on_commit_callbacks
):
    submission = hand_in(learner, assignment)
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            review_url(submission), {"decision": "passed", "feedback": "รูปสวย แสงดีมาก"}
        )
    assert response.status_code == 302 and response["Location"].endswith(QUEUE)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PASSED
    assert submission.reviewed_by == trainer and submission.reviewed_at
    progress = LessonProgress.objects.get(user=learner, lesson=assignment.lesson)
    assert progress.completed_at and progress.completed_via == CompletionSource.ASSIGNMENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["malee@example.org"]
    assert "รูปสวย แสงดีมาก" in mail.outbox[0].body
    assert reverse("assignments:detail", args=[assignment.pk]) in mail.outbox[0].body
    # With the other two lessons done, passing was the last requirement of the course.
    for lesson in (lessons[0], lessons[2]):
        lesson_complete(user=learner, lesson=lesson)
    assert Enrollment.objects.get(user=learner, course=course).completed_at is not None


def test_learner_without_an_email_address_is_told_on_the_dashboard_only(
    trainer, other_learner, assignment, django_capture_on_commit_callbacks
):
    submission = hand_in(other_learner, assignment)
    with django_capture_on_commit_callbacks(execute=True):
        submission_review(reviewer=trainer, submission=submission, decision="passed")
    assert mail.outbox == []


def test_redo_keeps_history_and_opens_the_next_attempt_with_copies(
    client, trainer, learner, assignment, django_capture_on_commit_callbacks
):
    first = hand_in(learner, assignment, text="ครั้งแรก", photos=2)
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review_url(first), {"decision": "redo", "feedback": "ถ่ายใกล้หน้าต่างอีกครั้ง"})
    first.refresh_from_db()
    assert first.status == SubmissionStatus.REDO and first.feedback == "ถ่ายใกล้หน้าต่างอีกครั้ง"
    assert "ถ่ายใกล้หน้าต่างอีกครั้ง" in mail.outbox[0].body
    draft = Submission.objects.get(user=learner, attempt=2)
    assert draft.status == SubmissionStatus.DRAFT and draft.text == "ครั้งแรก"
    copies, originals = list(draft.files.all()), list(first.files.all())
    assert [c.original_name for c in copies] == [o.original_name for o in originals]
    assert {c.file.name for c in copies}.isdisjoint({o.file.name for o in originals})
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()

    # The learner reads the feedback and hands in again; attempt 1 stays as it was.
    client.force_login(learner)
    page = client.get(reverse("assignments:detail", args=[assignment.pk])).content.decode()
    assert "ถ่ายใกล้หน้าต่างอีกครั้ง" in page
    client.post(
        reverse("assignments:detail", args=[assignment.pk]),
        {"action": "hand_in", "text": "ครั้งที่สอง", "remove_file": ""},
    )
    second = Submission.objects.get(user=learner, attempt=2)
    assert second.status == SubmissionStatus.SUBMITTED and second.text == "ครั้งที่สอง"
    first.refresh_from_db()
    assert first.text == "ครั้งแรก" and first.files.count() == 2
    submission_review(reviewer=trainer, submission=second, decision="passed")
    assert LessonProgress.objects.get(user=learner).completed_via == CompletionSource.ASSIGNMENT
    history = reverse("assignments:submission", args=[first.pk])
    assert "ครั้งแรก" in client.get(history).content.decode()


def test_redo_needs_feedback(trainer, learner, assignment):
    submission = hand_in(learner, assignment)
    with pytest.raises(AssignmentError) as refused:
        submission_review(reviewer=trainer, submission=submission, decision="redo")
    assert refused.value.code == "no_feedback"
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


def test_rubric_scores_decide_whether_work_may_pass(client, trainer, learner, lessons):
    assignment = rubric_assignment(lesson=lessons[2])
    criteria = assignment.criteria
    submission = hand_in(learner, assignment)
    client.force_login(trainer)
    url = review_url(submission)
    # Below the pass level (1 + 1 < 3): refused with the score, nothing saved.
    low = {f"criterion_{c.id}": 1 for c in criteria}
    response = client.post(url, {"decision": "passed", **low})
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    # Not every criterion scored: refused.
    response = client.post(url, {"decision": "passed", f"criterion_{criteria[0].id}": 2})
    assert response.status_code == 400
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED
    assert not RubricScore.objects.exists()
    good = {f"criterion_{criteria[0].id}": 2, f"criterion_{criteria[1].id}": 1}
    response = client.post(url, {"decision": "passed", "feedback": "ดี", **good})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.score, submission.max_score) == (3, 4)
    scores = list(submission.rubric_scores.values_list("criterion_title", "level_label", "points"))
    assert scores == [("แสงและความคมชัด", "ดี", 2), ("ประกาศขาย", "พอใช้", 1)]
    client.force_login(learner)
    page = client.get(reverse("assignments:detail", args=[assignment.pk])).content.decode()
    assert "3/4" in page and "แสงและความคมชัด" in page


def test_a_trainer_of_another_centre_gets_404(client, other_trainer, learner, assignment):
    submission = hand_in(learner, assignment)
    client.force_login(other_trainer)
    assert review_url(submission) not in client.get(QUEUE).content.decode()
    assert client.get(review_url(submission)).status_code == 404
    assert client.post(review_url(submission), {"decision": "passed"}).status_code == 404
    record = submission.files.get()
    assert client.get(reverse("assignments:file", args=[record.pk])).status_code == 404
    with pytest.raises(AssignmentError):
        submission_review(reviewer=other_trainer, submission=submission, decision="passed")
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED


def test_learners_cannot_review(client, learner, other_learner, assignment):
    submission = hand_in(learner, assignment)
    client.force_login(other_learner)
    assert client.get(QUEUE).status_code == 403
    assert client.get(review_url(submission)).status_code == 404
    client.force_login(learner)  # not even their own work
    assert client.get(review_url(submission)).status_code == 404


def test_drafts_are_not_in_the_queue(client, trainer, learner, assignment):
    from lms.assignments.services import submission_draft_save

    draft = submission_draft_save(user=learner, assignment=assignment, work=Work(text="ร่าง"))
    client.force_login(trainer)
    assert client.get(review_url(draft)).status_code == 404


def test_work_is_reviewed_once(trainer, home, centre, learner, assignment):
    from .factories import make_trainer

    colleague = make_trainer("trainer-c", centre)
    submission = hand_in(learner, assignment)
    submission_review(reviewer=trainer, submission=submission, decision="passed")
    with pytest.raises(AssignmentError) as refused:
        submission_review(reviewer=colleague, submission=submission, decision="redo", feedback="x")
    assert refused.value.code == "already_reviewed"
    assert Submission.objects.get(pk=submission.pk).reviewed_by == trainer
    assert Submission.objects.count() == 1


def test_national_admin_reviews_every_centre(client, home, learner, assignment):
    admin = UserFactory(username="national")
    admin.groups.add(Group.objects.get(name=roles.NATIONAL_ADMINS))
    submission = hand_in(learner, assignment)
    client.force_login(admin)
    assert review_url(submission) in client.get(QUEUE).content.decode()


def test_reviewed_tab_lists_decisions(client, trainer, learner, assignment):
    submission = hand_in(learner, assignment)
    submission_review(reviewer=trainer, submission=submission, decision="passed")
    client.force_login(trainer)
    assert review_url(submission) not in client.get(QUEUE).content.decode()
    assert review_url(submission) in client.get(QUEUE + "?state=reviewed").content.decode()
    page = client.get(review_url(submission))
    assert page.status_code == 200 and 'name="decision"' not in page.content.decode()
    assert client.post(review_url(submission), {"decision": "redo"}).status_code == 302


def test_admin_menu_shows_how_many_are_waiting(client, trainer, learner, other_learner, assignment):
    hand_in(learner, assignment)
    hand_in(other_learner, assignment)
    client.force_login(admin_in_english(trainer))
    html = client.get("/admin/").content.decode()
    assert "Submissions to review (2)" in html
    assert 'id="submissions-to-review' in html  # the panel on the admin home page
    # The link follows the trainer's admin language.
    assert f'href="/en{QUEUE}"' in html


def test_work_handed_in_after_the_due_date_is_marked_late(client, trainer, learner, lessons):
    from datetime import timedelta

    from django.utils import timezone

    from .factories import AssignmentFactory

    late = AssignmentFactory(lesson=lessons[2], due_at=timezone.now() - timedelta(days=1))
    on_time = AssignmentFactory(lesson=lessons[0], due_at=timezone.now() + timedelta(days=1))
    hand_in(learner, late)
    hand_in(learner, on_time)
    client.force_login(trainer)
    html = client.get(QUEUE).content.decode()
    assert html.count(f'badge--danger">{_("Late")}<') == 1


@pytest.fixture
def broker_down(settings):
    """Tasks go to a broker nobody listens on (port 1), as when Redis is down."""
    from kombu import pools

    from lms.celery import app

    original = app.conf.broker_url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    broker_url_set("redis://127.0.0.1:1/0")
    pools.reset()
    app._pool = app.amqp._producer_pool = None
    yield
    broker_url_set(original)
    app.conf.task_always_eager = True
    pools.reset()
    app._pool = app.amqp._producer_pool = None


def test_review_stands_when_the_e_mail_cannot_be_queued(
    client, broker_down, trainer, learner, assignment, django_capture_on_commit_callbacks
):
    submission = hand_in(learner, assignment)
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review_url(submission), {"decision": "passed"})
    assert response.status_code == 302
    assert Submission.objects.get(pk=submission.pk).status == SubmissionStatus.PASSED
    assert mail.outbox == []
