"""Demo learner progress: one course in progress, one completed (idempotent)."""

from assessments.models import Quiz
from curricula.selectors import course_lessons
from lms.learning.models import CompletionSource, Enrollment
from lms.learning.requirements import LessonRequirement, lesson_requirement
from lms.learning.services import enrollment_create, lesson_complete, lesson_visit
from lms.setup.demo.assessments import pass_quiz


def _finish(learner, lesson) -> None:
    """Finish a lesson the way a learner would: pass its quiz or mark it done.

    A lesson decided by an assignment is only opened: its work waits for a trainer
    (the assignments demo hands it in).
    """
    lesson_visit(user=learner, lesson=lesson)
    requirement = lesson_requirement(lesson.pk)
    if requirement == LessonRequirement.QUIZ:
        pass_quiz(user=learner, quiz=Quiz.objects.live().get(lesson=lesson))
    elif requirement == LessonRequirement.MANUAL:
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

    # Selling online: lesson one done, the photo lesson's work handed in and waiting for
    # the trainer, lesson three opened.
    selling = courses["sell-products-online"]
    enrollment = enrollment_create(user=learner, course=selling).enrollment
    if not enrollment.progress.exists():
        lessons = list(course_lessons(selling))
        for lesson in lessons[:2]:
            _finish(learner, lesson)
        lesson_visit(user=learner, lesson=lessons[2])
