"""Statements for the events the lower apps announce (connected in apps.py).

Each receiver runs inside the transaction of its event and writes the statement to the
outbox there. With no LRS configured each returns before reading anything.
"""

from assessments.models import QuizAttempt
from assessments.signals import attempt_graded, attempt_started
from curricula.models import CoursePage, LessonPage
from lms.certificates.models import Certificate
from lms.certificates.signals import certificate_issued
from lms.learning.models import Enrollment, LessonProgress
from lms.learning.signals import course_completed, lesson_completed, lesson_launched

from . import statements
from .services import agent_name_for, statement_record, xapi_enabled


def _lesson_statement(progress: LessonProgress, verb: str, at) -> dict:
    lesson = LessonPage.objects.get(pk=progress.lesson_id)
    course = CoursePage.objects.get(pk=progress.enrollment.course_id)
    return statements.statement(
        agent_name=agent_name_for(user=progress.user),
        verb=verb,
        activity=statements.page_activity("lesson", lesson),
        at=at,
        enrollment_id=progress.enrollment_id,
        parents=[statements.page_activity("course", course)],
    )


def on_lesson_launched(sender, *, progress: LessonProgress, **kwargs) -> None:
    if xapi_enabled():
        statement_record(
            statement=_lesson_statement(progress, "launched", progress.first_visited_at)
        )


def on_lesson_completed(sender, *, progress: LessonProgress, **kwargs) -> None:
    if xapi_enabled():
        statement_record(statement=_lesson_statement(progress, "completed", progress.completed_at))


def on_course_completed(sender, *, enrollment: Enrollment, **kwargs) -> None:
    if not xapi_enabled():
        return
    course = CoursePage.objects.get(pk=enrollment.course_id)
    statement_record(
        statement=statements.statement(
            agent_name=agent_name_for(user=enrollment.user),
            verb="completed",
            activity=statements.page_activity("course", course),
            at=enrollment.completed_at,
            enrollment_id=enrollment.pk,
        )
    )


def _quiz_activity(attempt: QuizAttempt) -> tuple[dict, list[dict], int | None]:
    """The quiz as an activity, its lesson and course as parents, and the enrolment."""
    quiz = attempt.quiz
    lesson = LessonPage.objects.get(pk=quiz.lesson_id) if quiz.lesson_id else None
    course_id = quiz.course_id or (lesson.get_parent().pk if lesson is not None else None)
    parents = []
    if lesson is not None:
        parents.append(statements.page_activity("lesson", lesson))
    enrollment_id = None
    if course_id is not None:
        course = CoursePage.objects.get(pk=course_id)
        parents.append(statements.page_activity("course", course))
        enrollment_id = (
            Enrollment.objects.filter(user_id=attempt.user_id, course_id=course_id)
            .values_list("pk", flat=True)
            .first()
        )
    activity = {
        "objectType": "Activity",
        "id": statements.activity_id("quiz", quiz.pk),
        "definition": {
            "type": statements.ACTIVITY_TYPES["quiz"],
            "name": statements.language_map(quiz.title),
        },
    }
    return activity, parents, enrollment_id


def on_attempt_started(sender, *, attempt: QuizAttempt, **kwargs) -> None:
    if not xapi_enabled():
        return
    activity, parents, enrollment_id = _quiz_activity(attempt)
    statement_record(
        statement=statements.statement(
            agent_name=agent_name_for(user=attempt.user),
            verb="attempted",
            activity=activity,
            at=attempt.started_at,
            enrollment_id=enrollment_id,
            parents=parents,
        )
    )


def on_attempt_graded(sender, *, attempt: QuizAttempt, **kwargs) -> None:
    if not xapi_enabled():
        return
    activity, parents, enrollment_id = _quiz_activity(attempt)
    statement_record(
        statement=statements.statement(
            agent_name=agent_name_for(user=attempt.user),
            verb="passed" if attempt.passed else "failed",
            activity=activity,
            at=attempt.graded_at,
            enrollment_id=enrollment_id,
            parents=parents,
            result=statements.score_result(
                score=attempt.score,
                max_score=attempt.max_score,
                percent=attempt.percent,
                passed=bool(attempt.passed),
            ),
        )
    )


def on_certificate_issued(sender, *, certificate: Certificate, **kwargs) -> None:
    if not xapi_enabled():
        return
    course = CoursePage.objects.get(pk=certificate.course_id)
    activity = {
        "objectType": "Activity",
        "id": f"{statements.site_url()}/certificates/verify/{certificate.code}/",
        "definition": {
            "name": statements.language_map(
                f"ประกาศนียบัตร {certificate.course_title}",
                f"Certificate: {certificate.course_title_en}"
                if certificate.course_title_en
                else "",
            ),
        },
    }
    statement_record(
        statement=statements.statement(
            agent_name=agent_name_for(user=certificate.learner),
            verb="earned",
            activity=activity,
            at=certificate.issued_at,
            enrollment_id=certificate.enrollment_id,
            parents=[statements.page_activity("course", course)],
        )
    )


def connect() -> None:
    lesson_launched.connect(on_lesson_launched, sender=LessonProgress, dispatch_uid="xapi-launched")
    lesson_completed.connect(
        on_lesson_completed, sender=LessonProgress, dispatch_uid="xapi-lesson-completed"
    )
    course_completed.connect(
        on_course_completed, sender=Enrollment, dispatch_uid="xapi-course-completed"
    )
    attempt_started.connect(on_attempt_started, sender=QuizAttempt, dispatch_uid="xapi-attempted")
    attempt_graded.connect(on_attempt_graded, sender=QuizAttempt, dispatch_uid="xapi-graded")
    certificate_issued.connect(
        on_certificate_issued, sender=Certificate, dispatch_uid="xapi-certificate-issued"
    )
