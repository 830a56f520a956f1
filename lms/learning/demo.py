"""Demo learner progress: one course in progress, one completed (idempotent)."""

from curricula.selectors import course_lessons

from .models import CompletionSource, Enrollment
from .services import enrollment_create, lesson_complete, lesson_visit


def seed(result: dict) -> None:
    learner = result["users"]["demo-learner"]
    courses = result["courses"]

    # Online safety: every lesson done, so the course is complete.
    safety = courses["online-safety"]
    if not Enrollment.objects.filter(user=learner, course=safety).exists():
        enrollment_create(user=learner, course=safety)
        for lesson in course_lessons(safety):
            lesson_visit(user=learner, lesson=lesson)
            lesson_complete(user=learner, lesson=lesson, via=CompletionSource.LEARNER)

    # Selling online: two lessons done, the third opened; "Continue" goes to lesson three.
    selling = courses["sell-products-online"]
    enrollment = Enrollment.objects.filter(user=learner, course=selling).first()
    if enrollment is None:
        enrollment_create(user=learner, course=selling)
        lessons = list(course_lessons(selling))
        for lesson in lessons[:2]:
            lesson_visit(user=learner, lesson=lesson)
            lesson_complete(user=learner, lesson=lesson, via=CompletionSource.LEARNER)
        lesson_visit(user=learner, lesson=lessons[2])
