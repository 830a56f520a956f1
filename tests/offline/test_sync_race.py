"""Two requests with the same key at the same moment, as real threads: applied once."""

import uuid

import pytest

from assessments.models import QuizAttempt
from lms.learning.services import enrollment_create
from lms.offline.models import OfflineAction
from lms.offline.sync import ActionIn, offline_action_apply, paper_issue, paper_token
from lms.setup.platform import platform_setup
from tests.assessments.conftest import ensure_tree_roots
from tests.assessments.factories import make_quiz, true_false
from tests.assessments.test_concurrency import run_together
from tests.factories import CoursePageFactory, LessonPageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_key_sent_twice_at_once_grades_one_attempt():
    ensure_tree_roots()
    home = platform_setup()
    course = CoursePageFactory(parent=home.get_children().first().specific)
    LessonPageFactory(parent=course)
    learner = UserFactory(username="twophones")
    enrollment_create(user=learner, course=course)
    quiz = make_quiz(course=course, questions=[true_false()], available_offline=True)
    paper = paper_issue(user=learner, quiz=quiz)
    action = ActionIn(
        key=uuid.uuid4(),
        type="quiz.submit",
        fields=[
            ("quiz", str(quiz.pk)),
            ("paper", paper_token(paper=paper)),
            ("present", "1"),
            ("q1", "true"),
        ],
    )
    results, errors = run_together(
        [lambda: offline_action_apply(user=learner, action=action) for _ in range(3)]
    )
    assert errors == []
    assert len(results) == 3 and len(set(results)) == 1
    assert results[0].status == "done"
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert OfflineAction.objects.filter(user=learner).count() == 1
