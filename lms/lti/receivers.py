"""Scores for a school's gradebook on the events the lower apps announce (connected in
apps.py). Each receiver runs inside its event's transaction and returns at once for a
learner who never arrived through LTI."""

from assessments.models import QuizAttempt
from assessments.signals import attempt_graded
from curricula.models import LessonPage
from lms.learning.models import Enrollment, LessonProgress
from lms.learning.signals import course_completed, lesson_completed

from .models import LtiAccount
from .services import score_record


def _is_linked(user_id: int) -> bool:
    return LtiAccount.objects.filter(user_id=user_id).exists()


def on_lesson_completed(sender, *, progress: LessonProgress, **kwargs) -> None:
    if _is_linked(progress.user_id):
        score_record(user=progress.user, course_id=progress.enrollment.course_id)


def on_course_completed(sender, *, enrollment: Enrollment, **kwargs) -> None:
    if _is_linked(enrollment.user_id):
        score_record(user=enrollment.user, course_id=enrollment.course_id)


def on_attempt_graded(sender, *, attempt: QuizAttempt, **kwargs) -> None:
    if not _is_linked(attempt.user_id):
        return
    quiz = attempt.quiz
    course_id = quiz.course_id
    if course_id is None and quiz.lesson_id is not None:
        course_id = LessonPage.objects.get(pk=quiz.lesson_id).get_parent().pk
    if course_id is not None:
        score_record(user=attempt.user, course_id=course_id)


def connect() -> None:
    lesson_completed.connect(
        on_lesson_completed, sender=LessonProgress, dispatch_uid="lti-lesson-completed"
    )
    course_completed.connect(
        on_course_completed, sender=Enrollment, dispatch_uid="lti-course-completed"
    )
    attempt_graded.connect(on_attempt_graded, sender=QuizAttempt, dispatch_uid="lti-graded")
