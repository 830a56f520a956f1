"""Demo learner progress: one course in progress, one completed (idempotent)."""

from assessments.demo import pass_quiz
from assessments.models import Quiz
from curricula.selectors import course_lessons

from .models import CompletionSource, Enrollment
from .services import enrollment_create, lesson_complete, lesson_visit


def _finish(learner, lesson) -> None:
    """Finish a lesson the way a learner would: pass its quiz, or mark it done."""
    lesson_visit(user=learner, lesson=lesson)
    quiz = Quiz.objects.live().filter(lesson=lesson).first()
    if quiz is not None:
        pass_quiz(user=learner, quiz=quiz)
    else:
        lesson_complete(user=learner, lesson=lesson, via=CompletionSource.LEARNER)


def seed(result: dict) -> None:
    learner = result["users"]["demo-learner"]
    courses = result["courses"]

    # Online safety: every lesson done, so the course is complete.
    safety = courses["online-safety"]
    if not Enrollment.objects.filter(user=learner, course=safety).exists():
        enrollment_create(user=learner, course=safety)
        for lesson in course_lessons(safety):
            _finish(learner, lesson)

    # Selling online: two lessons done, the third opened; "Continue" goes to lesson three.
    selling = courses["sell-products-online"]
    enrollment = Enrollment.objects.filter(user=learner, course=selling).first()
    if enrollment is None:
        enrollment_create(user=learner, course=selling)
        lessons = list(course_lessons(selling))
        for lesson in lessons[:2]:
            _finish(learner, lesson)
        lesson_visit(user=learner, lesson=lessons[2])
