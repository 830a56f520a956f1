"""The review queue, the hand-in page and the lesson panel use the same number of
queries however much work there is."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lms.assignments.models import FileKind, Submission, SubmissionFile, SubmissionStatus
from lms.assignments.selectors import assignment_notices_for, lesson_assignment_panel
from lms.assignments.services import Work, submission_hand_in, submission_review
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

from .factories import AssignmentFactory, photo

QUEUE = reverse("assignments:review_queue")


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def add_waiting_work(centre, assignments, count: int, start: int) -> None:
    """`count` handed-in submissions with two photos each, spread over the assignments."""
    now = timezone.now()
    learners = [
        UserFactory(username=f"queue-{start + i}", home_centre=centre) for i in range(count)
    ]
    submissions = Submission.objects.bulk_create(
        Submission(
            assignment=assignments[i % len(assignments)],
            user=learner,
            status=SubmissionStatus.SUBMITTED,
            text="ประกาศขาย",
            submitted_at=now,
        )
        for i, learner in enumerate(learners)
    )
    SubmissionFile.objects.bulk_create(
        SubmissionFile(
            submission=s,
            kind=FileKind.IMAGE,
            file=f"assignments/test/{s.pk}-{n}.jpg",
            original_name=f"{n}.jpg",
            content_type="image/jpeg",
            size=1000,
            width=10,
            height=10,
        )
        for s in submissions
        for n in range(2)
    )


def test_review_queue_queries_are_the_same_for_5_and_200_submissions(
    client, trainer, centre, workforce_track, course, lessons
):
    other_course = CoursePageFactory(parent=workforce_track)
    other_lesson = LessonPageFactory(parent=other_course)
    assignments = [
        AssignmentFactory(lesson=lessons[0]),
        AssignmentFactory(lesson=other_lesson),
        AssignmentFactory(course=course),
    ]
    add_waiting_work(centre, assignments, 5, 0)
    client.force_login(trainer)
    client.get(QUEUE)  # warm per-process caches (content types, site)
    five = count_queries(client, QUEUE)
    add_waiting_work(centre, assignments, 195, 5)
    two_hundred = count_queries(client, QUEUE)
    assert Submission.objects.waiting().count() == 200
    assert five == two_hundred
    assert two_hundred <= 12
    # The reviewed tab and a later page keep to the same budget.
    assert count_queries(client, QUEUE + "?page=8") == two_hundred


def test_lesson_panel_and_notices_do_not_grow_with_history(
    django_assert_max_num_queries, trainer, learner, assignment
):
    for attempt in range(3):
        submission = submission_hand_in(
            user=learner, assignment=assignment, work=Work(text=f"ครั้งที่ {attempt}")
        )
        submission_review(reviewer=trainer, submission=submission, decision="redo", feedback="แก้")
    with django_assert_max_num_queries(3):
        panel = lesson_assignment_panel(user=learner, lesson=assignment.lesson)
    assert panel["status"] == "redo"
    with django_assert_max_num_queries(1):
        notices = assignment_notices_for(user=learner)
    assert [n["kind"] for n in notices] == ["redo"]


def test_hand_in_page_does_not_grow_with_photos(client, learner, assignment, lessons):
    client.force_login(learner)
    url = reverse("assignments:detail", args=[assignment.pk])
    submission_hand_in(user=learner, assignment=assignment, work=Work(images=[photo()]))
    client.get(url)
    one = count_queries(client, url)
    other = AssignmentFactory(lesson=lessons[2])
    submission_hand_in(
        user=learner, assignment=other, work=Work(images=[photo(f"{i}.jpg") for i in range(5)])
    )
    five = count_queries(client, reverse("assignments:detail", args=[other.pk]))
    assert one == five
