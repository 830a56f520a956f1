"""What the learner is told: the lesson panel, dashboard notices and the class gallery."""

from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.assignments.models import Submission
from lms.assignments.selectors import (
    assignment_notices_for,
    gallery_items,
    lesson_assignment_panel,
)
from lms.assignments.services import (
    Work,
    submission_draft_save,
    submission_hand_in,
    submission_review,
)
from lms.learning.services import enrollment_create
from tests.factories import UserFactory

from .factories import AssignmentFactory, photo


def test_lesson_panel_follows_the_learner_through_the_states(trainer, learner, assignment):
    lesson = assignment.lesson
    states = []
    states.append(lesson_assignment_panel(user=learner, lesson=lesson)["status"])
    submission_draft_save(user=learner, assignment=assignment, work=Work(text="ร่าง"))
    states.append(lesson_assignment_panel(user=learner, lesson=lesson)["status"])
    submitted = submission_hand_in(user=learner, assignment=assignment, work=Work())
    states.append(lesson_assignment_panel(user=learner, lesson=lesson)["status"])
    submission_review(reviewer=trainer, submission=submitted, decision="redo", feedback="แก้")
    states.append(lesson_assignment_panel(user=learner, lesson=lesson)["status"])
    again = submission_hand_in(user=learner, assignment=assignment, work=Work(text="ใหม่"))
    submission_review(reviewer=trainer, submission=again, decision="passed")
    panel = lesson_assignment_panel(user=learner, lesson=lesson)
    states.append(panel["status"])
    assert states == ["not_started", "draft", "submitted", "redo", "passed"]
    assert panel["url"] == reverse("assignments:detail", args=[assignment.pk])
    assert "ถ่ายรูปสินค้าของคุณ" in panel["summary"]


def test_lesson_without_assignment_has_no_panel(learner, lessons):
    assert lesson_assignment_panel(user=learner, lesson=lessons[0]) is None


def test_template_tags_render_for_the_lead_pages(rf: RequestFactory, learner, assignment):
    request = rf.get("/")
    request.user = learner
    html = Template("{% load assignments_tags %}{% lesson_assignment lesson %}").render(
        Context({"request": request, "lesson": assignment.lesson})
    )
    assert assignment.title in html and reverse("assignments:detail", args=[assignment.pk]) in html
    submission_draft_save(user=learner, assignment=assignment, work=Work(text="ร่าง"))
    html = Template("{% load assignments_tags %}{% assignment_notices %}").render(
        Context({"request": request})
    )
    assert assignment.title in html


def test_dashboard_notice_of_a_pass_goes_away_once_read(client, trainer, learner, assignment):
    submission = submission_hand_in(user=learner, assignment=assignment, work=Work(text="งาน"))
    assert assignment_notices_for(user=learner) == []  # waiting: nothing new to say
    submission_review(reviewer=trainer, submission=submission, decision="passed")
    notices = assignment_notices_for(user=learner)
    assert [n["kind"] for n in notices] == ["passed"]
    assert (
        _("Your trainer passed “%(title)s”.") % {"title": assignment.title} == notices[0]["message"]
    )
    client.force_login(learner)
    client.get(reverse("assignments:detail", args=[assignment.pk]))
    assert assignment_notices_for(user=learner) == []


def test_my_assignments_lists_the_learners_work(client, learner, assignment):
    submission_draft_save(user=learner, assignment=assignment, work=Work(text="ร่าง"))
    client.force_login(learner)
    html = client.get(reverse("assignments:mine")).content.decode()
    assert assignment.title in html


def test_gallery_shows_passed_work_with_consent_to_others_on_the_course(
    client, trainer, learner, other_learner, course, lessons
):
    assignment = AssignmentFactory(lesson=lessons[2], gallery_enabled=True)
    url = reverse("assignments:gallery", args=[assignment.pk])
    shown = submission_hand_in(
        user=learner,
        assignment=assignment,
        work=Work(text="แชร์ได้", images=[photo()], share_in_gallery=True),
    )
    hidden = submission_hand_in(
        user=other_learner, assignment=assignment, work=Work(text="ไม่แชร์", images=[photo()])
    )
    for submission in (shown, hidden):
        submission_review(reviewer=trainer, submission=submission, decision="passed")
    assert gallery_items(assignment=assignment) == [Submission.objects.get(pk=shown.pk)]

    classmate = UserFactory(username="classmate")
    enrollment_create(user=classmate, course=course)
    client.force_login(classmate)
    html = client.get(url).content.decode()
    assert "แชร์ได้" in html and "ไม่แชร์" not in html
    shown_photo = reverse("assignments:file", args=[shown.files.get().pk])
    hidden_photo = reverse("assignments:file", args=[hidden.files.get().pk])
    assert client.get(shown_photo).status_code == 200
    assert client.get(hidden_photo).status_code == 404

    # Someone not on the course sees no gallery and no photo.
    client.force_login(UserFactory(username="outsider"))
    assert client.get(url).status_code == 404
    assert client.get(shown_photo).status_code == 404

    # The learner withdraws consent: gone from the gallery.
    client.force_login(learner)
    consent = reverse("assignments:gallery_consent", args=[shown.pk])
    assert client.post(consent, {"share": "0"}).status_code == 302
    assert gallery_items(assignment=assignment) == []


def test_gallery_of_an_assignment_without_one_is_404(client, learner, assignment):
    client.force_login(learner)
    assert client.get(reverse("assignments:gallery", args=[assignment.pk])).status_code == 404


def test_consent_checkbox_only_when_the_assignment_has_a_gallery(client, learner, lessons):
    with_gallery = AssignmentFactory(lesson=lessons[0], gallery_enabled=True)
    without = AssignmentFactory(lesson=lessons[2])
    client.force_login(learner)
    assert (
        'name="share_in_gallery"'
        in client.get(reverse("assignments:detail", args=[with_gallery.pk])).content.decode()
    )
    assert (
        'name="share_in_gallery"'
        not in client.get(reverse("assignments:detail", args=[without.pk])).content.decode()
    )
