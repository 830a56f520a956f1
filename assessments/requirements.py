"""What quizzes add to completion (registered with lms.learning.requirements in `register()`).

A lesson with a live quiz is done when the quiz is passed; a course with a live
final quiz completes only once that quiz is passed, under its grading method.
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from lms.learning.models import Enrollment
from lms.learning.outline import outlines_depend_on
from lms.learning.requirements import (
    LessonRequirement,
    Unmet,
    register_course_check,
    register_lesson_requirement,
)

from .models import Quiz, QuizAttempt
from .selectors import passed_by_method, quiz_url


def lessons_with_quiz(lesson_ids: Iterable[int]) -> dict[int, str]:
    """lesson id → LessonRequirement.QUIZ for the lessons that have a live quiz (one query)."""
    ids = (
        Quiz.objects.live()
        .filter(lesson_id__in=list(lesson_ids))
        .values_list("lesson_id", flat=True)
    )
    return dict.fromkeys(ids, LessonRequirement.QUIZ)


def final_quiz_passed(enrollment: Enrollment) -> list[Unmet]:
    """One Unmet per live final quiz of the course the learner has not passed."""
    quizzes = list(Quiz.objects.live().filter(course_id=enrollment.course_id))
    if not quizzes:
        return []
    attempts: dict[int, list[QuizAttempt]] = {quiz.pk: [] for quiz in quizzes}
    for attempt in (
        QuizAttempt.objects.submitted()
        .filter(user_id=enrollment.user_id, quiz__in=quizzes)
        .only("id", "quiz_id", "number", "passed")
    ):
        attempts[attempt.quiz_id].append(attempt)
    return [
        Unmet(
            "quiz",
            _("Pass the final quiz “%(title)s”") % {"title": quiz.title},
            quiz_url(quiz),
        )
        for quiz in quizzes
        if not passed_by_method(quiz, attempts[quiz.pk])
    ]


def register() -> None:
    """Called from AssessmentsConfig.ready()."""
    # Which lessons have a quiz is part of the cached course outlines.
    outlines_depend_on(Quiz)
    register_lesson_requirement(lessons_with_quiz, order=10)
    register_course_check(final_quiz_passed, order=20)
