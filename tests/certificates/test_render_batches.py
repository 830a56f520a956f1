"""A bulk issue renders its certificates several to a task; a single issue still one each."""

import pytest

from lms.certificates import services
from lms.certificates.models import Certificate, RenderStatus
from lms.certificates.services import (
    certificate_issue,
    certificate_renders_batched,
    certificates_render,
)
from tests.factories import UserFactory


@pytest.fixture
def sent(monkeypatch):
    """What was sent to render, task by task (each still runs: tasks are eager in tests)."""
    tasks: list[list[int]] = []
    single, many = services.certificate_enqueue_render, services.certificates_enqueue_render

    def one(*, certificate_id):
        tasks.append([certificate_id])
        return single(certificate_id=certificate_id)

    def several(*, certificate_ids):
        tasks.append(list(certificate_ids))
        return many(certificate_ids=certificate_ids)

    monkeypatch.setattr(services, "certificate_enqueue_render", one)
    monkeypatch.setattr(services, "certificates_enqueue_render", several)
    return tasks


@pytest.fixture
def learners(centre):
    return [UserFactory(username=f"learner-{n}", home_centre=centre) for n in range(5)]


def issue(actor, learner, course):
    return certificate_issue(actor=actor, learner=learner, course=course, reason="เรียนในห้อง")


def test_a_bulk_issue_sends_its_certificates_in_tasks_of_several(
    learners, course, national_admin, sent, django_capture_on_commit_callbacks
):
    with certificate_renders_batched(size=2):
        for learner in learners:
            with django_capture_on_commit_callbacks(execute=True):
                issue(national_admin, learner, course)
    certificates = Certificate.objects.filter(learner__in=learners).order_by("pk")
    ids = list(certificates.values_list("pk", flat=True))
    assert sent == [ids[0:2], ids[2:4], ids[4:5]]
    assert {c.status for c in certificates} == {RenderStatus.RENDERED}
    assert [c.render_count for c in certificates] == [1] * 5
    assert all(c.enqueued_at is not None for c in certificates)


def test_an_issue_committed_after_the_bulk_issue_ended_is_still_sent(
    learners, course, national_admin, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), certificate_renders_batched(size=10):
        issue(national_admin, learners[0], course)
    certificate = Certificate.objects.get(learner=learners[0])
    assert sent == [[certificate.pk]]
    assert certificate.status == RenderStatus.RENDERED


def test_a_single_issue_is_one_task(
    learners, course, national_admin, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = issue(national_admin, learners[0], course)
    assert sent == [[certificate.pk]]
    certificate.refresh_from_db()
    assert certificate.status == RenderStatus.RENDERED


def test_rendering_several_skips_what_is_gone_or_done_and_renders_the_rest(
    learners, course, national_admin
):
    made = [issue(national_admin, learner, course) for learner in learners[:3]]
    assert {c.status for c in made} == {RenderStatus.PENDING}  # not sent: no commit here
    certificates_render(certificate_ids=[made[0].pk])
    rendered = certificates_render(certificate_ids=[made[0].pk, 999_999, made[1].pk, made[2].pk])
    assert rendered == 3  # the one already rendered is left as it is
    for certificate in made:
        certificate.refresh_from_db()
        assert certificate.status == RenderStatus.RENDERED
        assert certificate.render_count == 1
